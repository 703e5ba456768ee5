"""Reporting periods of business news: quarters, halves, fiscal years, "the year ended Sept. 30".

An expression that names a period ("third-quarter", "fiscal 1990", "the
quarter ended Sept. 30") makes it the period under discussion; "the quarter",
"the latest quarter" and "the full year" then refer to it, and comparisons
("the year-earlier quarter", "the same period last year") are it a year back
without replacing it. With no period named yet, a bare quarter is the most
recent one by the anchor (looking forward when the clause does).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dossier.extract.dates.context import Context, Period, current_period
from dossier.extract.dates.eras import two_digit_year
from dossier.extract.dates.lexicon import DAY, MONTH_ANY, ORDINALS, month_number, safe_date
from dossier.extract.dates.rules import Candidate
from dossier.extract.dates.tense import FUTURE, PAST, clause_tense

Resolved = tuple[str | None, str]

_STEPS = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "previous": -1, "the previous": -1, "prior": -1,
    "past": -1, "next": 1, "coming": 1, "new": 1,
}  # fmt: skip
_COMPARISONS = frozenset(
    {"year-earlier", "year-ago", "comparable", "corresponding", "prior-year", "previous-year"}
)
_LATEST = frozenset({"latest", "last", "most recent", "recent", "just-ended", "just-completed", "just ended"})


def _discuss(ctx: Context, c: Candidate, period: Period) -> None:
    ctx.refs.period = period
    ctx.refs.period_at = c.start


def _explicit_year(c: Candidate, ctx: Context) -> int | None:
    for group in ("year", "fyear", "pyear"):
        if group in c.fields:
            return int(c.fields[group])
    if "yy" in c.fields:
        return two_digit_year(c.fields["yy"], ctx)
    return None


def _bare_period(ctx: Context, unit: str, number: int, c: Candidate) -> Period:
    """A quarter or half with no year: the most recent one, or the next when the clause looks ahead."""
    assert ctx.anchor.day is not None
    current = current_period(ctx.anchor.day, unit)
    tense = clause_tense(ctx.text, c.start, c.end)
    year = current.year
    ahead = number - current.number
    if (ahead > 0 and (tense != FUTURE or ahead > (2 if unit == "Q" else 1))) or (
        ahead == 0 and tense == PAST
    ):
        year -= 1  # "fourth-quarter profit" in January, even "will report fourth-quarter results"
    elif ahead < 0 and tense == FUTURE:
        year += 1  # "expects to finish in the first quarter", said in October
    return Period(year, unit, number)


def _discussed_year(ctx: Context, c: Candidate) -> tuple[int, bool] | None:
    period = ctx.refs.discussed(c.start)
    return (period.year, period.fiscal) if period else None


def part_of_year(c: Candidate, ctx: Context) -> Resolved:
    """ "the third quarter", "third-quarter", "the 1988 second quarter", "next year's first quarter",
    "the first half of fiscal 1990", "fiscal 1989's fourth quarter"."""
    unit = "Q" if c.fields["unit"].lower() == "quarter" else "H"
    word = c.fields["ord"].lower()
    number = (4 if unit == "Q" else 2) if word in ("final", "last") else ORDINALS[word]
    fiscal = any(k in c.fields for k in ("pfis", "ofis", "prfis", "qfis"))
    year = _explicit_year(c, ctx)
    ended = _ended_after(c, ctx) if fiscal and year is None else None
    if ended is not None:  # "its fiscal first quarter, which ended Sept. 30": the calendar quarter it covers
        period = current_period(ended - timedelta(days=45 if unit == "Q" else 90), unit)
        _discuss(ctx, c, period)
        return period.value(ctx.anchor.profile), "relative"
    if year is not None:
        period = Period(year, unit, number, fiscal)
        _discuss(ctx, c, period)
        return period.value(ctx.anchor.profile), "absolute"
    if not ctx.anchor.usable_for("year"):
        return None, "relative"
    assert ctx.anchor.day is not None
    relative = (c.fields.get("prel") or c.fields.get("rel") or "").lower()
    if relative in _STEPS:
        period = Period(ctx.anchor.day.year + _STEPS[relative], unit, number, fiscal)
    elif (relative == "the" or "the_year" in c.fields) and (discussed := _discussed_year(ctx, c)):
        period = Period(discussed[0], unit, number, discussed[1] or fiscal)
    elif relative == "the" and (mentioned := ctx.refs.latest("year")) is not None:
        period = Period(mentioned.year, unit, number, fiscal)  # "In 1987, … the year's fourth quarter"
    else:  # "the fourth quarter (of the year)" with no year under discussion: the most recent one
        period = _bare_period(ctx, unit, number, c)
    _discuss(ctx, c, period)
    return period.value(ctx.anchor.profile), "relative"


_ENDED_AFTER = re.compile(rf",?\s+(?:(?:which|that)\s+)?ended\s+{MONTH_ANY}\s+{DAY}")


def _ended_after(c: Candidate, ctx: Context) -> date | None:
    """The end date an apposition gives a fiscal period ("…, which ended Sept. 30")."""
    match = _ENDED_AFTER.match(ctx.text, c.end, min(len(ctx.text), c.end + 40))
    if match is None or ctx.anchor.day is None:
        return None
    month, day, anchor = month_number(match.group("month")), int(match.group("day")), ctx.anchor.day
    year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    return safe_date(year, month, day)


def q_value(c: Candidate, ctx: Context) -> Resolved:
    """ "Q3", "Q3 2024"."""
    number = int(c.fields["q"])
    if "year" in c.fields:
        period = Period(int(c.fields["year"]), "Q", number)
        kind = "absolute"
    elif ctx.anchor.usable_for("year"):
        period, kind = _bare_period(ctx, "Q", number, c), "relative"
    else:
        return None, "relative"
    _discuss(ctx, c, period)
    return period.value(ctx.anchor.profile), kind


def _end_date(c: Candidate, ctx: Context) -> date | None:
    """The day a period ends: the most recent such day after "ended", the nearest after "ending"."""
    month, day = month_number(c.fields["month"]), int(c.fields["day"])
    anchor = ctx.anchor.day
    if "year" in c.fields:
        year = int(c.fields["year"])
    elif anchor is None:
        return None
    elif c.fields["pverb"].lower().endswith("ended") or clause_tense(ctx.text, c.start) == PAST:
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    else:
        options = [safe_date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year = min((d for d in options if d), key=lambda d: abs((d - anchor).days)).year
    return safe_date(year, month, day)


def period_ended(c: Candidate, ctx: Context) -> Resolved:
    """ "the year ended Sept. 30" (a fiscal year, named for the year it ends in), "the quarter ending
    Dec. 31" (the quarter that date closes)."""
    end = _end_date(c, ctx)
    if end is None:
        return None, "partial"
    unit = {"year": "Y", "quarter": "Q", "half": "H"}[c.fields["punit"].lower()]
    if unit == "Y":
        period = Period(end.year, "Y", 1, fiscal=(end.month, end.day) != (12, 31))
    else:
        middle = end - timedelta(days=45 if unit == "Q" else 90)
        period = current_period(middle, unit)
    _discuss(ctx, c, period)
    return period.value(ctx.anchor.profile), "absolute" if "year" in c.fields else "partial"


