"""Giving date expressions values, by news conventions.

Relative expressions are resolved against the publication date (the
*anchor*): a bare weekday is the most recent such day on or before it, a bare
month or month-day the most recent one not after it, unless the words just
before point forward ("will meet Friday"); "last week" is the ISO week
before. Anaphoric expressions ("that year", "the same month") take the most
recent date the text itself mentioned. An anchor inferred from the text is
trusted only for year-level expressions; everything finer stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.extract.dates.lexicon import FUTURE_CUE, MONTHS, NUMBERS, ORDINALS, SEASON_CODES, WEEKDAYS
from dossier.extract.dates.rules import Candidate
from dossier.timex import GRANULARITIES, Timex, day_value, month_value, parse_timex, shift_month, week_value

_FUTURE = re.compile(FUTURE_CUE, re.IGNORECASE)
_PAST_REPORT = re.compile(r"\b(?:said|says|announced|reported|told|added|stated|confirmed)\b", re.IGNORECASE)
_PAST_AFTER = re.compile(r"[^.;\n]{0,30}?\b(?:was|were|had|did)\b", re.IGNORECASE)
_PAST_TENSE = re.compile(r"\b(?:was|were|had|did|said|began|died|killed|announced|reported)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date relative expressions are resolved against.

    ``nearest``: a bare month or month-day is the occurrence nearest the anchor
    (TimeML practice) rather than the most recent one (this project's news
    convention, where only words pointing forward make it a future one).
    """

    day: date | None
    inferred: bool = False
    nearest: bool = False

    def usable_for(self, granularity: str) -> bool:
        if self.day is None:
            return False
        return not self.inferred or GRANULARITIES.index(granularity) >= GRANULARITIES.index("year")


@dataclass(slots=True)
class References:
    """The dates the text has mentioned so far, for "that year" and "the same month"."""

    seen: list[Timex] = field(default_factory=list)

    def latest(self, unit: str) -> Timex | None:
        """The most recent mention at least as precise as ``unit``."""
        rank = GRANULARITIES.index(unit)
        for timex in reversed(self.seen):
            if GRANULARITIES.index(timex.granularity) <= rank:
                return timex
        return None


def points_forward(text: str, start: int, end: int | None = None) -> bool:
    """Whether the clause around ``text[start:end]`` looks to the future.

    A cue before the expression ("will meet", "scheduled for", "by") points
    forward, unless a report verb follows the cue ("will…, he said Friday") or
    a past-tense auxiliary follows the expression ("planned for Saturday was
    cancelled", "Until Thursday, they had not").
    """
    window_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 60, 0)
    window = text[window_start:start]
    cues = list(_FUTURE.finditer(window))
    if not cues or _PAST_REPORT.search(window, cues[-1].end()):
        return False
    after = text[end if end is not None else start : (end if end is not None else start) + 40]
    return not _PAST_AFTER.match(after)


def looks_past(text: str, end: int) -> bool:
    """A past-tense verb right after the expression: "In January, ... was"."""
    sentence_end = min((i for i in (text.find(".", end), text.find("\n", end)) if i != -1), default=len(text))
    return _PAST_TENSE.search(text, end, min(sentence_end, end + 120)) is not None


# --- helpers -------------------------------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(fields: dict[str, str]) -> int:
    if "month_num" in fields:
        return int(fields["month_num"])
    key = fields["month"].lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTHS[key[:3]]


def _weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key, WEEKDAYS.get(key[:3], 0))


def _year_for(month: int, day: int, anchor: Anchor, text: str, start: int, end: int) -> int:
    """The year of a month-day given without one, by the anchor's convention."""
    today = anchor.day
    assert today is not None
    before = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    after = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    gap_before = (today - date(before, month, min(day, 28))).days
    gap_after = (date(after, month, min(day, 28)) - today).days
    if points_forward(text, start, end) and gap_after <= 183:
        return after  # "scheduled for March 12"; a deadline met yesterday is still yesterday's
    if not anchor.nearest or looks_past(text, end):
        return before
    # TimeML practice: the nearer one, leaning to the past
    return after if gap_after < gap_before / 2 else before


def _weekday_on_or_before(anchor: date, weekday: int, strictly: bool = False) -> date:
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _weekday_on_or_after(anchor: date, weekday: int, strictly: bool = False) -> date:
    ahead = (weekday - anchor.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)


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


def _holiday(name: str, year: int) -> date:
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
        return _weekday_on_or_after(date(year, 11, 2), 1)
    if name.startswith("thanksgiving"):
        return _weekday_on_or_after(date(year, 11, 1), 3) + timedelta(weeks=3)
    if name == "halloween":
        return date(year, 10, 31)
    return _easter(year)


# --- the resolvers, one per rule ----------------------------------------------------------------


