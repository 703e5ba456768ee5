"""Giving date expressions values, by news conventions: one resolver per rule, in a table.

Relative expressions are resolved against the *anchor* (the publication
date, or a dateline's): a bare weekday is the most recent such day on or
before it, a bare month or month-day the most recent one not after it, unless
the clause looks ahead ("will meet Friday"); "last week" is the ISO week
before. Anaphoric expressions ("that year", "the same month") take the most
recent date the text itself mentioned; business periods ("the quarter", "a
year earlier") the period under discussion (:mod:`.periods`). An anchor
inferred from the text places years, months and month-days (their year is
the text's); weekdays and "today" stay unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dossier.extract.dates import eras, periods, relative
from dossier.extract.dates.context import Anchor, Context, References
from dossier.extract.dates.lexicon import SEASON_CODES, month_number, safe_date
from dossier.extract.dates.rules import Candidate
from dossier.extract.dates.tense import clause_start, looks_past, points_forward
from dossier.timex import Timex, day_value, month_value, parse_timex, week_value

__all__ = ["Anchor", "Context", "References", "as_timex", "points_forward", "resolve"]

Resolved = tuple[str | None, str]


def year_for(month: int, day: int, anchor: Anchor, text: str, start: int, end: int) -> int:
    """The year of a month-day given without one, by the anchor's convention.

    An inferred anchor (the latest date the text gives) is a lower bound of the publication
    date, so the text's other dates lie on either side of it: the nearer occurrence wins.
    """
    today = anchor.day
    assert today is not None
    before = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    after = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    gap_before = (today - date(before, month, min(day, 28))).days
    gap_after = (date(after, month, min(day, 28)) - today).days
    if anchor.inferred:  # a lower bound of the publication date: the text's dates lie around it
        return after if gap_after < gap_before else before
    if points_forward(text, start, end) and gap_after <= 320:
        return after  # "scheduled for March 12"; a deadline met yesterday is still yesterday's
    if not anchor.nearest or looks_past(text, start, end):
        return before
    # TimeML practice: the nearer one, leaning to the past
    return after if gap_after < gap_before / 2 else before


def _explicit_date(c: Candidate, ctx: Context) -> Resolved:
    fields, anchor = c.fields, ctx.anchor
    month = int(fields["month_num"]) if "month_num" in fields else month_number(fields["month"])
    day = int(fields["day"])
    if "year" in fields:
        d = safe_date(int(fields["year"]), month, day)
        return (day_value(d) if d else None), "absolute"
    if anchor.day is None:
        return None, "partial"
    if "weekday" in fields:
        fixed = weekday_dated(month, day, relative.weekday_number(fields["weekday"]), anchor.day)
        if fixed is not None:
            return day_value(fixed), "partial"
    year = framing_year(ctx.text, c.start) or year_for(month, day, anchor, ctx.text, c.start, c.end)
    d = safe_date(year, month, day)
    return (day_value(d) if d else None), "partial"


_FRAMING_YEAR = re.compile(
    r"\W*(?:In|During|By|Through|Throughout)\s+(?:(?:early|late|mid-?)\s*)?(?P<year>1\d{3}|20\d{2}),"
)


def framing_year(text: str, start: int) -> int | None:
    """The year a sentence opens with ("In 1987, a similar drop came on Oct. 19"), for its month-days."""
    match = _FRAMING_YEAR.match(text, clause_start(text, start), start)
    return int(match.group("year")) if match else None


def weekday_dated(month: int, day: int, weekday: int, near: date) -> date | None:
    """ "Monday, Oct. 26": the year, within one of ``near``'s, in which that day is that weekday."""
    options = [d for y in (near.year - 1, near.year, near.year + 1) if (d := safe_date(y, month, day))]
    matching = [d for d in options if d.weekday() == weekday]
    return min(matching, key=lambda d: abs(d - near)) if matching else None


def _week_of(c: Candidate, ctx: Context) -> Resolved:
    value, kind = _explicit_date(c, ctx)
    return (week_value(date.fromisoformat(value)) if value else None), kind


def _month(c: Candidate, ctx: Context) -> Resolved:
    month = month_number(c.fields["month"])
    if "year" in c.fields:
        return month_value(int(c.fields["year"]), month), "absolute"
    if ctx.anchor.day is None:
        return None, "partial"
    current = ctx.anchor.day.replace(day=1)
    rel = c.fields.get("rel", "").lower()
    if rel in ("last", "past", "previous"):  # the most recent one before this month
        year = current.year if month < current.month else current.year - 1
    elif rel in ("next", "coming"):
        year = current.year if month > current.month else current.year + 1
    elif rel == "this":
        year = current.year
    else:
        year = framing_year(ctx.text, c.start) or year_for(month, 15, ctx.anchor, ctx.text, c.start, c.end)
    return month_value(year, month), "relative" if rel else "partial"


def _month_anaphor(c: Candidate, ctx: Context) -> Resolved:
    month = month_number(c.fields["month"])
    word = c.fields["ana"].lower().split()[-1]
    if word in ("last", "this", "next"):
        if not ctx.anchor.usable_for("year"):
            return None, "relative"
        assert ctx.anchor.day is not None
        return month_value(ctx.anchor.day.year + {"last": -1, "this": 0, "next": 1}[word], month), "relative"
    ref = ctx.refs.latest("year")
    if ref is None:
        return None, "anaphoric"
    return month_value(
        ref.year + {"following": 1, "next": 1, "previous": -1}.get(word, 0), month
    ), "anaphoric"


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_index(year: int, code: str) -> int:
    return year * 4 + _SEASON_ORDER.index(code)