def period_ref(c: Candidate, ctx: Context) -> Resolved:
    """ "the quarter", "this quarter", "the latest quarter", "the year-earlier quarter", "the same
    period last year", "the previous quarter"."""
    det = c.fields["det"].lower()
    qmod = " ".join(c.fields.get("qmod", "").lower().split())
    unit = {"quarter": "Q", "half": "H", "period": "P"}[c.fields["unit"]]
    if ctx.anchor.day is None or not ctx.anchor.usable_for("year"):
        return None, "relative"
    discussed = ctx.refs.discussed(c.start)
    if discussed is not None and unit != "P" and discussed.unit != unit:
        discussed = None
    current = current_period(ctx.anchor.day, "H" if unit == "H" else "Q")
    latest = current.shifted(-1)
    if det in ("this",) or qmod == "current":
        base, comparison = current, False
    elif det == "next":
        base, comparison = current.shifted(1), False
    elif det == "last" and not qmod:
        base, comparison = latest, False
    elif qmod in ("previous", "preceding", "prior", "past"):
        base, comparison = (discussed or latest).shifted(-1), True
    elif qmod in _COMPARISONS:
        base, comparison = (discussed or latest).years_back(1), True
    else:  # "the quarter", "the latest quarter", "the same period", "that quarter"
        if discussed is None and (unit == "P" or qmod not in _LATEST | {""}):
            return None, "anaphoric"
        base, comparison = discussed or latest, False
    if "cmp" in c.fields:
        base, comparison = base.years_back(1), True
    if not comparison:
        _discuss(ctx, c, base)
    return base.value(ctx.anchor.profile), "relative"


