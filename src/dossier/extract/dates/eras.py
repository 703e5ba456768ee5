"""Years, decades and centuries, in digits or in words, with TIMEX3 values.

A decade is its first three digits ("the 1950s", "the fifties" → ``195``), a
century its first two ("the 20th century" → ``19``), as TimeML writes them.
Years said aloud ("nineteen ninety-six", "two thousand and five") and
two-digit years ("in '22", "fiscal '90") are years.
"""

from __future__ import annotations

from dossier.extract.dates.context import Context
from dossier.extract.dates.lexicon import CENTURY_ORDINALS, DECADE_WORDS, TEENS, TENS, UNITS
from dossier.extract.dates.rules import Candidate

Resolved = tuple[str | None, str]

_CENTURY_STEPS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}


def two_digit_year(digits: str, ctx: Context) -> int:
    """ "'22" → 1922 in 1997 and 2022 in 2024: the latest such year not more than ten years ahead."""
    base = ctx.anchor.day.year if ctx.anchor.day else 2000
    year = base // 100 * 100 + int(digits)
    return year - 100 if year > base + 10 else year


def year(c: Candidate, ctx: Context) -> Resolved:
    return c.fields["year"], "absolute"


def short_year(c: Candidate, ctx: Context) -> Resolved:
    return str(two_digit_year(c.fields["yy"], ctx)), "absolute"


def spelled_year(c: Candidate, ctx: Context) -> Resolved:
    """ "nineteen ninety-six" → 1996, "nineteen oh five" → 1905, "two thousand and five" → 2005."""
    f = {k: v.lower() for k, v in c.fields.items()}
    if "thousand" in f:
        return str(2000 + {**TEENS, **UNITS}.get(f.get("k_unit", ""), 0)), "absolute"
    hundreds = (TEENS | {"twenty": 20})[f["sy_c"]] * 100
    if "sy_hundred" in f:
        rest = 0
    elif "sy_teen" in f:
        rest = TEENS[f["sy_teen"]]
    elif "sy_oh" in f:
        rest = UNITS[f["sy_oh"]]
    else:
        rest = TENS[f["sy_tens"]] + UNITS.get(f.get("sy_unit", ""), 0)
    return str(hundreds + rest), "absolute"


def decade(c: Candidate, ctx: Context) -> Resolved:
    """ "the 1990s" → ``199``; "the '40s" → ``194`` (``202`` for "the '20s" only once they are past)."""
    if "short" in c.fields:
        digit = int(c.fields["short"])
        now = ctx.anchor.day.year if ctx.anchor.day else 2000
        return (f"20{digit}" if 2000 + 10 * digit <= now else f"19{digit}"), "absolute"
    return f"{c.fields['century']}{c.fields['decade']}", "absolute"


def decade_word(c: Candidate, ctx: Context) -> Resolved:
    """ "the sixties", "the nineteen-sixties" → ``196``."""
    return f"19{DECADE_WORDS[c.fields['dword'].lower()]}", "absolute"


def century(c: Candidate, ctx: Context) -> Resolved:
    """ "the 20th century" → ``19``; "this century" by the anchor."""
    if "cnum" in c.fields:
        number = int(c.fields["cnum"])
    elif "cword" in c.fields:
        number = CENTURY_ORDINALS[" ".join(c.fields["cword"].lower().split())]
    else:
        if not ctx.anchor.usable_for("year"):
            return None, "relative"
        assert ctx.anchor.day is not None
        word = c.fields["crel"].lower()
        step = _CENTURY_STEPS.get(word, 0 if ctx.anchor.day.year % 100 < 50 else 1)  # "the new century"
        return f"{ctx.anchor.day.year // 100 + step:02d}", "relative"
    return (f"{number - 1:02d}" if number >= 1 else None), "absolute"
