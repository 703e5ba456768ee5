"""The search index in shards: which shard a page is in, and that a build indexes again only the
shards whose pages changed, ending with the index a clean build writes (see dossier/search.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from dossier.pipeline import BuildOptions, build
from dossier.search import (
    Searchable,
    article_shard,
    indexed_digest,
    indexed_part,
    manifest,
    shard_digests,
    shard_order,
)
from tests.conftest import FIXTURES, built_copy


@pytest.mark.parametrize(
    ("day", "shard"),
    [("2024-01-06", "articles-2024-01"), ("2024-12-31", "articles-2024-12"), (None, "articles-undated")],
)
def test_an_article_is_in_the_shard_of_its_month(day: str | None, shard: str) -> None:
    assert article_shard(day) == shard


def test_an_article_in_another_language_is_in_that_languages_shard_of_its_month() -> None:
    assert article_shard("2024-01-06", "ar") == "articles-ar-2024-01"
    assert article_shard(None, "ar") == "articles-ar-undated"


def test_the_manifest_lists_each_other_languages_shards_apart() -> None:
    languages = {"topics": "", "articles-2024-01": "", "articles-fr-2024-02": "fr"}
    languages |= {f"articles-ar-{period}": "ar" for period in ("2024-01", "undated", "2025-09")}
    assert manifest(languages) == {
        "shards": ["topics", "articles-2024-01"],
        "languages": {"ar": ["articles-ar-2025-09", "articles-ar-2024-01", "articles-ar-undated"],
                      "fr": ["articles-fr-2024-02"]},
    }  # fmt: skip
    assert manifest({"topics": ""}) == {"shards": ["topics"]}  # a site in one language: as before


def test_the_topics_come_first_then_the_months_newest_first() -> None:
    shards = ["articles-2024-01", "articles-undated", "topics", "articles-2025-03", "articles-2024-08"]
    assert shard_order(shards) == [
        "topics", "articles-2025-03", "articles-2024-08", "articles-2024-01", "articles-undated",
    ]  # fmt: skip
    assert shard_order(["articles-2024-01"]) == ["articles-2024-01"]


def test_a_shard_changes_when_a_page_of_it_does_and_only_then() -> None:
    pages = [
        Searchable("articles/a.html", "articles-2024-01", "1"),
        Searchable("topics/x.html", "topics", "2"),
    ]
    before = shard_digests(pages)
    assert shard_digests(list(reversed(pages))) == before  # the order they are listed in does not count
    after = shard_digests([pages[0]._replace(indexed="3"), pages[1]])
    assert after["topics"] == before["topics"] and after["articles-2024-01"] != before["articles-2024-01"]
    moved = shard_digests([pages[0]._replace(shard="articles-2024-02"), pages[1]])
    assert set(moved) == {"articles-2024-02", "topics"}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def _clean_index(site: Path, where: Path) -> dict[str, bytes]:
    shutil.copytree(site, where, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    return _files(build(BuildOptions(site=where, jobs=1)).output / "pagefind")


@pytest.fixture
def site(tmp_path: Path, built_seed_site: Path) -> Path:
    return built_copy(built_seed_site, tmp_path)


def test_an_edit_indexes_only_the_shard_of_its_month_again(site: Path, tmp_path: Path) -> None:
    index = site / "_site" / "pagefind"
    shards = json.loads((index / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert shards[0] == "topics" and {"articles-2024-01", "articles-2024-08"} <= set(shards)
    before = _inodes(index)
    article = site / "articles" / "medium-a-new-era-in-iraq.md"  # published in January 2024
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("significant", "notable"), encoding="utf-8")
    build(BuildOptions(site=site, jobs=1))
    after = _inodes(index)
    untouched = [path for path in after if path.startswith("articles-2024-08/")]
    assert untouched and all(after[path] == before[path] for path in untouched)  # linked, not written again
    january = [path for path in after if path.startswith("articles-2024-01/")]
    assert any(before.get(path) != after[path] for path in january)
    assert _files(index) == _clean_index(site, tmp_path / "clean")


def test_a_new_month_adds_a_shard_and_its_last_article_takes_it_away(site: Path, tmp_path: Path) -> None:
    added = site / "articles" / "later.md"
    added.write_text(
        "---\ntitle: Coalition leaves Baghdad\ndate: 2025-09-02\nsource: Rudaw\n---\n\n"
        "The coalition said on Tuesday that its mission in Baghdad had ended.\n",
        encoding="utf-8",
    )
    build(BuildOptions(site=site, jobs=1))
    index = site / "_site" / "pagefind"
    assert "articles-2025-09" in json.loads((index / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert (index / "articles-2025-09" / "pagefind-entry.json").is_file()
    assert _files(index) == _clean_index(site, tmp_path / "with")
    added.unlink()
    build(BuildOptions(site=site, jobs=1))
    assert "articles-2025-09" not in json.loads((index / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert not (index / "articles-2025-09").exists()
    assert _files(index) == _clean_index(site, tmp_path / "without")


def test_an_arabic_article_is_indexed_by_arabic_rules_in_a_shard_of_its_own(
    site: Path, tmp_path: Path
) -> None:
    """So that the Arabic stemmer takes the article and clitics off ("بالعراق" is found as "العراق"):
    the English site keeps its shards, the Arabic article's month gets an Arabic one, and the
    incremental build equals a clean one."""
    strike = "01-baghdad-strike-iraqi.md"
    shutil.copy(FIXTURES / "arabic" / "articles" / strike, site / "articles" / strike)
    build(BuildOptions(site=site, jobs=1))
    index = site / "_site" / "pagefind"
    listed = json.loads((index / "shards.json").read_text(encoding="utf-8"))
    assert listed["languages"] == {"ar": ["articles-ar-2024-01"]}
    assert "articles-2024-01" in listed["shards"]  # the English articles of that month stay where they were
    entry = json.loads((index / "articles-ar-2024-01" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["ar"]
    assert (index / "articles-ar-2024-01" / "wasm.ar.pagefind").is_file()
    assert _files(index) == _clean_index(site, tmp_path / "clean")


def _set_option(site: Path, name: str, value: str) -> None:
    path = site / "site.yaml"
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{name}:")
    ]
    path.write_text("\n".join([*lines, f"{name}: {value}", ""]), encoding="utf-8")


def test_a_new_site_title_rewrites_every_page_but_indexes_no_shard_again(site: Path, tmp_path: Path) -> None:
    """The title is in every page's header, in none's index (Pagefind reads the article itself)."""
    index = site / "_site" / "pagefind"
    before = _inodes(index)
    _set_option(site, "title", '"Another title"')
    build(BuildOptions(site=site, jobs=1))
    assert "Another title" in (site / "_site" / "index.html").read_text(encoding="utf-8")
    after = _inodes(index)
    shards = [path for path in after if "/" in path]
    assert shards and all(after[path] == before[path] for path in shards)  # linked, not indexed again
    assert _files(index) == _clean_index(site, tmp_path / "clean")


def test_a_new_site_language_indexes_every_shard_again(site: Path, tmp_path: Path) -> None:
    index = site / "_site" / "pagefind"
    before = _inodes(index)
    _set_option(site, "language", "fr")
    build(BuildOptions(site=site, jobs=1))
    after = _inodes(index)
    assert all(after[path] != before.get(path) for path in after if path.startswith("topics/"))
    assert _files(index) == _clean_index(site, tmp_path / "clean")


INDEXED_CASES = yaml.safe_load((FIXTURES / "indexed_part_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", INDEXED_CASES, ids=[case["name"] for case in INDEXED_CASES])
def test_what_pagefind_reads_of_a_page(case: dict[str, str]) -> None:
    html, expected = case["html"], case["part"]
    wanted = {"whole": html, "none": ""}.get(expected, expected)
    assert indexed_part(html) == wanted
    assert (indexed_digest(html) == "") == (wanted == "")


def test_a_topic_whose_counts_change_leaves_the_topics_shard_alone(site: Path, tmp_path: Path) -> None:
    """The topic pages show their mentions, which change with nearly every edit; search reads only
    their names and description, so the topics' shard is not indexed again for a new count."""
    index = site / "_site" / "pagefind"
    topic = site / "_site" / "topics" / "mohammed-shia-al-sudani.html"
    before, page_before = _inodes(index), topic.read_text(encoding="utf-8")
    article = site / "articles" / "medium-a-new-era-in-iraq.md"  # published in January 2024
    article.write_text(
        article.read_text(encoding="utf-8") + "\nAl-Sudani met the envoy of the coalition.\n",
        encoding="utf-8",
    )
    build(BuildOptions(site=site, jobs=1))
    assert topic.read_text(encoding="utf-8") != page_before  # the page changed: its count did
    after = _inodes(index)
    topics = [path for path in after if path.startswith("topics/")]
    assert topics and all(after[path] == before[path] for path in topics)
    assert _files(index) == _clean_index(site, tmp_path / "clean")
