"""Addresses: an article keeps its address, and a moved one sends readers on, with or without the cache.

The issue behind these tests: an article whose title equalled an existing one took the old
article's address (and moved the old one to ``-2``), and fixing a headline deleted the old page.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from dossier.addresses import HEADER, LEDGER_FILE, Claim, Entry, Ledger, ledger_text, read_ledger, settle
from dossier.check import broken_links
from dossier.cli import main
from dossier.errors import ContentError
from dossier.pipeline import BuildOptions, build
from tests.conftest import copy_site

BASE = "https://example.org/iraq/"
VOX = "vox-behind-iraqs-call-to-remove-us-led-forces"
VOX_TITLE = "Behind Iraq’s call to remove US-led forces"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def heading(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert found is not None
    return unescape(found.group(1))


def first_sentence(html: str) -> str:
    """The text of an article page's first sentence: which article a page shows, whatever its title."""
    found = re.search(r'<span class="s" data-s="s1" id="s1">(.*?)</span>', html, re.DOTALL)
    assert found is not None
    return re.sub(r"<[^>]+>", "", found.group(1))


def served(output: Path) -> dict[str, tuple[str, str]]:
    """address → (title, first sentence) of every article page of a built site."""
    pages = {}
    for page in sorted((output / "articles").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if page.name != "index.html" and 'data-s="s1"' in html:
            pages[page.stem] = (heading(html), first_sentence(html))
    return pages


def build_site(site: Path, **options: object) -> Path:
    return build(BuildOptions(site=site, jobs=1, base_url=BASE, **options)).output  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site, built once; each test gets a copy with its output and cache."""
    site = copy_site(tmp_path_factory.mktemp("built") / "site")
    build_site(site)
    return site


@pytest.fixture
def site(tmp_path: Path, built_site: Path) -> Path:
    return Path(shutil.copytree(built_site, tmp_path / "site", symlinks=True))


def add(site: Path, name: str, title: str, text: str = "The coalition met in Baghdad on 2 May 2024.") -> Path:
    path = site / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: {title}\ndate: 2024-05-02\nsource: Rudaw\n---\n\n{text}\n", encoding="utf-8"
    )
    return path


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    old = re.search(r"^title: .*$", text, re.MULTILINE)
    assert old is not None
    path.write_text(text.replace(old.group(0), f"title: {title}", 1), encoding="utf-8")


# --- the issue, end to end ------------------------------------------------------------------------


def test_adding_an_article_with_an_existing_title_leaves_every_address_serving_its_article(
    site: Path,
) -> None:
    before = served(site / "_site")
    add(site, "rudaw-behind-iraqs-call.md", VOX_TITLE)
    after = served(build_site(site))
    assert {address: after[address] for address in before} == before
    assert after["rudaw-behind-iraqs-call"][0] == VOX_TITLE  # the newcomer has an address of its own
    assert len(after) == len(before) + 1


def test_editing_a_title_leaves_every_address_serving_its_article(site: Path) -> None:
    before = served(site / "_site")
    retitle(site / "articles" / f"{VOX}.md", "Why Iraq wants US-led forces out")
    after = served(build_site(site))
    assert after.keys() == before.keys()  # no page deleted, none added
    assert after[VOX] == ("Why Iraq wants US-led forces out", before[VOX][1])
    assert {a: v for a, v in after.items() if a != VOX} == {a: v for a, v in before.items() if a != VOX}


def test_an_article_with_an_existing_title_on_a_clean_build_takes_no_address(tmp_path: Path) -> None:
    """Even without any ledger or cache (a fresh checkout), the file name decides, not the title."""
    site = copy_site(tmp_path / "site")
    (site / LEDGER_FILE).unlink(missing_ok=True)
    add(site, "aaa-first-in-path-order.md", VOX_TITLE)
    pages = served(build_site(site))
    assert pages[VOX][1].startswith("Iraq’s prime minister called for an end")
    assert pages["aaa-first-in-path-order"][1].startswith("The coalition met in Baghdad")


# --- moved addresses ------------------------------------------------------------------------------


def redirect_target(html: str) -> str:
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert found is not None
    return found.group(1)


def test_a_renamed_file_leaves_a_page_at_its_old_address_that_sends_readers_on(site: Path) -> None:
    articles = site / "articles"
    (articles / f"{VOX}.md").rename(articles / "vox-2024-01-07.md")
    output = build_site(site)
    old = (output / "articles" / f"{VOX}.html").read_text(encoding="utf-8")
    assert redirect_target(old) == "vox-2024-01-07.html"
    assert f'<link rel="canonical" href="{BASE}articles/vox-2024-01-07.html">' in old
    assert '<meta name="robots" content="noindex">' in old
    assert f'<a href="vox-2024-01-07.html" dir="auto">{VOX_TITLE}</a>' in old  # visible, for no refresh
    assert served(output)["vox-2024-01-07"][0] == VOX_TITLE
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "articles/vox-2024-01-07.html" in sitemap and f"articles/{VOX}.html" not in sitemap
    assert broken_links(output) == []
    ledger = read_ledger(site / LEDGER_FILE)
    moved = next(e for e in ledger.entries if e.path == "articles/vox-2024-01-07.md")
    assert moved.addresses[-2:] == (VOX, "vox-2024-01-07")


def test_the_search_index_holds_the_moved_article_once_under_its_new_address(site: Path) -> None:
    articles = site / "articles"
    (articles / f"{VOX}.md").rename(articles / "vox-2024-01-07.md")
    output = build_site(site)
    urls = []
    for fragment in (output / "pagefind").glob("*/fragment/*"):  # every shard (see search.py)
        data = gzip.decompress(fragment.read_bytes())
        urls.append(json.loads(data[data.index(b"{") :])["url"])
    assert "/articles/vox-2024-01-07.html" in urls
    assert f"/articles/{VOX}.html" not in urls


def test_a_changed_slug_redirects_and_a_later_change_back_restores_the_page(site: Path) -> None:
    path = site / "articles" / f"{VOX}.md"
    original = path.read_text(encoding="utf-8")
    path.write_text(
        original.replace("source: Vox\n", "source: Vox\nslug: iraq-calls-forces-out\n"), encoding="utf-8"
    )
    output = build_site(site)
    assert redirect_target((output / "articles" / f"{VOX}.html").read_text(encoding="utf-8")) == (
        "iraq-calls-forces-out.html"
    )
    path.write_text(original, encoding="utf-8")
    output = build_site(site)
    assert served(output)[VOX][0] == VOX_TITLE
    back = (output / "articles" / "iraq-calls-forces-out.html").read_text(encoding="utf-8")
    assert redirect_target(back) == f"{VOX}.html"  # the address it had meanwhile keeps leading to it


def test_a_rename_gives_the_same_site_and_ledger_with_or_without_the_cache(
    site: Path, tmp_path: Path
) -> None:
    """The memory of addresses is the ledger, an input: a build with no cache at all after the
    rename (a fresh checkout, another machine) gives byte for byte what the incremental one gives."""
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    for folder in (site, fresh):
        (folder / "articles" / f"{VOX}.md").rename(folder / "articles" / "vox-2024-01-07.md")
    incremental = build_site(site)
    clean = build_site(fresh)
    assert snapshot(incremental) == snapshot(clean)
    assert (site / LEDGER_FILE).read_bytes() == (fresh / LEDGER_FILE).read_bytes()
    assert (clean / "articles" / f"{VOX}.html").is_file()


def test_an_alias_in_the_frontmatter_is_served_as_a_moved_address(site: Path) -> None:
    path = site / "articles" / f"{VOX}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "source: Vox\n", "source: Vox\naliases: [2024/01/iraq-call]\n"
        ),
        encoding="utf-8",
    )
    assert main(["build", "--site", str(site), "-q"]) == 1  # a path is no address
    path.write_text(
        path.read_text(encoding="utf-8").replace("aliases: [2024/01/iraq-call]", "aliases: [iraq-call]"),
        encoding="utf-8",
    )
    output = build_site(site)
    assert (
        redirect_target((output / "articles" / "iraq-call.html").read_text(encoding="utf-8")) == f"{VOX}.html"
    )
    assert "iraq-call" not in (site / LEDGER_FILE).read_text(encoding="utf-8")  # the frontmatter holds it


def test_taking_an_address_another_article_was_published_under_is_an_error_naming_both(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = site / "articles"
    (articles / f"{VOX}.md").rename(articles / "vox.md")
    build_site(site)
    before = snapshot(site / "_site")
    ledger = (site / LEDGER_FILE).read_bytes()
    add(site, f"{VOX}.md", "Another article")  # its file name is the moved article's old address
    assert main(["build", "--site", str(site)]) == 1
    out = capsys.readouterr().out
    assert f"articles/{VOX}.md: address '{VOX}' belongs to articles/vox.md" in " ".join(out.split())
    assert snapshot(site / "_site") == before  # the previous site, untouched
    assert (site / LEDGER_FILE).read_bytes() == ledger


def test_a_deleted_article_is_noted_and_its_addresses_let_go(site: Path) -> None:
    (site / "articles" / f"{VOX}.md").unlink()
    result = build(BuildOptions(site=site, jobs=1, base_url=BASE))
    assert any(f"articles/{VOX}.md is gone" in w for w in result.warnings)
    assert f"articles/{VOX}.md" not in (site / LEDGER_FILE).read_text(encoding="utf-8")
    assert not (result.output / "articles" / f"{VOX}.html").exists()


def test_a_draft_keeps_its_ledger_entry_and_adds_no_address(site: Path) -> None:
    path = site / "articles" / f"{VOX}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("source: Vox\n", "source: Vox\ndraft: true\n"))
    output = build_site(site)
    assert not (output / "articles" / f"{VOX}.html").exists()
    assert f"articles/{VOX}.md" in (site / LEDGER_FILE).read_text(encoding="utf-8")


def test_a_malformed_ledger_is_an_error_naming_the_file_and_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(site / "_site")
    (site / LEDGER_FILE).write_text(
        "articles/a.md:\n  title: A\n  addresses: [a]\narticles/b.md:\n  title: B\n  addresses: [a]\n",
        encoding="utf-8",
    )
    assert main(["build", "--site", str(site)]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert f"{LEDGER_FILE}:4: address 'a' is listed for articles/a.md and for articles/b.md" in out
    (site / LEDGER_FILE).write_text("articles/a.md:\n  title: A\n  addresses: [Not/An/Address]\n")
    assert main(["build", "--site", str(site)]) == 1
    assert (
        f"{LEDGER_FILE}:1: articles/a.md: 'Not/An/Address' is not an article address"
        in capsys.readouterr().out
    )
    assert snapshot(site / "_site") == before


# --- the ledger's rules, on their own -------------------------------------------------------------


def claim(path: str, slug: str, title: str = "T", url: str | None = None, **more: object) -> Claim:
    return Claim(path, slug, title, url, tuple(more.get("aliases", ())), bool(more.get("draft", False)))  # type: ignore[arg-type]


def test_a_rename_is_recognised_by_url_before_title() -> None:
    ledger = Ledger(
        (Entry("a.md", "Same", "https://x.org/1", ("a",)), Entry("b.md", "Same", "https://x.org/2", ("b",)))
    )
    settled = settle(ledger, [claim("c.md", "c", "Same", "https://x.org/2"), claim("a.md", "a", "Same", "https://x.org/1")],
                     {"a.md", "c.md"})  # fmt: skip
    assert settled.redirects == (("b", "c"),)
    assert [e.addresses for e in settled.ledger.entries] == [("a",), ("b", "c")]
    assert not settled.warnings and not settled.errors


def test_an_ambiguous_rename_inherits_nothing_and_warns() -> None:
    ledger = Ledger((Entry("a.md", "Same", None, ("a",)),))
    settled = settle(ledger, [claim("b.md", "b", "Same"), claim("c.md", "c", "Same")], {"b.md", "c.md"})
    assert settled.redirects == ()
    assert settled.warnings and "a.md is gone" in settled.warnings[0]


def test_an_entry_whose_file_is_left_out_keeps_its_addresses_from_others() -> None:
    """A file that failed to load (--keep-going) is still there: nobody takes its addresses."""
    ledger = Ledger((Entry("a.md", "A", None, ("old", "a")),))
    settled = settle(ledger, [claim("b.md", "old")], {"a.md", "b.md"})
    assert [e.path for e in settled.errors] == ["b.md"]
    assert settled.ledger == ledger


def test_the_ledger_text_is_stable_and_reads_back() -> None:
    ledger = Ledger((Entry("articles/a.md", "A: “quoted”", "https://x.org/a", ("a-old", "a")),))
    text = ledger_text(ledger)
    assert text == ledger_text(ledger)
    assert "articles/a.md:\n" in text and "addresses: [a-old, a]" in text


def test_reading_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / LEDGER_FILE
    assert read_ledger(path) == Ledger()
    path.write_text(ledger_text(Ledger((Entry("articles/a.md", "A", None, ("a",)),))), encoding="utf-8")
    assert read_ledger(path).entries == (Entry("articles/a.md", "A", None, ("a",)),)
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ContentError, match="must map each article file"):
        read_ledger(path)


def test_the_seed_sites_former_addresses_lead_to_their_articles(seed_build: object) -> None:
    """The seed articles were once addressed by their titles; addresses.yaml keeps those links working."""
    output: Path = seed_build.output  # type: ignore[attr-defined]
    former = {
        "behind-iraqs-call-to-remove-us-led-forces": VOX,
        "the-end-of-the-us-led-coalition-in-iraq": "al-ahram-the-end-of-the-us-led-coalition-in-iraq",
        "a-new-era-in-iraq-al-sudanis-bold-move-to-end-us-coalition": "medium-a-new-era-in-iraq",
        "challenges-facing-baghdad-why-did-iraq-postpone-ending": (
            "world-policy-hub-why-did-iraq-postpone-ending-the-coalition-mission"
        ),
    }
    for old, new in former.items():
        page = (output / "articles" / f"{old}.html").read_text(encoding="utf-8")
        assert redirect_target(page) == f"{new}.html"
    assert broken_links(output) == []


def test_an_edit_of_the_ledger_alone_is_seen_by_the_next_build(site: Path) -> None:
    """Deleting an address from addresses.yaml lets it go: its page goes, with nothing else changed."""
    ledger = site / LEDGER_FILE
    old = "behind-iraqs-call-to-remove-us-led-forces"
    assert (site / "_site" / "articles" / f"{old}.html").is_file()
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(f"[{old}, ", "["), encoding="utf-8")
    result = build(BuildOptions(site=site, jobs=1, base_url=BASE))
    assert not result.nothing_changed
    assert not (site / "_site" / "articles" / f"{old}.html").exists()
    assert build(BuildOptions(site=site, jobs=1, base_url=BASE)).nothing_changed


def test_a_new_article_keeps_its_address_when_its_file_is_renamed(site: Path) -> None:
    """``new`` writes the slug into the file, so renaming the file later moves nothing."""
    from dossier.new import create_article

    path = create_article(site, "Iraq sets a date for the coalition's exit")
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    build_site(site)
    path.rename(path.with_name("2024-exit-date.md"))
    output = build_site(site)
    html = (output / "articles" / "iraq-sets-a-date-for-the-coalitions-exit.html").read_text(encoding="utf-8")
    assert heading(html) == "Iraq sets a date for the coalition's exit"
    assert not (output / "articles" / "2024-exit-date.html").exists()


def test_the_ledger_reads_back_as_written_whatever_its_titles_hold(tmp_path: Path) -> None:
    titles = ['a "quote" and \\ a backslash', "a line\u2028separator", "next\x85line", "del\x7f", "tab\there",
              "new\nline", "عنوان عربي", "a\ufeffmark", "colon: yes # not a comment", ""]  # fmt: skip
    ledger = Ledger(
        tuple(
            Entry(
                f"articles/a{i}.md", title, "https://example.org/x?y=1" if i % 2 else None, (f"a{i}", f"b{i}")
            )
            for i, title in enumerate(titles)
        )
    )
    path = tmp_path / "addresses.yaml"
    path.write_text(ledger_text(ledger), encoding="utf-8")
    assert read_ledger(path) == ledger
    # read by its own layout as written, and as YAML once an owner's comment takes it out of it
    path.write_text(ledger_text(ledger) + "# checked by hand\n", encoding="utf-8")
    assert read_ledger(path) == ledger


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        (
            'articles/a.md:\n  title: "A"\n  addresses: [a]\n'
            '"articles/b.md":\n  title: "B"\n  addresses: [a]\n',  # the header's 4 lines, then these
            "addresses.yaml:8: address 'a' is listed for articles/a.md and for articles/b.md",
        ),
        (
            'articles/a.md:\n  title: "A"\n  addresses: [Not-An-Address]\n',
            "addresses.yaml:5: articles/a.md: 'Not-An-Address' is not an article address",
        ),
        (
            'articles/a.md:\n  title: "A"\n  addresses: [old-a, a]\n'
            'articles/a.md:\n  title: "A"\n  addresses: [a]\n',  # both sides of a merge kept
            "addresses.yaml:8:",
        ),
        ('articles/a.md:\n  title: "caf\xe9"\n  addresses: [a]\n', "addresses.yaml: not UTF-8"),
    ],
)
def test_a_wrong_entry_in_a_ledger_laid_out_as_written_names_its_line(
    tmp_path: Path, entries: str, problem: str
) -> None:
    path = tmp_path / "addresses.yaml"
    path.write_bytes((HEADER + entries).encode("utf-8" if "caf" not in entries else "latin-1"))
    with pytest.raises(ContentError) as raised:
        read_ledger(path)
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    "address", ["a", "al-sudani", "2024-01-05", "2024", "yes", "null", "0x1f", "0b11", "عنوان-عربي"]
)
def test_an_address_reads_back_as_the_same_text(tmp_path: Path, address: str) -> None:
    ledger = Ledger((Entry("articles/2024.md", "T", None, (address,)),))
    path = tmp_path / "addresses.yaml"
    path.write_text(ledger_text(ledger), encoding="utf-8")
    assert read_ledger(path) == ledger
    path.write_text(ledger_text(ledger) + "# checked by hand\n", encoding="utf-8")  # read as YAML
    assert read_ledger(path) == ledger
