"""Calendar values in TIMEX3 style (``2024-01-04``, ``2024-W01``, ``2024-07``, ``2014``, ``199``…).

A :class:`Timex` knows its granularity and the days it covers, so the
analysis can compare dates of different precision and the renderer can say
"mid-July 2024" or "week of 1 January 2024" without guessing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTH_NAMES = tuple(calendar.month_name)[1:]

# Granularities from finest to coarsest; the order is used for sorting.
GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")

SEASONS = {"SP": ("spring", 3), "SU": ("summer", 6), "FA": ("autumn", 9), "WI": ("winter", 12)}
ORDINALS = ("first", "second", "third", "fourth")
MOD_WORDS = {"EARLY": "early", "MID": "mid", "LATE": "late", "START": "start of", "END": "end of"}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("week", re.compile(r"(\d{4})-W(\d{1,2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("year", re.compile(r"(\d{4})")),
    ("decade", re.compile(r"(\d{3})X?")),  # TIMEX3 writes "199" (older data "199X")
    ("century", re.compile(r"(\d{2})(?:XX)?")),
)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class Timex:
    """A calendar value; build it with :func:`parse_timex` to validate."""

    value: str
    granularity: str
    first_day: date
    last_day: date

    @property
    def year(self) -> int:
        return self.first_day.year

    @property
    def sort_key(self) -> tuple[date, int]:
        """Chronological, with a coarser period before the finer ones it contains."""
        return (self.first_day, -GRANULARITIES.index(self.granularity))

    def contains(self, other: Timex) -> bool:
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def overlaps(self, other: Timex) -> bool:
        return self.first_day <= other.last_day and other.first_day <= self.last_day

    def label(self, mod: str | None = None) -> str:
        """A reader's label at the value's own precision ("mid-July 2024")."""
        text = self._plain_label
        if mod and mod in MOD_WORDS and self.granularity not in ("day", "week"):
            word = MOD_WORDS[mod]
            text = f"{word}-{text}" if mod == "MID" else f"{word} {text}"
        return text

    @property
    def _plain_label(self) -> str:
        g, first = self.granularity, self.first_day
        if g == "day":
            return f"{first.day} {MONTH_NAMES[first.month - 1]} {first.year}"
        if g == "week":
            return f"week of {first.day} {MONTH_NAMES[first.month - 1]} {first.year}"
        if g == "month":
            return f"{MONTH_NAMES[first.month - 1]} {first.year}"
        if g == "season":
            return f"{SEASONS[self.value[-2:]][0]} {self.value[:4]}"
        if g == "quarter":
            return f"{ORDINALS[int(self.value[-1]) - 1]} quarter of {first.year}"
        if g == "half":
            return f"{ORDINALS[int(self.value[-1]) - 1]} half of {first.year}"
        if g == "year":
            return str(first.year)
        if g == "decade":
            return f"{self.value[:3]}0s"
        number = int(self.value[:2]) + 1
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix} century"


def parse_timex(value: str | None) -> Timex | None:
    """Parse a calendar value; ``None`` for anything else (``PRESENT_REF``, ``None``…)."""
    if not value:
        return None
    for granularity, pattern in _PATTERNS:
        m = pattern.fullmatch(value)
        if m:
            try:
                first, last = _bounds(granularity, m.groups())
            except ValueError:
                return None
            return Timex(value, granularity, first, last)
    return None


def _bounds(granularity: str, groups: tuple[str, ...]) -> tuple[date, date]:
    year = int(groups[0])
    if granularity == "day":
        d = date(year, int(groups[1]), int(groups[2]))
        return d, d
    if granularity == "week":
        first = date.fromisocalendar(year, int(groups[1]), 1)
        return first, first + timedelta(days=6)
    if granularity == "month":
        month = int(groups[1])
        return date(year, month, 1), month_end(year, month)
    if granularity == "season":
        start = SEASONS[groups[1]][1]
        end_year, end_month = _add_months(year, start, 2)
        return date(year, start, 1), month_end(end_year, end_month)
    if granularity == "quarter":
        q = int(groups[1])
        return date(year, 3 * q - 2, 1), month_end(year, 3 * q)
    if granularity == "half":
        h = int(groups[1])
        return date(year, 6 * h - 5, 1), month_end(year, 6 * h)
    if granularity == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if granularity == "decade":
        return date(year * 10, 1, 1), date(year * 10 + 9, 12, 31)
    return date(max(year * 100, 1), 1, 1), date(year * 100 + 99, 12, 31)


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    """The (year, month) ``n`` months after the given one (``n`` may be negative)."""
    return _add_months(year, month, n)
