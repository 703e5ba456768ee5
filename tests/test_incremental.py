"""Incremental builds: an edit rebuilds only what depends on it, and gives the site a clean build gives."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dossier.pipeline import BuildOptions, build, cache_file
from tests.conftest import ROOT, built_copy


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def clean_build(site: Path, where: Path) -> dict[str, bytes]:
    """The same site built from scratch, without any cache, into another folder."""
    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(site, where, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    result = build(BuildOptions(site=where, jobs=1))
    return snapshot(result.output)


@pytest.fixture
def site(tmp_path: Path, built_seed_site: Path) -> Path:
    return built_copy(built_seed_site, tmp_path)


def test_an_unchanged_rebuild_writes_nothing(site: Path) -> None:
    before = mtimes(site / "_site")
    result = build(BuildOptions(site=site, jobs=1))
    assert result.nothing_changed and result.written == 0
    assert mtimes(site / "_site") == before


def edit_article(site: Path) -> None:
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("mark a significant shift", "mark a historic shift in Baghdad"), encoding="utf-8"
    )


def add_article(site: Path) -> None:
    (site / "articles" / "added.md").write_text(
        "---\ntitle: Kataib Hezbollah suspends attacks\ndate: 2024-01-30\nsource: Rudaw\n---\n\n"
        "Kataib Hezbollah said on Tuesday it would suspend attacks on US forces in Iraq. "
        "The announcement came two days after a drone strike killed three US soldiers "
        "at Tower 22 in Jordan.\n",
        encoding="utf-8",
    )


def delete_article(site: Path) -> None:
    (site / "articles" / "iraq-and-the-future-of-us-military-presence.md").unlink()


def rename_article(site: Path) -> None:
    articles = site / "articles"
    (articles / "vox-behind-iraqs-call-to-remove-us-led-forces.md").rename(articles / "vox-2024-01-07.md")
    path = articles / "al-ahram-the-end-of-the-us-led-coalition-in-iraq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("title: The end of the US-led Coalition in Iraq?", "title: The end of the coalition?")
    )


def change_slug(site: Path) -> None:
    """A new address: the old one is then served as a page that sends readers on."""
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("source: Medium\n", "source: Medium\nslug: al-sudani-bold-move\n"), encoding="utf-8"
    )


def retitle_article(site: Path) -> None:
    path = site / "articles" / "vox-behind-iraqs-call-to-remove-us-led-forces.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Behind Iraq’s call", "title: Inside Iraq’s call"), encoding="utf-8")


def change_metadata(site: Path) -> None:
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("date: 2024-01-06", "date: 2024-01-09\ntags: [Analysis]").replace(
            "source: Medium", "source: The Medium Review"
        ),
        encoding="utf-8",
    )


def add_dated_and_undated_sentences(site: Path) -> None:
    path = site / "articles" / "vox-behind-iraqs-call-to-remove-us-led-forces.md"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\nOn 3 January 2024 the Pentagon said the strike in Baghdad killed Abu Taqwa "
        "of Harakat al-Nujaba. "
        "The killing of Abu Taqwa in the drone strike angered Harakat al-Nujaba.\n",
        encoding="utf-8",
    )


def remove_paragraph(site: Path) -> None:
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    path.write_text("\n\n".join(paragraphs[:2] + paragraphs[3:]), encoding="utf-8")


def change_alias(site: Path) -> None:
    path = site / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("aliases: [Houthi, Ansar Allah, Ansarallah,", "aliases: [Houthi, Ansar Allah,")
    assert edited != text
    path.write_text(edited)


def change_template(site: Path) -> None:
    shutil.copytree(ROOT / "templates", site / "templates")
    path = site / "templates" / "article.html"
    path.write_text(path.read_text(encoding="utf-8").replace("Named in this article", "Who is named here"))


def change_site_options(site: Path) -> None:
    path = site / "site.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Iraq and the coalition", "title: Iraq's coalition")
        + "latest: 3\nrelated: 2\npage_size: 2\ntimeline_page_size: 5\n",
        encoding="utf-8",
    )


def change_site_title(site: Path) -> None:
    """Only the chrome shows the title: the published pages are composed again around it."""
    path = site / "site.yaml"
    text = path.read_text(encoding="utf-8")
    assert "title: Iraq and the coalition" in text
    path.write_text(
        text.replace("title: Iraq and the coalition", "title: Iraq & <the> coalition"), encoding="utf-8"
    )


def change_site_description(site: Path) -> None:
    path = site / "site.yaml"
    text = path.read_text(encoding="utf-8")
    assert "description: >-" in text
    path.write_text(text.replace("description: >-", "description: >-\n  Newly described:"), encoding="utf-8")


def change_site_title_and_articles(site: Path) -> None:
    """The title and the articles at once: the changed pages rendered, the others composed, the
    deleted article's pages gone."""
    change_site_title(site)
    edit_article(site)
    retitle_article(site)
    delete_article(site)


