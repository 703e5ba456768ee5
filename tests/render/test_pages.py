"""Long lists: a first page of the newest rows and archive pages, one per period, that stay put."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dossier.render.pages import Paged, archive_path, paged

PAGE_SIZE = 100

Row = tuple[str, str, str | None]


def rows(days: list[str | None]) -> list[Row]:
    """One row per day given, newest first and undated last (as lists are read from the cache)."""
    found = sorted((f"a{n:05d}", f"d{n}", day) for n, day in enumerate(days))
    found.sort(key=lambda r: r[2] or "", reverse=True)
    found.sort(key=lambda r: r[2] is None)
    return found


def daily(start: date, count: int) -> list[str | None]:
    return [(start + timedelta(days=n)).isoformat() for n in range(count)]


def by_path(parts: list[Paged]) -> dict[str, list[Row]]:
    return {part.path: part.rows for part in parts}


@pytest.mark.parametrize(
    ("first", "key", "expected"),
    [
        ("topics/iraq.html", "2024-03", "topics/iraq/2024-03.html"),
        ("articles/index.html", "2023", "articles/page/2023.html"),
        ("sources/rudaw.html", "undated", "sources/rudaw/undated.html"),
    ],
)
def test_archive_paths(first: str, key: str, expected: str) -> None:
    assert archive_path(first, key) == expected


@pytest.mark.parametrize("count", [0, 1, PAGE_SIZE])
def test_a_short_list_is_one_page(count: int) -> None:
    listing = rows(daily(date(2024, 1, 1), count))
    assert paged("topics/iraq.html", listing, PAGE_SIZE) == [Paged("topics/iraq.html", listing, None, None)]


def test_archive_pages_are_years_or_months_of_busy_years() -> None:
    # 2022: 60 articles (one page); 2023: a month with 150 (two parts), others quiet; and 3 undated
    days = daily(date(2022, 3, 1), 60) + [f"2023-05-{1 + n % 28:02d}" for n in range(150)]
    days += daily(date(2023, 9, 1), 20) + [None] * 3
    parts = paged("topics/iraq.html", rows(days), PAGE_SIZE)
    assert [p.path for p in parts] == [
        "topics/iraq.html",
        "topics/iraq/undated.html",  # undated articles come last in lists: the oldest end
        "topics/iraq/2022.html",
        "topics/iraq/2023-05.html",
        "topics/iraq/2023-05-p2.html",
        "topics/iraq/2023-09.html",
    ]
    first, *archive = parts
    assert first.rows == rows(days)[:PAGE_SIZE]
    assert sorted(r for p in archive for r in p.rows) == sorted(rows(days))  # each row archived once
    assert [p.label for p in archive] == [
        "Undated",
        "2022",
        "May 2023, part 1 of 2",
        "May 2023, part 2 of 2",
        "September 2023",
    ]
    assert first.nav is not None and first.nav["older"] == "topics/iraq/2023-09.html"
    assert archive[0].nav is not None and archive[0].nav["older"] is None
    assert archive[-1].nav is not None and archive[-1].nav["newer"] == "topics/iraq.html"


@pytest.mark.parametrize("added", ["2022-06-01", "2025-01-01", "2023-09-15", None])
def test_a_new_article_changes_the_first_page_and_its_period_only(added: str | None) -> None:
    days = daily(date(2022, 1, 1), 90) + daily(date(2023, 1, 1), 90) + daily(date(2024, 1, 1), 90)
    days.append(None)
    before = by_path(paged("topics/iraq.html", rows(days), PAGE_SIZE))
    after = by_path(paged("topics/iraq.html", rows([*days, added]), PAGE_SIZE))
    changed = {path for path in after.keys() | before.keys() if before.get(path) != after.get(path)}
    period = "undated" if added is None else added[:4]
    assert changed <= {"topics/iraq.html", f"topics/iraq/{period}.html"}
