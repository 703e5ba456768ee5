"""Which way a clause looks: the tense around a date expression, read from nearby words.

A bare weekday, month or quarter is resolved backwards or forwards from the
anchor depending on the clause: "will meet Friday" looks forward, "bought the
company in February" looks back. The nearest marker before the expression
decides (so "said he will go in March" looks forward and "will be held in
March" is not made past by "held"); a deadline word right before it ("by Jan.
14", "until Thursday") looks forward; a past auxiliary right after it ("planned
for Saturday was cancelled") makes it past. Every look is a bounded window, so
the cost per expression does not grow with the text.
"""

from __future__ import annotations

import re

from dossier.extract.dates.lexicon import FUTURE_CUE
from dossier.extract.sentences import ABBREVIATIONS

FUTURE, PAST = "future", "past"

_REACH = 160  # characters a clause may extend before an expression
_BOUNDARY = re.compile(r"[.!?;](?=[\s\"'”’)\]]|$)|\n")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
_FUTURE_WORD = re.compile(FUTURE_CUE, re.IGNORECASE)
_DEADLINE = re.compile(
    r"(?:\b(?:by|till|as\s+(?:soon|early)\s+as|no\s+later\s+than|deadline\s+of)"
    r"|(?<![Uu]p\s)\buntil)\s+(?:the\s+|next\s+|this\s+|early\s+|mid-?|late\s+|end\s+of\s+)*"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|noon)\s+(?:[A-Z]{2,4}\s+)?(?:on\s+)?)?$",
    re.IGNORECASE,
)
_PAST_AUX = re.compile(r"\b(?:was|were|had|did|wasn['’]t|weren['’]t|hadn['’]t|didn['’]t)\b", re.IGNORECASE)
_AFTER_AUX = re.compile(r"\s+(?:was|were|had|did)\b(?!\s+\w+ing\b)", re.IGNORECASE)
_LATER_AUX = re.compile(  # "Until Thursday, they had not": the clause's verb, not a coordinated one
    r"(?:(?!\b(?:but|and|while|although|though|when|as|if)\b)[^.;\n]){0,30}?\b(?:was|were|had|did)\b(?!\s+\w+ing\b)",
    re.IGNORECASE,
)
_AFTER_FUTURE = re.compile(  # the expression is the subject, or ends it: "Full-year results will be"
    r"(?:\s+(?!(?:he|she|it|they|we|i|you|that|which|who|and|but)\b)[a-z]+){0,2}?\s+"
    r"(?:will|would|shall|won['’]t|is\s+expected|are\s+expected|should|is\s+likely|are\s+likely)\b"
)
_AFTER_WORDS = re.compile(r"(?:\s+(?:[a-z]+))(?:\s+(?:[a-z]+))?(?:\s+(?:[a-z]+))?")
_WORD = re.compile(r"[A-Za-z][a-z’']*")
_BE = frozenset("is are am be been being was were get gets got".split())
IRREGULAR_PAST = frozenset(
    """said told began fell rose grew won lost left met paid sold bought took made came went saw gave held
    kept led spent sent built brought became ran wrote struck knew found felt fought chose drove flew froze
    got heard hung laid lent meant rode rang sank sat shot slept spoke stood stole swore taught threw
    understood woke wore withdrew overtook undertook forgot forgave arose awoke bore broke caught dealt drew
    dug fled forbade hid lay shook shone slid sought spun sprang stuck stung strode strove swam swept swung
    tore wept wound""".split()
)
_NOT_PAST = frozenset(
    """need indeed speed seed feed breed proceed exceed succeed steed greed creed heed weed deed bleed hundred
    kindred sacred naked wicked rugged beloved embed shed shred bred sled expected scheduled planned slated
    proposed intended anticipated projected based related concerned interested involved advanced detailed
    limited united armed alleged so-called supposed used""".split()
)


def clause_start(text: str, position: int, reach: int = _REACH) -> int:
    """Where the sentence holding ``position`` begins (a bounded look back; "Jan." does not end it)."""
    floor = max(0, position - reach)
    start = floor
    for match in _BOUNDARY.finditer(text, floor, position):
        if match.group() == "." and _abbreviation_before(text, match.start()):
            continue
        start = match.end()
    return start