def _explicit_date(c: Candidate, anchor: Anchor, text: str) -> tuple[str | None, str]:
    month, day = _month_number(c.fields), int(c.fields["day"])
    if "year" in c.fields:
        d = _safe_date(int(c.fields["year"]), month, day)
        return (day_value(d) if d else None), "absolute"
    if "weekday" in c.fields and anchor.day is not None:
        # "Monday, Oct. 26": the year in which that day is that weekday, nearest the anchor
        weekday = _weekday_number(c.fields["weekday"])
        options = [
            d
            for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
            if (d := _safe_date(y, month, day))
        ]
        matching = [d for d in options if d.weekday() == weekday]
        if matching:
            return day_value(min(matching, key=lambda d: abs(d - anchor.day))), "partial"
    if not anchor.usable_for("day"):
        return None, "partial"
    year = _year_for(month, day, anchor, text, c.start, c.end)
    d = _safe_date(year, month, day)
    return (day_value(d) if d else None), "partial"


def _month(c: Candidate, anchor: Anchor, text: str) -> tuple[str | None, str]:
    month = _month_number(c.fields)
    if "year" in c.fields:
        return month_value(int(c.fields["year"]), month), "absolute"
    if not anchor.usable_for("month"):
        return None, "partial"
    current = anchor.day.replace(day=1)
    rel = c.fields.get("rel", "").lower()
    if rel in ("last", "past", "previous"):  # the most recent one before this month
        year = current.year if month < current.month else current.year - 1
    elif rel in ("next", "coming"):
        year = current.year if month > current.month else current.year + 1
    elif rel == "this":
        year = current.year
    else:
        year = _year_for(month, 15, anchor, text, c.start, c.end)
    return month_value(year, month), "relative" if rel else "partial"


def _month_anaphor(c: Candidate, anchor: Anchor, refs: References) -> tuple[str | None, str]:
    month = _month_number(c.fields)
    word = c.fields["ana"].lower().split()[-1]
    if word in ("last", "this", "next"):
        if not anchor.usable_for("year"):
            return None, "relative"
        return month_value(anchor.day.year + {"last": -1, "this": 0, "next": 1}[word], month), "relative"
    ref = refs.latest("year")
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


def _season(c: Candidate, anchor: Anchor, text: str) -> tuple[str | None, str]:
    code = SEASON_CODES[c.fields["season"].lower()]
    if "year" in c.fields:
        return f"{c.fields['year']}-{code}", "absolute"
    if not anchor.usable_for("season"):
        return None, "relative"
    current = _current_season_index(anchor.day)
    options = [_season_index(y, code) for y in range(anchor.day.year - 2, anchor.day.year + 3)]
    rel = c.fields.get("rel", "").lower()
    if rel in ("last", "past", "previous"):
        index = max(i for i in options if i < current)
    elif rel in ("next", "coming"):
        index = min(i for i in options if i > current)
    elif rel == "this":
        index = min(options, key=lambda i: (abs(i - current), i < current))
    elif points_forward(text, c.start):
        index = min(i for i in options if i >= current)
    else:
        index = max(i for i in options if i <= current)
    return f"{index // 4}-{code}", "relative"


def _part_of_year(c: Candidate, anchor: Anchor, kind: str) -> tuple[str | None, str]:
    """Quarters and halves: "the third quarter", "first half of 2024", "Q3"."""
    if kind == "Q" and "q" in c.fields:
        number = int(c.fields["q"])
    else:
        word = c.fields["ord"].lower()
        number = (4 if kind == "Q" else 2) if word in ("final", "last") else ORDINALS[word]
    if "year" in c.fields:
        return f"{c.fields['year']}-{kind}{number}", "absolute"
    if not anchor.usable_for("year"):
        return None, "relative"
    year = anchor.day.year + {"last": -1, "this": 0, "next": 1}.get(c.fields.get("rel", "").lower(), 0)
    if "rel" not in c.fields and "the_year" not in c.fields:
        # a bare "the third quarter" is the most recent one
        current = (anchor.day.month - 1) // 3 + 1 if kind == "Q" else (anchor.day.month - 1) // 6 + 1
        if number > current:
            year -= 1
    return f"{year}-{kind}{number}", "relative"


def _possessive(text: str, c: Candidate) -> bool:
    word_end = text.find(c.fields["weekday"], c.start) + len(c.fields["weekday"])
    return text[word_end : word_end + 2] in ("'s", "’s")


def _weekday(c: Candidate, anchor: Anchor, text: str) -> tuple[str | None, str]:
    if not anchor.usable_for("day"):
        return None, "relative"
    weekday = _weekday_number(c.fields["weekday"])
    rel = c.fields.get("rel", "").lower()
    if rel in ("last", "past", "previous"):
        d = _weekday_on_or_before(anchor.day, weekday, strictly=True)
    elif rel == "this":
        d = anchor.day + timedelta(days=weekday - anchor.day.weekday())
    elif rel in ("next", "coming"):
        d = _weekday_on_or_after(anchor.day, weekday, strictly=True)
    elif points_forward(text, c.start, c.end) and not _possessive(text, c):
        d = _weekday_on_or_after(anchor.day, weekday)  # "will meet Friday", not "Friday's meeting"
    else:
        d = _weekday_on_or_before(anchor.day, weekday)
    return day_value(d), "relative"


