"""Related articles: neighbours in time, read from memory or from the cache's index, agree."""

from __future__ import annotations

import pytest

from dossier.analyze.related import posting_window
from dossier.store.database import Store

POSTING = [("", "undated-a"), ("", "undated-b")] + [
    (f"2024-01-{day:02d}", f"article-{day:02d}-{n}") for day in range(1, 20) for n in range(2)
]


@pytest.fixture
def cache() -> Store:
    cache = Store.open(None, {"schema": "test"}, [])
    cache.ensure_indexes()
    cache._db.executemany(  # rows of one entity, as articles would leave them
        "INSERT INTO mentions VALUES ('iraq', ?, ?, 1, '', '', '')",
        [(slug, day or None) for day, slug in POSTING],
    )
    return cache


@pytest.mark.parametrize(
    ("day", "slug", "before", "after"),
    [
        ("2024-01-05", "article-05-0", 3, 4),  # in the middle
        ("2024-01-05", "article-05-1", 11, 12),
        ("", "undated-a", 11, 12),  # at the start
        ("2024-01-19", "article-19-1", 11, 12),  # at the end
        ("2024-01-07", "article-07-5", 2, 2),  # not in the posting: where it would be
        ("2025-01-01", "later", 3, 3),  # after everything
    ],
)
def test_the_index_window_equals_the_window_in_memory(
    cache: Store, day: str, slug: str, before: int, after: int
) -> None:
    assert cache.posting(entity="iraq") == POSTING
    assert cache.posting_window("iraq", day, slug, before, after) == posting_window(
        POSTING, day, slug, before, after
    )