def _current_season_index(d: date) -> int:
    if d.month <= 2:
        return _season_index(d.year - 1, "WI")
    return _season_index(d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 3])


def _season(c: Candidate, ctx: Context) -> Resolved:
    code = SEASON_CODES[c.fields["season"].lower()]
    if "year" in c.fields or "yy" in c.fields:
        year = int(c.fields["year"]) if "year" in c.fields else eras.two_digit_year(c.fields["yy"], ctx)
        return f"{year}-{code}", "absolute"
    if not ctx.anchor.usable_for("season"):
        return None, "relative"
    assert ctx.anchor.day is not None
    current = _current_season_index(ctx.anchor.day)
    options = [_season_index(y, code) for y in range(ctx.anchor.day.year - 2, ctx.anchor.day.year + 3)]
    rel = c.fields.get("rel", "").lower()
    if rel in ("last", "past", "previous"):
        index = max(i for i in options if i < current)
    elif rel in ("next", "coming"):
        index = min(i for i in options if i > current)
    elif rel == "this":
        index = min(options, key=lambda i: (abs(i - current), i < current))
    elif points_forward(ctx.text, c.start):
        index = min(i for i in options if i >= current)
    else:
        index = max(i for i in options if i <= current)
    return f"{index // 4}-{code}", "relative"


def _easter(year: int) -> date:
    """Western Easter Sunday (the Gregorian computus)."""
    golden = year % 19
    century, year_in_century = divmod(year, 100)
    leap_skips, leap_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    sun_correction = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_skips - sun_correction + 15) % 30
    quads, remainder = divmod(year_in_century, 4)
    weekday_offset = (32 + 2 * leap_rest + 2 * quads - epact - remainder) % 7
    correction = (golden + 11 * epact + 22 * weekday_offset) // 451
    month, day = divmod(epact + weekday_offset - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> date:
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if name.startswith("christmas eve"):
        return date(year, 12, 24)
    if name.startswith("christmas"):
        return date(year, 12, 25)
    if name == "new year's eve":
        return date(year, 12, 31)
    if name.startswith("new year"):
        return date(year, 1, 1)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        return relative.weekday_on_or_after(date(year, 11, 2), 1)
    if name.startswith("thanksgiving"):
        return relative.weekday_on_or_after(date(year, 11, 1), 3) + timedelta(weeks=3)
    if name == "halloween":
        return date(year, 10, 31)
    return _easter(year)


def _holiday(c: Candidate, ctx: Context) -> Resolved:
    name, anchor = c.fields["holiday"], ctx.anchor
    if "year" in c.fields:
        return day_value(_holiday_date(name, int(c.fields["year"]))), "absolute"
    if not anchor.usable_for("day"):
        return None, "relative"
    assert anchor.day is not None
    rel = c.fields.get("rel", "").lower()
    this_year = _holiday_date(name, anchor.day.year)
    coming = this_year if this_year > anchor.day else _holiday_date(name, anchor.day.year + 1)
    past = this_year if this_year <= anchor.day else _holiday_date(name, anchor.day.year - 1)
    if rel in ("next", "coming") or (not rel and points_forward(ctx.text, c.start)):
        d = coming
    elif rel == "this":
        d = this_year
    elif rel:
        d = past if past < anchor.day else _holiday_date(name, past.year - 1)
    elif anchor.nearest and (coming - anchor.day).days < (anchor.day - past).days / 2:
        d = coming  # TimeML practice: the nearer one ("from now to Election Day")
    else:
        d = past
    return day_value(d), "relative"


def _reference(c: Candidate, ctx: Context) -> Resolved:
    return {"present": "PRESENT_REF", "future": "FUTURE_REF", "past": "PAST_REF"}[c.rule], "reference"


RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved]] = {
    "iso": _explicit_date,
    "mdy": _explicit_date,
    "dmy": _explicit_date,
    "md": _explicit_date,
    "dm": _explicit_date,
    "week_of": _week_of,
    "period_ended": periods.period_ended,
    "my": _month,
    "month": _month,
    "month_anaphor": _month_anaphor,
    "fiscal": periods.fiscal,
    "fy": periods.fiscal,
    "year": eras.year,
    "short_year": eras.short_year,
    "spelled_year": eras.spelled_year,
    "decade": eras.decade,
    "decade_word": eras.decade_word,
    "century": eras.century,
    "season": _season,
    "part_of_year": periods.part_of_year,
    "period_ref": periods.period_ref,
    "year_earlier": periods.year_earlier,
    "q": periods.q_value,
    "fiscal_year": periods.fiscal_year,
    "full_year": periods.full_year,
    "year_end": periods.year_end,
    "weekday": relative.weekday,
    "relday": relative.relative_day,
    "relunit": relative.relative_unit,
    "current_unit": relative.relative_unit,
    "weekend": relative.weekend,
    "anaphor": relative.anaphor,
    "anaphor_pod": relative.anaphor_pod,
    "anaphor_after": relative.anaphor_after,
    "the_unit": relative.the_unit,
    "ago": relative.ago,
    "offset": relative.offset,
    "holiday": _holiday,
    "present": _reference,
    "future": _reference,
    "past": _reference,
}


def resolve(c: Candidate, ctx: Context) -> Resolved:
    """The value (or ``None``) and kind of one expression."""
    return RESOLVERS[c.rule](c, ctx)


def as_timex(value: str | None) -> Timex | None:
    """The calendar value behind a resolved expression (part-of-day and weekend marks dropped,
    a fiscal year taken as the calendar year it ends in)."""
    if value is None:
        return None
    return parse_timex(re.sub(r"T[A-Z]{2}$|-WE$|^FY", "", value))
