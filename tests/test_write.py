"""The private folder a build writes in: the changed files written, the rest of the published site
linked in (not copied), removals and regenerated folders left out, every file readable by all."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.write import MARKER, MARKER_TEXT, SiteWriter


@pytest.fixture
def published(tmp_path: Path) -> Path:
    site = tmp_path / "_site"
    for path in ("index.html", "topics/isis.html", "tags/only.html", "pagefind/topics/entry.json"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(path, encoding="utf-8")
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return site


@pytest.fixture
def strict_umask() -> Iterator[None]:
    """Files made with no permission for others, as under a umask of 077."""
    before = os.umask(0o077)
    yield
    os.umask(before)


def _files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_an_incremental_build_links_in_what_it_did_not_write_or_remove(
    published: Path, strict_umask: None
) -> None:
    inodes = {p: (published / p).stat().st_ino for p in ("index.html", "pagefind/topics/entry.json")}
    with SiteWriter(published, fresh=False, static=[]) as writer:
        writer.write("topics/isis.html", "new")
        writer.remove("tags/only.html")
        writer.fill_in_unchanged(regenerated=["pagefind"])
        (writer.folder / "pagefind" / "topics").mkdir(parents=True)
        (writer.folder / "pagefind" / "topics" / "entry.json").write_text("indexed", encoding="utf-8")
    files = _files(published)
    assert files["topics/isis.html"] == "new"
    assert files["pagefind/topics/entry.json"] == "indexed"  # regenerated, not linked
    assert "tags/only.html" not in files and not (published / "tags").exists()  # no empty folder left
    assert (published / "index.html").stat().st_ino == inodes["index.html"]  # linked, not copied
    for path in files:  # written under a strict umask, still readable by everyone
        assert stat.S_IMODE((published / path).stat().st_mode) == 0o644, path


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_the_replaced_site_is_kept_and_the_next_build_starts_from_it_brought_up_to_date(
    published: Path, tmp_path: Path, strict_umask: None
) -> None:
    kept = tmp_path / ".dossier-cache" / "_site.previous"
    with SiteWriter(published, fresh=False, static=[], kept=kept) as writer:
        assert not writer.holds_published  # nothing kept yet: the unchanged files are linked in
        writer.write("topics/isis.html", "second")
        writer.remove("tags/only.html")
    first = _files(published)
    assert _files(kept)["topics/isis.html"] == "topics/isis.html"  # the previous site, not written through
    assert "tags/only.html" in _files(kept)

    with SiteWriter(published, fresh=False, static=[], kept=kept) as writer:
        assert writer.holds_published and not kept.exists()  # taken, and brought up to date
        assert _files(writer.folder) == first
        assert _inodes(writer.folder) == _inodes(published)  # links, not copies
        assert not (writer.folder / "tags").exists()  # a folder the last build emptied is gone
        writer.write("index.html", "third")
        writer.remove("topics/isis.html")
        writer.fill_in_unchanged()
    assert _files(published) == {
        **{k: v for k, v in first.items() if k != "topics/isis.html"},
        "index.html": "third",
    }
    assert _files(kept) == first  # the site this build replaced, intact
    for path in _files(published):
        assert stat.S_IMODE((published / path).stat().st_mode) == 0o644, path


def test_a_kept_copy_beside_another_site_than_its_own_is_not_used(published: Path, tmp_path: Path) -> None:
    kept = tmp_path / ".dossier-cache" / "_site.previous"
    with SiteWriter(published, fresh=False, static=[], kept=kept) as writer:
        writer.write("index.html", "second")
    replaced = tmp_path / "elsewhere"
    published.rename(replaced)  # the published site replaced by another folder of the same files
    shutil.copytree(replaced, published)
    (published / "topics" / "isis.html").write_text("changed by hand", encoding="utf-8")
    with SiteWriter(published, fresh=False, static=[], kept=kept) as writer:
        assert not writer.holds_published and not kept.exists()  # discarded, not trusted
        writer.write("index.html", "third")
    assert _files(published)["topics/isis.html"] == "changed by hand"  # linked from the site as it is
    assert _files(published)["index.html"] == "third"


def test_a_fresh_build_keeps_no_copy(published: Path, tmp_path: Path) -> None:
    kept = tmp_path / ".dossier-cache" / "_site.previous"
    with SiteWriter(published, fresh=False, static=[], kept=kept) as writer:
        writer.write("index.html", "second")
    assert kept.is_dir()
    with SiteWriter(published, fresh=True, static=[], kept=kept) as writer:
        writer.write("index.html", "whole")
    assert not kept.exists() and not kept.with_name(kept.name + ".json").exists()
    assert _files(published) == {"index.html": "whole", MARKER: MARKER_TEXT}
