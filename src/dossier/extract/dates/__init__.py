"""The date tagger: text + publication date → date expressions with TIMEX3-style values.

:func:`tag_dates` is what the build and the TempEval adapter both call. It
finds expressions (:mod:`.rules`), then resolves them in reading order
(:mod:`.resolve`) so that "that year" can refer back to a date the text gave.
:func:`infer_publication` estimates when an undated article was written from
the latest absolute date it mentions.
"""

from __future__ import annotations

from datetime import date

from dossier.extract.dates.resolve import Anchor, References, as_timex, points_forward, resolve
from dossier.extract.dates.rules import NEWS, TIMEML, Candidate, find_candidates
from dossier.model import BODY, DateMention
from dossier.timex import Timex

__all__ = [
    "NEWS",
    "TIMEML",
    "Anchor",
    "find_candidates",
    "infer_publication",
    "resolve_candidates",
    "tag_dates",
]

_FINE = ("day", "week", "month")


def resolve_candidates(
    candidates: list[Candidate], text: str, anchor: Anchor, field: str = BODY
) -> list[DateMention]:
    refs = References()
    mentions = []
    for candidate in candidates:
        value, kind = resolve(candidate, text, anchor, refs)
        timex = as_timex(value)
        if timex is not None:
            refs.seen.append(timex)
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
    anchor = Anchor(published, inferred, nearest=profile == TIMEML)
    return resolve_candidates(find_candidates(text, profile), text, anchor)


def infer_publication(mentions: list[DateMention], text: str) -> Timex | None:
    """The latest absolute date mentioned as past: a lower bound of when the text was written.

    Month-or-finer dates are preferred; a bare year counts only if there is
    nothing finer (so "elections in 2025" does not outweigh "August 2024").
    """
    absolute = [
        (timex, m)
        for m in mentions
        if m.kind == "absolute"
        and (timex := as_timex(m.value)) is not None
        and not points_forward(text, m.start)
    ]
    fine = [t for t, _ in absolute if t.granularity in _FINE]
    pool = fine or [t for t, _ in absolute if t.granularity == "year"]
    return max(pool, key=lambda t: (t.last_day, t.first_day), default=None)
