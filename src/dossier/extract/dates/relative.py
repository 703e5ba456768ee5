"""Expressions relative to the anchor or to a date the text gave: weekdays, "yesterday", "last
week", "the weekend", "two years ago", "a year earlier", "the year before", "that month".

A bare weekday is the most recent such day on or before the anchor, unless
the clause looks ahead ("will meet Friday"). Where the anchor cannot place a
day (an unknown publication date) a weekday in the same sentence as a
weekday-dated day is read against that day ("Saturday May 4 … overnight from
Saturday to Sunday"). In a sentence about results, "a year ago" and "a year earlier" are
the period under discussion a year back ("profit fell from a year earlier" in
a third-quarter report is the third quarter of the year before).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dossier.extract.dates.context import Context, Period
from dossier.extract.dates.guards import about_finance
from dossier.extract.dates.lexicon import NUMBERS, TENS, UNITS, WEEKDAYS, safe_date
from dossier.extract.dates.rules import Candidate
from dossier.extract.dates.tense import clause_start, points_forward
from dossier.timex import Timex, day_value, month_value, shift_month, week_value

Resolved = tuple[str | None, str]


def weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key, WEEKDAYS.get(key[:3], 0))


def weekday_on_or_before(anchor: date, weekday: int, strictly: bool = False) -> date:
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_on_or_after(anchor: date, weekday: int, strictly: bool = False) -> date:
    ahead = (weekday - anchor.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)


def _possessive(text: str, c: Candidate) -> bool:
    word_end = text.find(c.fields["weekday"], c.start) + len(c.fields["weekday"])
    return text[word_end : word_end + 2] in ("'s", "’s")


def _same_sentence_day(c: Candidate, ctx: Context) -> date | None:
    """The day of a weekday-dated expression earlier in the same sentence ("Saturday May 4 …
    overnight from Saturday to Sunday"), if any."""
    refs = ctx.refs
    sentence_start = clause_start(ctx.text, c.start, reach=400)
    for index in range(len(refs.seen) - 1, max(-1, len(refs.seen) - 4), -1):
        if refs.at[index] < sentence_start:
            break
        if refs.with_weekday[index] and refs.seen[index].granularity == "day":
            return refs.seen[index].first_day
    return None


def weekday(c: Candidate, ctx: Context) -> Resolved:
    number = weekday_number(c.fields["weekday"])
    rel = c.fields.get("rel", "").lower()
    if not ctx.anchor.usable_for("day"):
        near = _same_sentence_day(c, ctx) if not rel else None
        if near is None:
            return None, "relative"
        options = (weekday_on_or_before(near, number), weekday_on_or_after(near, number))
        return day_value(min(options, key=lambda d: abs((d - near).days))), "anaphoric"
    anchor = ctx.anchor.day
    assert anchor is not None
    if rel in ("last", "past", "previous"):
        d = weekday_on_or_before(anchor, number, strictly=True)
    elif rel == "this":
        d = anchor + timedelta(days=number - anchor.weekday())
    elif rel in ("next", "coming"):
        d = weekday_on_or_after(anchor, number, strictly=True)
    elif points_forward(ctx.text, c.start, c.end) and not _possessive(ctx.text, c):
        d = weekday_on_or_after(anchor, number)  # "will meet Friday", not "Friday's meeting"
    else:
        d = weekday_on_or_before(anchor, number)
    return day_value(d), "relative"


_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}


def relative_day(c: Candidate, ctx: Context) -> Resolved:
    if not ctx.anchor.usable_for("day"):
        return None, "relative"
    assert ctx.anchor.day is not None
    word = re.sub(r"\s+", " ", c.fields["relday"].lower())
    offset = 0 if word.startswith("this ") else _DAY_OFFSETS.get(word, -2 if "before" in word else 2)
    return day_value(ctx.anchor.day + timedelta(days=offset)), "relative"


def _weekend_saturday(anchor: date, step: int) -> date:
    """The Saturday of this week's weekend (``step`` 0), the last one (-1) or the next (1)."""
    return anchor + timedelta(days=5 - anchor.weekday()) + timedelta(weeks=step)


