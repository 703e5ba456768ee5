"""Finding date expressions: the rules of :mod:`.table` run near their trigger words.

Every rule proposes candidate spans; where candidates overlap the longest
wins (the earlier rule on a tie). Fuzzy modifiers ("early", "mid-", "the end
of") are then attached to the expression they precede. This module only finds
and classifies expressions; :mod:`resolve` gives them values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from dossier.extract.dates.lexicon import MODIFIERS, PART_OF_DAY
from dossier.extract.dates.table import NEWS, RULE_TRIGGERS, RULES, TIMEML, Rule, trigger_index
from dossier.extract.tokens import Tokens, tokenize

__all__ = ["NEWS", "RULES", "RULE_TRIGGERS", "TIMEML", "Candidate", "Rule", "choose", "find_candidates"]


@dataclass(slots=True)
class Candidate:
    """A date expression found in the text, not yet resolved."""

    start: int
    end: int
    rule: str
    fields: dict[str, str]
    mod: str | None = None
    part_of_day: str | None = None
    order: int = 0
    extras: dict[str, str] = field(default_factory=dict)


_MODIFIER_BEFORE = re.compile(
    r"(?i:(?P<the>the\s+)?(?:very\s+)?(?P<phrase>end|close|beginning|start|middle|turn|dawn)\s+of\s+|"
    r"(?P<fuzzy>early|mid|late)(?:\s*-\s*|\s+))$"
)
_HYPHENATED_PART = re.compile(r"\w-(?:quarter|half|year|century)\b", re.IGNORECASE)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?P<pod>morning|afternoon|evening|night)\b", re.IGNORECASE)
_MODIFIABLE = frozenset(
    """my month year season decade decade_word century spelled_year short_year fiscal relunit anaphor
    month_anaphor weekday relday md mdy dm dmy the_unit part_of_year period_ref fiscal_year q
    current_unit""".split()
)
_KEEPS_THE_IN_TIMEML = frozenset(
    """part_of_year period_ended anaphor anaphor_after week_of dmy dm decade decade_word century season
    weekend full_year fiscal_year the_unit current_unit""".split()
)


_REACH = 48  # characters a match may extend before or after its trigger word


_TRIGGERS = {profile: trigger_index(profile) for profile in (NEWS, TIMEML)}


def _windows(tokens: Tokens, profile: str) -> dict[int, list[tuple[int, int]]]:
    """For each rule, the merged stretches of text around its trigger words."""
    triggers = _TRIGGERS[profile]
    spans: dict[int, list[tuple[int, int]]] = {}
    size = len(tokens.text)
    for key, start, end in zip(tokens.keys, tokens.starts, tokens.ends, strict=True):
        rules = triggers.get(key)
        if rules is None:
            continue
        window = (max(0, start - _REACH), min(size, end + _REACH))
        for rule in rules:
            merged = spans.setdefault(rule, [])
            if merged and window[0] <= merged[-1][1]:
                merged[-1] = (merged[-1][0], window[1])
            else:
                merged.append(window)
    return spans


def find_candidates(text: str, profile: str = NEWS, tokens: Tokens | None = None) -> list[Candidate]:
    """Every date expression in ``text``, non-overlapping, in reading order.

    ``tokens`` (the text's words, when the caller has them) saves tokenizing again.
    """
    if tokens is None or tokens.text is not text:
        tokens = tokenize(text)
    proposals: list[Candidate] = []
    for order, stretches in sorted(_windows(tokens, profile).items()):
        rule = RULES[order]
        seen: set[tuple[int, int]] = set()
        for start, end in stretches:
            for match in rule.pattern.finditer(text, start, end):
                if match.span() in seen or (rule.guard is not None and not rule.guard(text, match)):
                    continue
                seen.add(match.span())
                fields = {k: v for k, v in match.groupdict().items() if v is not None}
                proposals.append(Candidate(match.start(), match.end(), rule.name, fields, order=order))
    return choose(text, proposals, profile)


_OPEN_ENDED = re.compile(r"(?i:\b(?:more\s+than|over|at\s+least|upwards\s+of)\s+)$")


def choose(text: str, proposals: list[Candidate], profile: str) -> list[Candidate]:
    """The proposals that win (longest first, no overlaps), widened over modifiers, in reading order.

    News leaves out open-ended offsets ("more than a year ago"); TimeML keeps them.
    """
    chosen = _longest_first(proposals)
    if profile == NEWS:
        chosen = [
            c
            for c in chosen
            if c.rule != "ago" or _OPEN_ENDED.search(text, max(0, c.start - 16), c.start) is None
        ]
    for index, candidate in enumerate(chosen):
        _attach_modifier(text, candidate, chosen[index - 1] if index else None)
        _apply_profile(text, candidate, profile)
    return chosen


def _longest_first(proposals: list[Candidate]) -> list[Candidate]:
    """The longest proposals that do not overlap one taken before, in reading order.

    The taken spans are kept sorted and never overlap, so only the neighbours of a
    proposal's place need checking: linear in practice even for a book-length text.
    """
    proposals.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[Candidate] = []
    starts: list[int] = []
    for candidate in proposals:
        i = bisect_right(starts, candidate.start)
        if i > 0 and taken[i - 1].end > candidate.start:
            continue
        if i < len(taken) and taken[i].start < candidate.end:
            continue
        taken.insert(i, candidate)
        starts.insert(i, candidate.start)
    return taken


def _attach_modifier(text: str, candidate: Candidate, before: Candidate | None) -> None:
    """Widen a date over a modifier before it ("early", "the end of"), unless the date before reaches it."""
    if candidate.rule not in _MODIFIABLE:
        return
    match = _MODIFIER_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
    if match is None:
        return
    start = match.start() if match.group("the") is None else match.start("phrase")
    if before is not None and before.end > start:
        return
    word = (match.group("phrase") or match.group("fuzzy")).lower()
    candidate.mod = MODIFIERS[word]
    candidate.start = start
    if match.group("the"):
        candidate.extras["the_start"] = str(match.start())


def _apply_profile(text: str, candidate: Candidate, profile: str) -> None:
    """Span conventions: news keeps "the" and "night" outside; TimeML keeps them in."""
    the = candidate.fields.get("the")
    if the is None and candidate.fields.get("det", "").lower() == "the":
        the = text[candidate.start : candidate.start + 4]  # "the quarter": the article is part of the rule
    if text[candidate.end - 2 : candidate.end] in ("'s", "’s"):  # possessive outside: "[Thursday]'s"
        candidate.end -= 2
    if profile == NEWS:
        if the and text[candidate.start : candidate.start + len(the)] == the:
            candidate.start += len(the)
        return
    compound = text[candidate.end : candidate.end + 1] == "-" or _HYPHENATED_PART.search(
        text, candidate.start, candidate.end
    )  # "the 1960s-era building", "the third-quarter loss": "the" belongs to the noun
    if compound and the and text[candidate.start : candidate.start + len(the)] == the:
        candidate.start += len(the)
    elif "the_start" in candidate.extras:
        candidate.start = int(candidate.extras["the_start"])
    elif (
        not the
        and not compound
        and candidate.rule in _KEEPS_THE_IN_TIMEML
        and text[max(0, candidate.start - 4) : candidate.start].lower() == "the "
    ):
        candidate.start -= 4
    if candidate.rule in ("weekday", "relday"):
        pod = _PART_OF_DAY_AFTER.match(text, candidate.end)
        if pod is not None:
            candidate.part_of_day = PART_OF_DAY[pod.group("pod").lower()]
            candidate.end = pod.end()
