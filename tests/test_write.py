"""The private folder a build writes in: the changed files written, the rest of the published site
linked in (not copied), removals and regenerated folders left out, every file readable by all."""

from __future__ import annotations

import os
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
