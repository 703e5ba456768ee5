"""The store's reads that stand in for a sort of every event or figure group: the same rows, in order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dossier.pipeline import cache_file
from dossier.store.database import Store


def _ids(dated: list) -> list[str]:
    return [d.event.id for d in dated]


@pytest.mark.parametrize("limit", [1, 2, 5, 12, 1000])
def test_the_events_ending_last_are_the_tail_of_every_event_sorted_by_its_end(
    built_seed_site: Path, limit: int
) -> None:
    path = cache_file(built_seed_site / "_site")
    store = Store(sqlite3.connect(path), path)
    every = store.events_dated("")
    assert len({d.event.date.granularity for d in every}) > 1  # days, weeks and months to order
    by_end = sorted(every, key=lambda d: (d.event.date.last_day, d.event.date.first_day))
    assert _ids(store.events_ending_last(limit)) == _ids(by_end[-limit:])


@pytest.mark.parametrize("limit", [1, 3, -1])
def test_the_figure_groups_come_most_sourced_then_disagreeing_first(
    built_seed_site: Path, limit: int
) -> None:
    path = cache_file(built_seed_site / "_site")
    store = Store(sqlite3.connect(path), path)
    every = store.figure_groups()
    assert len(every) > 3
    ordered = sorted(every, key=lambda g: (-g.sources, not g.disagree, g.quantity))
    assert store.figure_groups(limit) == (ordered if limit < 0 else ordered[:limit])
    assert store.figure_claims() == sum(len(g.claims) for g in every)