def clause_end(text: str, position: int) -> int:
    """Where the sentence holding ``position`` ends (a bounded look ahead)."""
    limit = min(len(text), position + _REACH)
    for match in _BOUNDARY.finditer(text, position, limit):
        if match.group() == "." and _abbreviation_before(text, match.start()):
            continue
        return match.start()
    return limit


def _abbreviation_before(text: str, dot: int) -> bool:
    """A dot that closes "Jan", "Gen", "a.m", "U.S" or an initial rather than a sentence."""
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    lowered = word.group(1).lower().strip(".")
    return lowered in ABBREVIATIONS or len(lowered) == 1 or bool(re.fullmatch(r"(?:\w\.)+\w", lowered))


def _is_past_word(word: str, previous: str) -> bool:
    lowered = word.lower()
    if word[0].isupper() or lowered in _NOT_PAST:
        return False
    if lowered in IRREGULAR_PAST or (len(lowered) >= 5 and lowered.endswith("ed")):
        return previous not in _BE  # "will be held", "is expected": a passive, not the past
    return False


def _last_marker(window: str, past_counts: bool = True) -> str | None:
    """The tense of the marker nearest the end of ``window``.

    A future marker counts anywhere in the clause ("will travel to Egypt and Israel on Tuesday"); a
    past one only close by ("bought the company in February"), since a past verb far back often
    governs another phrase ("has invited them to a ceremony on March 12").
    """
    future = [m.end() for m in _FUTURE_WORD.finditer(window)]
    near = len(window) - _PAST_REACH if past_counts else len(window) + 1
    past = [m.end() for m in _PAST_AUX.finditer(window, max(0, near))]
    previous = ""
    for match in _WORD.finditer(window):
        if (
            match.end() >= near
            and _is_past_word(match.group(), previous)
            and window[match.end() : match.end() + 1] != "-"
        ):
            past.append(match.end())
        previous = match.group().lower()
    last_future, last_past = max(future, default=-1), max(past, default=-1)
    if last_future < 0 and last_past < 0:
        return None
    return FUTURE if last_future > last_past else PAST


_PAST_REACH = 40  # characters before an expression within which a past verb sets its tense


def clause_tense(text: str, start: int, end: int | None = None) -> str | None:
    """``FUTURE``, ``PAST`` or ``None`` (no marker) for the expression at ``text[start:end]``.

    A deadline word right before it, then the verb right after it ("the second half will be
    stronger", "sales for the full year rose"), then the nearest marker before it decide.
    """
    end = start if end is None else end
    window = text[clause_start(text, start) : start]
    limit = min(len(text), end + 40)
    if _AFTER_AUX.match(text, end, limit) or _LATER_AUX.match(text, end, limit):
        return PAST
    if _DEADLINE.search(window):
        return FUTURE
    if _AFTER_FUTURE.match(text, end, limit):
        return FUTURE
    after = _AFTER_WORDS.match(text, end, limit)
    if after is not None:
        words = after.group().split()
        for previous, word in zip(["", *words], words, strict=False):
            if word in IRREGULAR_PAST and previous not in _BE and previous not in _NOT_SUBJECT:
                return PAST
    attributive = re.search(r"(?:\bthe|\ba|['’]s)\s+$", window, re.IGNORECASE) is not None
    return _last_marker(window, past_counts=not attributive)  # "gave no reason for the Jan. 14 deadline"


_NOT_SUBJECT = frozenset("to of for and or the a an".split())


def points_forward(text: str, start: int, end: int | None = None) -> bool:
    """Whether the clause around ``text[start:end]`` looks to the future."""
    return clause_tense(text, start, end) == FUTURE


def looks_past(text: str, start: int, end: int) -> bool:
    """Whether the clause is in the past: a past marker before the expression, or a past verb
    after it in the same sentence ("In January, … was"; a report verb only before a comma)."""
    if clause_tense(text, start, end) == PAST:
        return True
    after = text[end : clause_end(text, end)]
    return bool(_PAST_AFTER.search(after) or _REPORT_AFTER.match(after))


_PAST_AFTER = re.compile(r"\b(?:was|were|had|did|began|died|killed)\b", re.IGNORECASE)
_REPORT_AFTER = re.compile(r"[^,]{0,60}?\b(?:said|announced|reported)\b", re.IGNORECASE)
