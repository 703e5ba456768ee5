"""Exports in parts: above ``PARTS_ABOVE`` articles, data/annotations.json, timeline.json, voices.json
and figures.json are indexes of parts (DESIGN.md, "whole or split"), each part in the whole file's
shape; reading the parts in order gives what the whole file holds, and an edit rewrites only the
parts it changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import dossier.render.exports
from dossier.pipeline import BuildOptions, build
from tests.conftest import copy_site

EXPORTS = {"annotations": "articles", "timeline": "events", "voices": "statements", "figures": "figures"}


def _read(data: Path, name: str) -> list[dict]:
    """An export's list, read whole or from its parts, as the evaluation tools read it."""
    document = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
    if "parts" not in document:
        return list(document[EXPORTS[name]])
    found = []
    for part in document["parts"]:
        found.extend(json.loads((data / part).read_text(encoding="utf-8"))[EXPORTS[name]])
    return found


def _key(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True)


@pytest.fixture
def sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The seed site built whole, and a copy built in parts."""
    whole = copy_site(tmp_path / "whole")
    build(BuildOptions(site=whole, jobs=1))
    parted = tmp_path / "parted"
    shutil.copytree(whole, parted, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    monkeypatch.setattr(dossier.render.exports, "PARTS_ABOVE", 2)
    build(BuildOptions(site=parted, jobs=1))
    return whole, parted


def test_the_parts_hold_what_the_whole_file_holds_and_an_edit_rewrites_only_its_parts(
    sites: tuple[Path, Path], tmp_path: Path
) -> None:
    whole, parted = (site / "_site" / "data" for site in sites)
    for name in EXPORTS:
        index = json.loads((parted / f"{name}.json").read_text(encoding="utf-8"))
        assert index["parts"] and all(part.startswith(f"{name}/") for part in index["parts"])
        assert sorted(map(_key, _read(parted, name))) == sorted(map(_key, _read(whole, name)))
    # the timeline's parts are years, in timeline order: read in order, they are the whole timeline
    assert _read(parted, "timeline") == _read(whole, "timeline")
    months = json.loads((parted / "annotations.json").read_text(encoding="utf-8"))["parts"]
    assert months == sorted(months, key=lambda part: (part.endswith("undated.json"), part))

    site = sites[1]
    data = site / "_site" / "data"
    before = {p.relative_to(data).as_posix(): p.read_bytes() for p in data.rglob("*.json")}
    article = site / "articles" / "medium-a-new-era-in-iraq.md"  # published in January 2024
    text = article.read_text(encoding="utf-8")
    said = "\n\nMohammed Shia al-Sudani said the talks would begin within weeks.\n"  # one more statement
    article.write_text(text.replace("significant", "notable") + said, encoding="utf-8")
    build(BuildOptions(site=site, jobs=1))
    after = {p.relative_to(data).as_posix(): p.read_bytes() for p in data.rglob("*.json")}
    changed = sorted(path for path in after if before.get(path) != after[path])
    assert [path for path in changed if path.startswith("annotations")] == ["annotations/2024-01.json"]
    assert [path for path in changed if path.startswith("voices")] == ["voices/2024-01.json"]
    assert "annotations.json" not in changed  # the index lists the same parts
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    fresh = build(BuildOptions(site=clean, jobs=1)).output / "data"
    assert {p.relative_to(fresh).as_posix(): p.read_bytes() for p in fresh.rglob("*.json")} == after
