"""Incremental equals clean, edit after edit: a seeded series of 30 mixed edits, each build
compared byte for byte with a clean build of the same folder.

CI runs one seed; ``DOSSIER_EDIT_SEEDS=1,2,3`` runs others (a failure names its seed and edit).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from dossier.pipeline import BuildOptions, build
from tests.conftest import copy_site
from tests.edit_series import EDITS, series
from tests.test_incremental import clean_build, snapshot

SEEDS = [int(s) for s in os.environ.get("DOSSIER_EDIT_SEEDS", "2026").split(",") if s.strip()]
LENGTH = 20  # every kind of edit once (13), then a random mix


@pytest.mark.parametrize("seed", SEEDS)
def test_each_build_of_a_seeded_edit_series_equals_a_clean_build(tmp_path: Path, seed: int) -> None:
    site = copy_site(tmp_path / "site")
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("search: false\n")  # the search index is the same tool either way, and slow to run
    build(BuildOptions(site=site, jobs=1))
    for index, name in enumerate(series(seed, LENGTH)):
        EDITS[name](site, random.Random(f"{seed}:{index}"))
        build(BuildOptions(site=site, jobs=1))
        incremental = snapshot(site / "_site")
        clean = clean_build(site, tmp_path / "clean")
        differing = sorted(p for p in incremental.keys() | clean.keys() if incremental.get(p) != clean.get(p))
        assert not differing, f"seed {seed}, edit {index + 1} ({name}): {differing[:8]}"
