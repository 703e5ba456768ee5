"""A larger generated site: lists split into archive pages, links resolve, edits stay local."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.check import broken_links
from dossier.pipeline import BuildOptions, build
from tests.conftest import ROOT
from tests.test_incremental import clean_build, snapshot

ARTICLES = 80
PAGE_SIZE = 20
TIMELINE_PAGE_SIZE = 25  # so that the timeline has year pages, and busy years month pages


def _corpus_module():  # bench/ is a folder of scripts, not a package
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def template_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("archive") / "site"
    site.mkdir()
    shutil.copy(ROOT / "entities.yaml", site / "entities.yaml")
    config = (ROOT / "site.yaml").read_text(encoding="utf-8")
    # search off: Pagefind is the same tool on any site, and the slowest step of a build here
    options = f"\npage_size: {PAGE_SIZE}\ntimeline_page_size: {TIMELINE_PAGE_SIZE}\nsearch: false\n"
    (site / "site.yaml").write_text(config + options, encoding="utf-8")
    _corpus_module().write_corpus(ARTICLES, site / "articles")
    build(BuildOptions(site=site, jobs=2))
    return site


@pytest.fixture
def site(template_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(template_site, copy)
    return copy


def test_long_lists_have_archive_pages_and_every_link_resolves(template_site: Path) -> None:
    output = template_site / "_site"
    assert broken_links(output) == []
    isis = sorted(p.name for p in (output / "topics" / "isis").glob("*.html"))
    assert "2023-01.html" in isis and len(isis) >= 30  # a busy topic: a page per month
    assert (output / "articles" / "page").is_dir()
    first = (output / "topics" / "isis.html").read_text(encoding="utf-8")
    assert "Archive" in first and 'href="isis/2023-01.html"' in first
    timeline = sorted(p.name for p in (output / "timeline").glob("*.html"))
    assert "2024.html" in timeline and "2024-01.html" in timeline  # a busy year, split by month


def test_an_edit_to_an_old_article_rewrites_its_period_not_the_whole_archive(
    site: Path, tmp_path: Path
) -> None:
    oldest = sorted((site / "articles").glob("*.md"))[0]  # the corpus names files by date
    month = oldest.name[:7]
    before = snapshot(site / "_site")
    oldest.write_text(
        oldest.read_text(encoding="utf-8")
        + "\nOn 3 January 2024 the Pentagon said a strike in Baghdad killed Abu Taqwa "
        "of Harakat al-Nujaba.\n",
        encoding="utf-8",
    )
    build(BuildOptions(site=site, jobs=1))
    after = snapshot(site / "_site")
    assert after == clean_build(site, tmp_path / "clean")
    changed = {path for path in after if before.get(path) != after[path]}
    archive_pages = {p for p in changed if p.startswith("topics/") and p.count("/") == 2}
    assert archive_pages  # the article's own period, in the topics it names
    assert all(Path(p).stem in (month, month[:4]) for p in archive_pages), archive_pages


def _build_in_a_process(site: Path, hash_seed: int) -> None:
    """Build in a fresh interpreter: set iteration order, which differs between processes, must not
    change the output."""
    environment = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    command = [sys.executable, str(ROOT / "build.py"), "build", "--site", str(site), "--quiet"]
    subprocess.run(command, check=True, env=environment, capture_output=True)


def test_builds_in_different_processes_give_the_same_site(site: Path, tmp_path: Path) -> None:
    built_here = snapshot(site / "_site")
    article = sorted((site / "articles").glob("*.md"))[ARTICLES // 2]
    original = article.read_text(encoding="utf-8")
    shutil.rmtree(site / "_site")
    shutil.rmtree(site / ".dossier-cache")
    _build_in_a_process(site, 1)
    assert snapshot(site / "_site") == built_here
    article.write_text(original + "\n\nOn 3 January 2024 a drone strike in Baghdad killed Abu Taqwa.\n")
    _build_in_a_process(site, 2)  # incremental, in another process
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "fresh")  # and this one's


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{text}\n", encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_series_of_edits_across_the_archive_equals_a_clean_build(site: Path, tmp_path: Path) -> None:
    articles = sorted((site / "articles").glob("*.md"))
    edits = [
        lambda: _append(
            articles[ARTICLES // 12], "On 3 January 2024 a drone strike in Baghdad killed Abu Taqwa."
        ),
        lambda: _replace(
            articles[ARTICLES // 3], "date: 20", "date: 2025-10-15\nold_date: 20"
        ),  # moves in time
        lambda: articles[ARTICLES * 7 // 12].unlink(),
        lambda: _append(
            articles[ARTICLES * 3 // 4], "Kataib Hezbollah said on Tuesday it would suspend attacks."
        ),
        lambda: _replace(articles[ARTICLES // 6], 'title: "', 'title: "Updated: '),
        lambda: (site / "articles" / "new.md").write_text(
            "---\ntitle: New\ndate: 2024-04-15\nsource: Rudaw\n---\n\n"
            "The Popular Mobilization Forces were formed in 2014. "
            "Iran's Masoud Pezeshkian visited Baghdad.\n",
            encoding="utf-8",
        ),
    ]
    for edit in edits:
        edit()
        build(BuildOptions(site=site, jobs=1))
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")