def fiscal(c: Candidate, ctx: Context) -> Resolved:
    """ "fiscal 1990", "fiscal '90", "FY1990": a fiscal year, named for the year it ends in."""
    year = _explicit_year(c, ctx)
    assert year is not None
    period = Period(year, "Y", 1, fiscal=True)
    _discuss(ctx, c, period)
    return period.value(ctx.anchor.profile), "absolute"


def fiscal_year(c: Candidate, ctx: Context) -> Resolved:
    """ "this fiscal year", "last fiscal year", "the fiscal year" (the one under discussion)."""
    if not ctx.anchor.usable_for("year"):
        return None, "relative"
    assert ctx.anchor.day is not None
    rel = c.fields.get("rel", "").lower()
    discussed = ctx.refs.discussed(c.start)
    if rel:
        year = ctx.anchor.day.year + _STEPS[rel]
    elif discussed is not None and discussed.fiscal:
        year = discussed.year
    else:
        year = ctx.anchor.day.year
    period = Period(year, "Y", 1, fiscal=True)
    _discuss(ctx, c, period)
    return period.value(ctx.anchor.profile), "relative"


def _year_in_question(c: Candidate, ctx: Context, fiscal: bool) -> Period | None:
    """The year a business story is reporting on: the discussed period's, else the anchor's (the
    one before when the clause is in the past: "profit for the full year rose")."""
    if not ctx.anchor.usable_for("year"):
        return None
    assert ctx.anchor.day is not None
    discussed = _discussed_year(ctx, c)
    if discussed is not None:
        return Period(discussed[0], "Y", 1, discussed[1] or fiscal)
    past = clause_tense(ctx.text, c.start, c.end) == PAST
    return Period(ctx.anchor.day.year - past, "Y", 1, fiscal)


def full_year(c: Candidate, ctx: Context) -> Resolved:
    """ "the full year", "full-year", "for the year,": the year being reported."""
    calendar = (c.fields.get("fymod") or c.fields.get("fyadj") or "").lower() == "calendar"
    period = _year_in_question(c, ctx, fiscal=False)
    if period is None:
        return None, "relative"
    if calendar:
        period = Period(period.year, "Y")
    return period.value(ctx.anchor.profile), "relative"


def year_end(c: Candidate, ctx: Context) -> Resolved:
    """ "year-end", "fiscal year-end": the end of the year being reported."""
    period = _year_in_question(c, ctx, fiscal="yefis" in c.fields)
    return (period.value(ctx.anchor.profile) if period else None), "relative"


def year_earlier(c: Candidate, ctx: Context) -> Resolved:
    """ "year-earlier results", "year-ago levels": the period under discussion a year back."""
    if not ctx.anchor.usable_for("year"):
        return None, "relative"
    assert ctx.anchor.day is not None
    discussed = ctx.refs.discussed(c.start)
    base = discussed if discussed is not None else Period(ctx.anchor.day.year, "Y")
    return base.years_back(1).value(ctx.anchor.profile), "relative"
