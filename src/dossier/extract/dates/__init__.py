"""The date tagger: text + publication date → date expressions with TIMEX3-style values.

:func:`tag_dates` is what the build and the TempEval adapter both call. It
finds expressions (:mod:`.rules`), then resolves them in reading order
(:mod:`.resolve`) so that "that year" can refer back to a date the text gave
and "the quarter" to the period it discusses. A dateline ("NIAMEY, Dec. 22
(Xinhua) --") a few days before publication becomes the anchor of what
follows it. :func:`infer_publication` estimates when an undated article was
written from the latest date it mentions.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dossier.extract.dates.context import Anchor, Context, References
from dossier.extract.dates.lexicon import WEEKDAYS, month_number
from dossier.extract.dates.relative import weekday_number
from dossier.extract.dates.resolve import as_timex, points_forward, resolve, weekday_dated
from dossier.extract.dates.rules import NEWS, TIMEML, Candidate, find_candidates
from dossier.model import BODY, DateMention
from dossier.timex import Timex, parse_timex

__all__ = [
    "NEWS",
    "TIMEML",
    "Anchor",
    "find_candidates",
    "infer_publication",
    "resolve_candidates",
    "settle_publication",
    "tag_dates",
]

_FINE = ("day", "week", "month")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.'’ /-]*(?:\[[^\]\n]*\])?,[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*\d{4}[ \t]*)?(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|—|–|-|_|:)")
_DATELINE_REACH = 7  # days a dateline may precede publication


def _dateline(text: str, candidate: Candidate) -> bool:
    """A date after a place at the start of a line and before a dash: "NIAMEY, Dec. 22 (Xinhua) --"."""
    if candidate.rule not in ("md", "mdy", "dm", "dmy"):
        return False
    before = text[max(0, candidate.start - 60) : candidate.start]
    return bool(_DATELINE_BEFORE.search(before)) and bool(_DATELINE_AFTER.match(text, candidate.end))


def _dateline_anchor(value: str | None, anchor: Anchor) -> Anchor | None:
    """The dateline's day as the anchor, if it is a few days before publication (not after)."""
    timex = parse_timex(value)
    if timex is None or timex.granularity != "day" or anchor.day is None or anchor.inferred:
        return None
    if not timedelta(0) <= anchor.day - timex.first_day <= timedelta(days=_DATELINE_REACH):
        return None
    return Anchor(timex.first_day, anchor.inferred, anchor.profile)


def resolve_candidates(
    candidates: list[Candidate], text: str, anchor: Anchor, field: str = BODY
) -> list[DateMention]:
    refs = References()
    context = Context(text, anchor, refs)
    mentions = []
    for candidate in candidates:
        value, kind = resolve(candidate, context)
        timex = as_timex(value)
        if timex is not None:
            refs.add(timex, candidate.start, "weekday" in candidate.fields and "day" in candidate.fields)
        if _dateline(text, candidate):
            moved = _dateline_anchor(value, anchor)
            if moved is not None:
                context = Context(text, moved, refs)
        mentions.append(
            DateMention(
                candidate.start,
                candidate.end,
                text[candidate.start : candidate.end],
                value,
                kind,
                candidate.mod,
                field,
            )
        )
    return mentions


def tag_dates(
    text: str, published: date | None, *, inferred: bool = False, profile: str = NEWS
) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published`` where that is safe."""
    anchor = Anchor(published, inferred, profile)
    return resolve_candidates(find_candidates(text, profile), text, anchor)


_WEEKDAY_DATE = re.compile(
    r"(?P<weekday>[A-Z][a-z]+)\.?,?\s*(?:(?P<day1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month1>[A-Z][a-z]+)\.?"
    r"|(?P<month2>[A-Z][a-z]+)\.?\s+(?P<day2>\d{1,2}))"
)


def _weekday_fixed(mention: DateMention, near: date) -> date | None:
    """A weekday with a month-day and no year ("Saturday May 4"): the day near ``near`` it names."""
    match = _WEEKDAY_DATE.match(mention.text)
    if match is None or mention.kind != "partial":
        return None
    name = match.group("weekday").lower()
    if name not in WEEKDAYS and name[:3] not in WEEKDAYS:
        return None
    try:
        month = month_number(match.group("month1") or match.group("month2"))
    except KeyError:
        return None
    return weekday_dated(month, int(match.group("day1") or match.group("day2")), weekday_number(name), near)


def infer_publication(mentions: list[DateMention], text: str) -> Timex | None:
    """The latest date mentioned as past: a lower bound of when the text was written.

    Month-or-finer dates are preferred; a bare year counts only if there is
    nothing finer (so "elections in 2025" does not outweigh "August 2024"). A
    weekday with a month-day ("Saturday May 4") counts too, in the year near
    the other dates in which that day is that weekday.
    """
    absolute = [
        timex
        for m in mentions
        if m.kind == "absolute"
        and (timex := as_timex(m.value)) is not None
        and not points_forward(text, m.start)
    ]
    fine = [t for t in absolute if t.granularity in _FINE]
    pool = fine or [t for t in absolute if t.granularity == "year"]
    estimate = max(pool, key=lambda t: (t.last_day, t.first_day), default=None)
    if estimate is None:
        return None
    fixed = [d for m in mentions if (d := _weekday_fixed(m, estimate.last_day)) is not None]
    later = [d for d in fixed if d > estimate.last_day]
    return parse_timex(max(later).isoformat()) if later else estimate


def settle_publication(estimate: Timex, mentions: list[DateMention], text: str) -> Timex:
    """A month-day placed after the estimate ("In a February 18 interview" in a text whose latest
    full date is November 2023) shows the text was written later: "October last year" then counts
    from that day, not from the estimate."""
    later = [
        timex.last_day
        for m in mentions
        if m.kind == "partial"
        and (timex := as_timex(m.value)) is not None
        and timex.granularity == "day"
        and timex.last_day > estimate.last_day
        and not points_forward(text, m.start)
    ]
    return parse_timex(max(later).isoformat()) or estimate if later else estimate