def fix_attached_sentence(site: Path) -> None:
    """A word changed in an undated sentence that the timeline attaches to the strike of 4 January:
    the event quotes the sentence, so the timeline and the exports must quote it anew."""
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    text = path.read_text(encoding="utf-8")
    assert "drone strike in Baghdad that killed" in text
    path.write_text(text.replace("Baghdad that killed", "Baghdad which killed"), encoding="utf-8")


def change_speaker(site: Path) -> None:
    """Statements given to another speaker: one voice loses them, a new one has them."""
    path = site / "articles" / "vox-behind-iraqs-call-to-remove-us-led-forces.md"
    text = path.read_text(encoding="utf-8")
    assert "Jennifer Kavanagh, senior fellow" in text
    edited = text.replace("Jennifer Kavanagh, senior fellow", "Joan Kavanagh, senior fellow")
    path.write_text(edited.replace("Kavanagh said", "Joan Kavanagh said"), encoding="utf-8")


def change_figures(site: Path) -> None:
    """A claim's value changed, and the only claim about US troops in Syria gone: one quantity is
    compared again, another leaves the figures page."""
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("over 100 attacks", "over 160 attacks").replace(" and 900 in Syria", "")
    assert edited != text
    path.write_text(edited, encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "edit": edit_article,
    "attached": fix_attached_sentence,
    "add": add_article,
    "delete": delete_article,
    "rename": rename_article,
    "slug": change_slug,
    "retitle": retitle_article,
    "metadata": change_metadata,
    "sentences": add_dated_and_undated_sentences,
    "paragraph": remove_paragraph,
    "alias": change_alias,
    "speaker": change_speaker,
    "figures": change_figures,
    "template": change_template,
    "options": change_site_options,
    "site title": change_site_title,
    "site description": change_site_description,
    "site title and articles": change_site_title_and_articles,
}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_incremental_build_equals_a_clean_build(site: Path, tmp_path: Path, name: str) -> None:
    EDITS[name](site)
    result = build(BuildOptions(site=site, jobs=1))
    assert not result.nothing_changed
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")
    assert (site / "addresses.yaml").read_bytes() == (tmp_path / "clean" / "addresses.yaml").read_bytes()


