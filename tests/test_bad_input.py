"""Bad input, end to end: each case in fixtures/bad_input/ gets the outcome cases.yaml promises.

A case folder is laid over a small site that has been built once; the build runs
through the command line, as an editor would run it, and its output is checked.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from dossier.cli import main
from tests.conftest import FIXTURES, ROOT

BAD = FIXTURES / "bad_input"
CASES: dict[str, dict] = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
SEED = "vox-behind-iraqs-call-to-remove-us-led-forces.md"


def _of(outcome: str) -> list[str]:
    return [name for name, case in CASES.items() if case["outcome"] == outcome]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def built_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-article site, built, with its cache: the state an editor's folder is in before a mistake."""
    site = tmp_path_factory.mktemp("base")
    (site / "articles").mkdir()
    shutil.copy(ROOT / "articles" / SEED, site / "articles" / SEED)
    shutil.copy(ROOT / "entities.yaml", site / "entities.yaml")
    (site / "site.yaml").write_text(
        "title: Iraq and the coalition\nbase_url: https://example.org/iraq/\n", encoding="utf-8"
    )
    assert main(["build", "--site", str(site), "-q"]) == 0
    return site


def site_with(case: str, built_base: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(built_base, site)
    shutil.copytree(BAD / case, site, dirs_exist_ok=True)
    return site


def heading(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert found is not None
    return unescape(found.group(1))


def run(site: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["build", "--site", str(site), *options])
    return code, capsys.readouterr().out


def test_every_fixture_folder_has_an_expected_outcome() -> None:
    folders = {p.name for p in BAD.iterdir() if p.is_dir()}
    assert folders == set(CASES)


@pytest.mark.parametrize("case", _of("error"))
def test_error_names_the_file_and_keeps_the_previous_site(
    case: str, built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with(case, built_base, tmp_path)
    before = snapshot(site / "_site")
    code, out = run(site, capsys)
    assert code == 1
    for line in CASES[case]["says"]:
        assert line in out
    assert "Traceback" not in out
    assert snapshot(site / "_site") == before


ARTICLE_ERRORS = [name for name in _of("error") if all("articles/" in s for s in CASES[name]["says"])]


@pytest.mark.parametrize("case", ARTICLE_ERRORS)
def test_keep_going_builds_the_rest_and_lists_the_bad_file(
    case: str, built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with(case, built_base, tmp_path)
    code, out = run(site, capsys, "--keep-going")
    assert code == 0
    for line in CASES[case]["says"]:
        assert f"warning: {line}" in out
    assert "left out of the site (--keep-going)" in out
    left_out = r"\b(1 article was left out because it|[2-9] articles were left out because they)\b"
    assert re.search(left_out, out)
    pages = sorted(p.name for p in (site / "_site" / "articles").glob("*.html"))
    kept = CASES[case].get("kept")
    assert pages == sorted(["index.html", "vox-behind-iraqs-call-to-remove-us-led-forces.html"]
                           + ([Path(kept).name] if kept else []))  # fmt: skip


@pytest.mark.parametrize("case", _of("warning"))
def test_accepted_with_a_warning(
    case: str, built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with(case, built_base, tmp_path)
    code, out = run(site, capsys)
    assert code == 0
    for line in CASES[case]["says"]:
        assert f"warning: {line}" in out
    expected = CASES[case]
    if "page" in expected:
        html = (site / "_site" / expected["page"]).read_text(encoding="utf-8")
        if "title" in expected:
            assert heading(html) == expected["title"]
        if "text" in expected:
            assert expected["text"] in html
    for path in expected.get("has", []):
        assert (site / "_site" / path).is_file()


@pytest.mark.parametrize("case", _of("silent"))
def test_accepted_silently(
    case: str, built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with(case, built_base, tmp_path)
    code, out = run(site, capsys)
    assert code == 0
    assert "warning:" not in out
    assert "(0 warnings)" in out
    html = (site / "_site" / CASES[case]["page"]).read_text(encoding="utf-8")
    assert heading(html) == CASES[case]["title"]
    for path in CASES[case].get("has", []):
        assert (site / "_site" / path).is_file()
    for listing in ("articles/index.html", "tags/index.html", "sources/index.html"):
        page = site / "_site" / listing
        assert not page.exists() or heading(page.read_text(encoding="utf-8")) != CASES[case]["title"]


def test_names_without_letters_get_pages_of_their_own(
    built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with("index-names", built_base, tmp_path)
    assert run(site, capsys)[0] == 0
    tags = [p.name for p in (site / "_site" / "tags").glob("tag-*.html")]
    assert len(tags) == 2  # "!!!" and "???" no longer share one page


def test_links_that_loop_or_point_nowhere_are_skipped_with_a_warning(
    built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_base, site)
    articles = site / "articles"
    (articles / "self.md").symlink_to("self.md")
    (articles / "dangling.md").symlink_to("/nonexistent/article.md")
    (articles / "loop").symlink_to("..")
    code, out = run(site, capsys)
    assert code == 0
    assert "warning: articles/self.md: skipped: cannot be read (Too many levels of symbolic links)" in out
    assert "warning: articles/dangling.md: skipped: cannot be read (No such file or directory)" in out
    assert "warning: articles/loop: skipped: a linked folder; links to folders are not followed" in out
    assert "internal error" not in out


def test_all_bad_articles_are_reported_in_one_run(
    built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_base, site)
    for case in ARTICLE_ERRORS:
        shutil.copytree(BAD / case, site, dirs_exist_ok=True)
    code, out = run(site, capsys)
    assert code == 1
    for case in ARTICLE_ERRORS:
        for line in CASES[case]["says"]:
            assert line in out
    count = sum(len(CASES[case]["says"]) for case in ARTICLE_ERRORS)
    assert f"{count} of the articles cannot be used" in out


def test_two_articles_with_one_title_keep_the_addresses_of_their_files(
    built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with("same-title", built_base, tmp_path)
    assert run(site, capsys, "--clean")[0] == 0
    first = snapshot(site / "_site")
    assert run(site, capsys, "--clean")[0] == 0
    assert snapshot(site / "_site") == first
    html = (site / "_site/articles/a-report.html").read_text(encoding="utf-8")
    assert heading(html) == "Iraq and the coalition"
    other = (site / "_site/articles/b-report.html").read_text(encoding="utf-8")
    assert heading(other) == "Iraq and the Coalition!"


def test_a_very_long_article_builds(
    built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Linear time: the markup, the facts and the date rules once went quadratic on long texts
    (at 600 KB a quadratic step would take most of a minute; tests/extract/test_linear.py checks
    each rule's growth on its own)."""
    site = tmp_path / "site"
    shutil.copytree(built_base, site)
    body = (ROOT / "articles" / SEED).read_text(encoding="utf-8").split("---\n", 2)[2]
    copies = 600_000 // len(body.encode("utf-8")) + 1
    (site / "articles" / "long.md").write_text(
        "---\ntitle: A very long article\ndate: 2024-02-01\n---\n" + body * copies, encoding="utf-8"
    )
    code, out = run(site, capsys, "-q")
    assert code == 0, out
    assert (site / "articles" / "long.md").stat().st_size > 600_000
    page = (site / "_site/articles/long.html").read_text(encoding="utf-8")
    assert page.count('class="ent ent-person"') > copies  # every copy of the text is marked up


def test_deeply_nested_markdown_builds(
    built_base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_base, site)
    nested = (
        ">" * 5000 + " a quote inside five thousand quotes, about Sudani\n\n"
        + "".join("  " * i + "- a list item\n" for i in range(1000)) + "\n"
        + "*" * 20000 + "emphasis" + "*" * 20000 + "\n\n"
        + "[" * 10000 + "brackets" + "]" * 10000 + "\n\n"
        + "(" * 10000 + "\n\n" + "`" * 5000 + "\n"
    )  # fmt: skip
    (site / "articles" / "nested.md").write_text(
        "---\ntitle: Nested\ndate: 2024-02-01\n---\n" + nested, encoding="utf-8"
    )
    code, out = run(site, capsys, "-q")
    assert code == 0, out
    assert "Sudani" in (site / "_site/articles/nested.html").read_text(encoding="utf-8")