def _relative_day(c: Candidate, anchor: Anchor) -> tuple[str | None, str]:
    if not anchor.usable_for("day"):
        return None, "relative"
    word = re.sub(r"\s+", " ", c.fields["relday"].lower())
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(
        word, -2 if "before" in word else 2
    )
    return day_value(anchor.day + timedelta(days=offset)), "relative"


def _relative_unit(c: Candidate, anchor: Anchor) -> tuple[str | None, str]:
    unit = c.fields["unit"].lower()
    step = {"last": -1, "this": 0, "next": 1, "coming": 1}[c.fields["rel"].lower()]
    if not anchor.usable_for("year" if unit == "year" else "day"):
        return None, "relative"
    d = anchor.day
    if unit == "year":
        return str(d.year + step), "relative"
    if unit == "month":
        return month_value(*shift_month(d.year, d.month, step)), "relative"
    value = week_value(d + timedelta(weeks=step))
    return (value + "-WE" if unit == "weekend" else value), "relative"


def _anaphor(c: Candidate, refs: References) -> tuple[str | None, str]:
    unit = c.fields["unit"].lower()
    word = c.fields["ana"].lower().split()[-1]
    ref = refs.latest(unit)
    if ref is None:
        return None, "anaphoric"
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(word, 0)
    d = ref.first_day
    if unit == "year":
        return str(d.year + step), "anaphoric"
    if unit == "month":
        return month_value(*shift_month(d.year, d.month, step)), "anaphoric"
    if unit == "week":
        return week_value(d + timedelta(weeks=step)), "anaphoric"
    if ref.granularity != "day":
        return None, "anaphoric"
    return day_value(d + timedelta(days=step)), "anaphoric"


def _ago(c: Candidate, anchor: Anchor) -> tuple[str | None, str]:
    unit = c.fields["unit"].lower().rstrip("s")
    word = c.fields["count"].lower()
    count = int(word) if word.isdigit() else NUMBERS[word]
    if not anchor.usable_for("year" if unit in ("year", "decade") else "day"):
        return None, "relative"
    d = anchor.day
    if unit in ("year", "decade"):
        return str(d.year - count * (10 if unit == "decade" else 1)), "relative"
    if unit == "month":
        return month_value(*shift_month(d.year, d.month, -count)), "relative"
    if unit == "week":
        return week_value(d - timedelta(weeks=count)), "relative"
    return day_value(d - timedelta(days=count)), "relative"


def _holiday_value(c: Candidate, anchor: Anchor, text: str) -> tuple[str | None, str]:
    name = c.fields["holiday"]
    if "year" in c.fields:
        return day_value(_holiday(name, int(c.fields["year"]))), "absolute"
    if not anchor.usable_for("day"):
        return None, "relative"
    rel = c.fields.get("rel", "").lower()
    this_year = _holiday(name, anchor.day.year)
    if rel in ("next", "coming") or (not rel and points_forward(text, c.start)):
        d = this_year if this_year > anchor.day else _holiday(name, anchor.day.year + 1)
    elif rel == "this":
        d = this_year
    else:
        d = (
            this_year
            if this_year < anchor.day or (not rel and this_year == anchor.day)
            else _holiday(name, anchor.day.year - 1)
        )
    return day_value(d), "relative"


def _decade(c: Candidate) -> tuple[str | None, str]:
    if "short" in c.fields:
        digit = int(c.fields["short"])
        return (f"20{digit}X" if digit <= 2 else f"19{digit}X"), "absolute"
    return f"{c.fields['century']}{c.fields['decade']}X", "absolute"


def resolve(c: Candidate, text: str, anchor: Anchor, refs: References) -> tuple[str | None, str]:
    """The value (or ``None``) and kind of one expression."""
    rule = c.rule
    if rule in ("iso", "mdy", "dmy", "md", "dm"):
        return _explicit_date(c, anchor, text)
    if rule == "week_of":
        value, kind = _explicit_date(c, anchor, text)
        return (week_value(date.fromisoformat(value)) if value else None), kind
    if rule in ("my", "month"):
        return _month(c, anchor, text)
    if rule == "month_anaphor":
        return _month_anaphor(c, anchor, refs)
    if rule == "year":
        return c.fields["year"], "absolute"
    if rule == "decade":
        return _decade(c)
    if rule == "season":
        return _season(c, anchor, text)
    if rule in ("quarter", "q"):
        return _part_of_year(c, anchor, "Q")
    if rule == "half":
        return _part_of_year(c, anchor, "H")
    if rule == "weekday":
        return _weekday(c, anchor, text)
    if rule == "relday":
        return _relative_day(c, anchor)
    if rule == "relunit":
        return _relative_unit(c, anchor)
    if rule == "anaphor":
        return _anaphor(c, refs)
    if rule == "ago":
        return _ago(c, anchor)
    if rule == "holiday":
        return _holiday_value(c, anchor, text)
    return {"present": "PRESENT_REF", "future": "FUTURE_REF", "past": "PAST_REF"}[rule], "reference"


def as_timex(value: str | None) -> Timex | None:
    """The calendar value behind a resolved expression (part-of-day suffixes dropped)."""
    if value is None:
        return None
    return parse_timex(re.sub(r"T[A-Z]{2}$|-WE$", "", value))