@pytest.mark.parametrize("name", ["rename", "slug", "retitle", "delete"])
def test_an_incremental_build_equals_a_build_without_any_cache_from_before_the_edit(
    site: Path, tmp_path: Path, name: str
) -> None:
    """The addresses the site published are remembered in addresses.yaml, not in the cache: the
    same edit made to a copy whose cache is gone gives the same site and the same ledger."""
    other = tmp_path / "other"
    shutil.copytree(site, other, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    for folder in (site, other):
        EDITS[name](folder)
    build(BuildOptions(site=site, jobs=1))
    build(BuildOptions(site=other, jobs=1))
    assert snapshot(site / "_site") == snapshot(other / "_site")
    assert (site / "addresses.yaml").read_bytes() == (other / "addresses.yaml").read_bytes()


def test_a_series_of_edits_stays_equal_to_a_clean_build(site: Path, tmp_path: Path) -> None:
    for edit in (
        edit_article,
        add_article,
        change_metadata,
        delete_article,
        add_dated_and_undated_sentences,
        retitle_article,
        rename_article,
        change_slug,
        remove_paragraph,
    ):
        edit(site)
        build(BuildOptions(site=site, jobs=1))
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_an_edit_rewrites_only_the_pages_that_change(site: Path) -> None:
    before = snapshot(site / "_site")
    edit_article(site)
    result = build(BuildOptions(site=site, jobs=1))
    after = snapshot(site / "_site")
    changed = {path for path in after if before.get(path) != after[path]}
    index = {path for path in changed if path.startswith("pagefind/")}
    assert index, "an article changed, so the search index is rewritten"
    assert result.written == len(changed - index)  # pages, feeds and exports: only those that changed
    assert "articles/medium-a-new-era-in-iraq.html" in changed
    assert "articles/vox-behind-iraqs-call-to-remove-us-led-forces.html" not in changed


def test_a_corrupt_cache_is_set_aside_with_a_warning(site: Path) -> None:
    path = cache_file(site / "_site")
    path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    result = build(BuildOptions(site=site, jobs=1))
    assert any("unreadable" in w for w in result.warnings)
    assert snapshot(site / "_site") == snapshot(site / "_site")  # built
    assert build(BuildOptions(site=site, jobs=1)).nothing_changed


def test_a_cache_from_another_version_is_set_aside(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dossier.pipeline.__version__", "0.0.0-other")
    result = build(BuildOptions(site=site, jobs=1))
    assert any("another dossier version" in n for n in result.notes)  # an upgrade: nothing to fix
    assert not any("another dossier version" in w for w in result.warnings)
    assert not result.nothing_changed


def test_an_interrupted_build_is_redone(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_article(site)

    def fail(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("dossier.pipeline.write_page", fail)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(site=site, jobs=1))
    monkeypatch.undo()
    result = build(BuildOptions(site=site, jobs=1))
    assert not result.nothing_changed
    assert "historic shift" in (site / "_site/articles/medium-a-new-era-in-iraq.html").read_text()


def test_a_touched_but_unchanged_file_is_not_rebuilt(site: Path) -> None:
    path = site / "articles" / "medium-a-new-era-in-iraq.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert build(BuildOptions(site=site, jobs=1)).nothing_changed
    # and the next build, having recorded the new time, does not even read the file
    assert build(BuildOptions(site=site, jobs=1)).nothing_changed


def test_an_unchanged_folder_is_not_read_again_even_after_a_full_rewrite(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change_template(site)
    assert build(BuildOptions(site=site, jobs=1)).written > 0  # a template change rewrites the site

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged article was read again")

    monkeypatch.setattr("dossier.scan.read", fail)
    monkeypatch.setattr("dossier.scan._digest", fail)
    assert build(BuildOptions(site=site, jobs=1)).nothing_changed


def test_building_with_drafts_then_without_them_follows_the_flag(site: Path) -> None:
    draft = site / "articles" / "draft.md"
    draft.write_text(
        "---\ntitle: A draft about the PMF\ndate: 2024-02-01\ndraft: true\n---\n\nThe PMF met.\n",
        encoding="utf-8",
    )
    page = site / "_site" / "articles" / "draft.html"
    build(BuildOptions(site=site, jobs=1))
    assert not page.exists()
    build(BuildOptions(site=site, jobs=1, drafts=True))
    assert page.exists()
    build(BuildOptions(site=site, jobs=1))
    assert not page.exists()


def test_a_change_of_site_options_rerenders_without_extracting_again(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change_site_options(site)

    def no_extraction(*args: object) -> None:
        raise AssertionError("an article was extracted again for a change of page options")

    monkeypatch.setattr("dossier.pipeline._extract", no_extraction)
    result = build(BuildOptions(site=site, jobs=1))
    assert result.written > 0
    monkeypatch.undo()
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


@pytest.mark.parametrize(
    ("option", "analyzed"),
    [
        ("title: Iraq's coalition\n", False),  # pages only
        ("related: 2\n", True),  # how many related articles the analysis finds
        ("base_url: https://example.org/dossier/\n", True),  # what the timeline's exports link to
    ],
)
def test_an_option_the_analysis_does_not_read_renders_from_the_stored_analysis(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, analyzed: bool
) -> None:
    import dossier.incremental

    path = site / "site.yaml"
    text = path.read_text(encoding="utf-8").replace("title: Iraq and the coalition\n", "")
    path.write_text(text + option, encoding="utf-8")
    ran: list[bool] = []
    analyze = dossier.incremental.refresh

    def watched(*args: Any) -> Any:
        ran.append(True)
        return analyze(*args)

    monkeypatch.setattr("dossier.incremental.refresh", watched)
    result = build(BuildOptions(site=site, jobs=1))
    assert result.written > 0
    assert bool(ran) is analyzed
    monkeypatch.undo()
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_change_of_dossiers_code_outside_the_extractor_reanalyzes_without_extracting_again(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.versions import code_versions

    extraction, _ = code_versions()
    monkeypatch.setattr("dossier.pipeline.code_versions", lambda: (extraction, "other program"))

    def no_extraction(*args: object) -> None:
        raise AssertionError("an article was extracted again for a change of code outside the extractor")

    monkeypatch.setattr("dossier.pipeline._extract", no_extraction)
    result = build(BuildOptions(site=site, jobs=1))
    assert not result.nothing_changed and result.written > 0  # re-analyzed and rewritten
    assert not any("another dossier version" in n for n in result.notes)
    monkeypatch.undo()
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_change_of_an_extraction_option_extracts_again(site: Path, tmp_path: Path) -> None:
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "allow_html: true\n", encoding="utf-8")
    build(BuildOptions(site=site, jobs=1))
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_crafted_record_in_the_cache_runs_no_code_and_the_cache_is_set_aside(
    site: Path, tmp_path: Path
) -> None:
    import pickle
    import sqlite3

    class Exploit:
        def __reduce__(self) -> tuple:
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    with sqlite3.connect(cache_file(site / "_site")) as db:
        db.execute("UPDATE articles SET card = ?", (pickle.dumps(Exploit()),))
    edit_article(site)  # so that the build reads the cached cards
    result = build(BuildOptions(site=site, jobs=1))
    assert not (tmp_path / "pwned").exists()
    assert any("build cache is damaged" in w for w in result.warnings)
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_cache_with_a_missing_table_is_set_aside(site: Path, tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(cache_file(site / "_site")) as db:
        db.execute("DROP TABLE events")
    edit_article(site)
    result = build(BuildOptions(site=site, jobs=1))
    assert any("build cache is damaged" in w for w in result.warnings)
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_clean_reads_nothing_from_the_cache(site: Path, tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(cache_file(site / "_site")) as db:
        db.execute("UPDATE articles SET card = ?", (b"not a record",))
    result = build(BuildOptions(site=site, jobs=1, clean=True))
    assert not any("damaged" in w for w in result.warnings)  # the damaged rows were never read
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_cache_overwritten_in_the_middle_is_set_aside(site: Path, tmp_path: Path) -> None:
    path = cache_file(site / "_site")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096  # a whole page of the database file, past its header
    data[middle : middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    edit_article(site)
    result = build(BuildOptions(site=site, jobs=1))
    assert any("damaged" in w or "unreadable" in w for w in result.warnings)
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_speaker_whose_statements_all_went_elsewhere_leaves_the_voices_page(site: Path) -> None:
    change_speaker(site)
    build(BuildOptions(site=site, jobs=1))
    voices = (site / "_site" / "voices" / "index.html").read_text(encoding="utf-8")
    assert "Joan Kavanagh" in voices and "Jennifer Kavanagh" not in voices


def test_a_quantity_whose_claims_all_went_leaves_the_figures_page_and_a_changed_one_is_compared_anew(
    site: Path,
) -> None:
    figures = site / "_site" / "figures" / "index.html"
    assert 'id="figure-troops-syria"' in figures.read_text(encoding="utf-8")
    change_figures(site)
    build(BuildOptions(site=site, jobs=1))
    page = figures.read_text(encoding="utf-8")
    assert 'id="figure-troops-syria"' not in page
    assert "over 160 attacks" in page and "over 100 attacks" not in page


def rendered_in_full(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the pages the next build renders in full (not composed again)."""
    from dossier.render.site import SiteRenderer

    paths: list[str] = []
    render = SiteRenderer.render_laid_out

    def watched(self: SiteRenderer, page: Any) -> Any:
        paths.append(page.path)
        return render(self, page)

    monkeypatch.setattr(SiteRenderer, "render_laid_out", watched)
    return paths


def planned_groups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The page groups the next build plans."""
    from dossier.render.pages import Planner

    groups: list[str] = []
    plan = Planner.plan

    def watched(self: Planner, group: str) -> Any:
        groups.append(group)
        return plan(self, group)

    monkeypatch.setattr(Planner, "plan", watched)
    return groups


def test_a_new_site_title_composes_the_pages_that_do_not_show_it_in_their_own_blocks(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [p.relative_to(site / "_site").as_posix() for p in (site / "_site").rglob("*.html")]
    change_site_title(site)
    full = rendered_in_full(monkeypatch)
    planned = planned_groups(monkeypatch)
    result = build(BuildOptions(site=site, jobs=1))
    assert result.written >= len(pages)  # every page shows the title
    assert planned and all(g in ("index", "search", "redirects") for g in planned), planned
    moved = {p for p in full if "This article has moved" in (site / "_site" / p).read_text(encoding="utf-8")}
    assert moved  # redirects are pages of their own, showing the title with what they show
    assert set(full) - moved == {"index.html", "search.html"}  # the only ones whose content shows it
    monkeypatch.undo()
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_template_showing_the_site_title_in_a_page_renders_that_page_in_full_when_it_changes(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "templates", site / "templates")
    path = site / "templates" / "article.html"
    text = path.read_text(encoding="utf-8")
    assert "{% block content %}" in text
    path.write_text(
        text.replace("{% block content %}", "{% block content %}<p>{{ site.title }}</p>"), encoding="utf-8"
    )
    build(BuildOptions(site=site, jobs=1))
    change_site_title(site)
    full = rendered_in_full(monkeypatch)
    build(BuildOptions(site=site, jobs=1))
    assert any(p.startswith("articles/") and p != "articles/index.html" for p in full)
    monkeypatch.undo()
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")
    assert (
        "Iraq &amp; &lt;the&gt; coalition</p>"
        in (site / "_site" / "articles" / "medium-a-new-era-in-iraq.html").read_text()
    )


def test_a_carriage_return_in_a_page_survives_composing_it_again(site: Path, tmp_path: Path) -> None:
    """A page is read back as it was written: a lone carriage return (here in a topic's
    description, shown on its page) is not taken for a newline."""
    path = site / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    line = "    description: Head of Hamas's political bureau; killed in Tehran on 31 July 2024.\n"
    assert line in text
    path.write_text(
        text.replace(line, '    description: "Head of Hamas\\rpolitical bureau."\n'), encoding="utf-8"
    )
    build(BuildOptions(site=site, jobs=1))
    change_site_title(site)
    build(BuildOptions(site=site, jobs=1))
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")
    assert any(b"Hamas\rpolitical" in page for page in snapshot(site / "_site").values())
