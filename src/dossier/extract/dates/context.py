"""What the resolvers read: the anchor, the dates the text has mentioned, and the period it discusses.

The *anchor* is the publication date (or a dateline's date) relative
expressions are resolved against. The *references* are the dates the text has
mentioned so far, for "that year" and "a year later". The *period under
discussion* is the reporting period (a quarter, a half, a fiscal year) a
business story is about: "the quarter" and, in a sentence about results, "a
year earlier" are read against it rather than against the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dossier.extract.dates.table import NEWS, TIMEML
from dossier.timex import GRANULARITIES, Timex, week_value

PERIOD_REACH = 2500  # characters after which a business story has moved on from its period


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against.

    ``inferred``: estimated from the text (the latest date it mentions), so
    trusted only for what the year decides (a year, a month, a month-day the
    text's own dates fix), never for a weekday or "today". ``profile``: TimeML
    practice takes the occurrence of a bare month nearest the anchor rather
    than the most recent one, and writes some values its own way (``FY1990``,
    ``1998-W33-WE``).
    """

    day: date | None
    inferred: bool = False
    profile: str = NEWS

    @property
    def nearest(self) -> bool:
        return self.profile == TIMEML

    def usable_for(self, granularity: str) -> bool:
        if self.day is None:
            return False
        return not self.inferred or GRANULARITIES.index(granularity) >= GRANULARITIES.index("year")


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: a quarter, a half or a year, fiscal or not."""

    year: int
    unit: str  # "Q", "H" or "Y"
    number: int = 1
    fiscal: bool = False

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` of its own units later (earlier when negative)."""
        if self.unit == "Y":
            return Period(self.year + steps, "Y", 1, self.fiscal)
        per_year = 4 if self.unit == "Q" else 2
        index = self.year * per_year + self.number - 1 + steps
        return Period(index // per_year, self.unit, index % per_year + 1, self.fiscal)

    def years_back(self, years: int) -> Period:
        return Period(self.year - years, self.unit, self.number, self.fiscal)

    def value(self, profile: str) -> str:
        """``1989-Q3``; a fiscal year is ``FY1990`` in TimeML and the calendar year otherwise."""
        prefix = f"FY{self.year}" if self.fiscal and profile == TIMEML else str(self.year)
        return prefix if self.unit == "Y" else f"{prefix}-{self.unit}{self.number}"


def current_period(day: date, unit: str) -> Period:
    if unit == "Q":
        return Period(day.year, "Q", (day.month - 1) // 3 + 1)
    if unit == "H":
        return Period(day.year, "H", (day.month - 1) // 6 + 1)
    return Period(day.year, "Y")


@dataclass(slots=True)
class References:
    """The dates the text has mentioned so far, and the reporting period it is about."""

    seen: list[Timex] = field(default_factory=list)
    at: list[int] = field(default_factory=list)  # where each was mentioned
    with_weekday: list[bool] = field(default_factory=list)  # written with its weekday ("Saturday May 4")
    period: Period | None = None
    period_at: int = 0

    def add(self, timex: Timex, position: int, with_weekday: bool = False) -> None:
        self.seen.append(timex)
        self.at.append(position)
        self.with_weekday.append(with_weekday)

    def latest(self, unit: str) -> Timex | None:
        """The most recent mention at least as precise as ``unit``."""
        rank = GRANULARITIES.index(unit)
        for timex in reversed(self.seen):
            if GRANULARITIES.index(timex.granularity) <= rank:
                return timex
        return None

    def discussed(self, position: int) -> Period | None:
        """The period under discussion, if the text named one not too far back."""
        if self.period is None or position - self.period_at > PERIOD_REACH:
            return None
        return self.period


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a resolver reads besides the candidate itself."""

    text: str
    anchor: Anchor
    refs: References

    @property
    def timeml(self) -> bool:
        return self.anchor.profile == TIMEML

    def weekend(self, saturday: date) -> str:
        """The weekend's ISO week; TimeML marks it as the weekend (``-WE``)."""
        value = week_value(saturday)
        return value + "-WE" if self.timeml else value