def relative_unit(c: Candidate, ctx: Context) -> Resolved:
    unit = c.fields["unit"].lower()
    rel = " ".join(c.fields["rel"].lower().split())
    step = {"last": -1, "this past": -1, "this": 0, "current": 0, "present": 0, "next": 1, "coming": 1}[rel]
    if not ctx.anchor.usable_for("year" if unit in ("year", "decade") else "day"):
        return None, "relative"
    d = ctx.anchor.day
    assert d is not None
    if unit == "year":
        return str(d.year + step), "relative"
    if unit == "decade":
        return str(d.year // 10 + step), "relative"
    if unit == "month":
        return month_value(*shift_month(d.year, d.month, step)), "relative"
    if unit == "weekend":
        return ctx.weekend(_weekend_saturday(d, step)), "relative"
    return week_value(d + timedelta(weeks=step)), "relative"


def weekend(c: Candidate, ctx: Context) -> Resolved:
    """ "the weekend": the one just past, the current one on a Saturday or Sunday, or the coming one
    when the clause looks ahead."""
    if not ctx.anchor.usable_for("day"):
        return None, "relative"
    anchor = ctx.anchor.day
    assert anchor is not None
    if anchor.weekday() >= 5 or points_forward(ctx.text, c.start, c.end):
        return ctx.weekend(_weekend_saturday(anchor, 0)), "relative"
    return ctx.weekend(_weekend_saturday(anchor, -1)), "relative"


def _shifted(ref: Timex, unit: str, steps: int) -> str | None:
    """``ref`` moved by ``steps`` units, at the unit's granularity."""
    d = ref.first_day
    if unit in ("year", "decade"):
        return str(d.year + steps * (10 if unit == "decade" else 1))
    if unit == "quarter":
        return None
    if unit == "month":
        return month_value(*shift_month(d.year, d.month, steps))
    if unit == "week":
        return week_value(d + timedelta(weeks=steps))
    if ref.granularity != "day":
        return None
    return day_value(d + timedelta(days=steps))


def anaphor(c: Candidate, ctx: Context) -> Resolved:
    """ "that year", "the following day", "the same month": from the last date of that precision."""
    unit = c.fields["unit"].lower()
    word = c.fields["ana"].lower().split()[-1]
    ref = ctx.refs.latest(unit)
    if ref is None:
        return None, "anaphoric"
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(word, 0)
    return _shifted(ref, unit, step), "anaphoric"


def anaphor_pod(c: Candidate, ctx: Context) -> Resolved:
    """ "the next morning", "that night": a day from the last day the text gave."""
    ref = ctx.refs.latest("day")
    if ref is None or ref.granularity != "day":
        return None, "anaphoric"
    step = {"next": 1, "following": 1, "previous": -1}.get(c.fields["ana"].lower(), 0)
    return day_value(ref.first_day + timedelta(days=step)), "anaphoric"


def anaphor_after(c: Candidate, ctx: Context) -> Resolved:
    """ "the year before", "the day after": a step from the last date of that precision."""
    unit = c.fields["unit"].lower()
    ref = ctx.refs.latest(unit)
    if ref is None:
        return None, "anaphoric"
    return _shifted(ref, unit, 1 if c.fields["dir"].lower() == "after" else -1), "anaphoric"


def _count(c: Candidate) -> int:
    word = c.fields["count"].lower()
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, units = word.split("-")
        return TENS[tens] + UNITS[units]
    return NUMBERS[word]


def _fiscal_comparison(c: Candidate, ctx: Context, unit: str, years: int) -> Period | None:
    """The period under discussion ``years`` back, when the sentence is about results."""
    period = ctx.refs.discussed(c.start)
    if unit != "year" or period is None or not about_finance(ctx.text, c.start, c.end):
        return None
    return period.years_back(years)


def ago(c: Candidate, ctx: Context) -> Resolved:
    """ "two weeks ago", "a decade ago", "fifty years ago today"; "a year ago" in a sentence about a
    quarter's results is that quarter a year back."""
    unit = c.fields["unit"].lower().rstrip("s")
    count = -_count(c) if "ahead" in c.fields else _count(c)  # "two years from now"
    comparison = _fiscal_comparison(c, ctx, unit, count) if count > 0 else None
    if comparison is not None:
        return comparison.value(ctx.anchor.profile), "relative"
    exact = "today" in c.fields
    if not ctx.anchor.usable_for("day" if exact or unit not in ("year", "decade", "quarter") else "year"):
        return None, "relative"
    d = ctx.anchor.day
    assert d is not None
    if exact and unit in ("year", "decade"):
        years = count * (10 if unit == "decade" else 1)
        return day_value(
            safe_date(d.year - years, d.month, d.day) or d.replace(year=d.year - years, day=28)
        ), "relative"
    if unit == "quarter":
        return Period(d.year, "Q", (d.month - 1) // 3 + 1).shifted(-count).value(
            ctx.anchor.profile
        ), "relative"
    if unit in ("year", "decade"):
        return str(d.year - count * (10 if unit == "decade" else 1)), "relative"
    if unit == "month":
        return month_value(*shift_month(d.year, d.month, -count)), "relative"
    if unit == "week":
        return week_value(d - timedelta(weeks=count)), "relative"
    return day_value(d - timedelta(days=count)), "relative"


def offset(c: Candidate, ctx: Context) -> Resolved:
    """ "a year earlier", "two years later": from the last date the text gave (the period under
    discussion in a sentence about results), else from the anchor."""
    unit = c.fields["unit"].lower().rstrip("s")
    count = _count(c) * (1 if c.fields["dir"].lower() in ("later", "after") else -1)
    comparison = _fiscal_comparison(c, ctx, unit, -count)
    if comparison is not None:
        return comparison.value(ctx.anchor.profile), "anaphoric"
    if unit == "quarter":
        period = ctx.refs.discussed(c.start)
        return (period.shifted(count).value(ctx.anchor.profile) if period else None), "anaphoric"
    ref = ctx.refs.latest("day" if unit == "day" else unit)
    if ref is None and ctx.anchor.usable_for("day" if unit in ("day", "week") else "year"):
        assert ctx.anchor.day is not None
        ref = Timex(day_value(ctx.anchor.day), "day", ctx.anchor.day, ctx.anchor.day)
    return (_shifted(ref, unit, count) if ref else None), "anaphoric"


def the_unit(c: Candidate, ctx: Context) -> Resolved:
    """ "the end of the year", "earlier in the month": the period under discussion, else the anchor's."""
    unit = c.fields["tu"].lower()
    period = ctx.refs.discussed(c.start)
    if unit == "year" and period is not None:
        return Period(period.year, "Y", 1, period.fiscal).value(ctx.anchor.profile), "relative"
    if not ctx.anchor.usable_for("year" if unit == "year" else "day"):
        return None, "relative"
    d = ctx.anchor.day
    assert d is not None
    if unit == "year":
        return str(d.year), "relative"
    return (month_value(d.year, d.month) if unit == "month" else week_value(d)), "relative"
