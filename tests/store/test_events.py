"""The store's reads of events that stand in for a sort of all of them."""

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
