"""Finding date expressions: an ordered table of named rules, each a regular expression.

Every rule proposes candidate spans; where candidates overlap the longest
wins (the earlier rule on a tie). Fuzzy modifiers ("early", "mid-", "the end
of") are then attached to the expression they precede. This module only finds
and classifies expressions; :mod:`resolve` gives them values.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.extract.dates.lexicon import (
    COUNT,
    DAY,
    MODIFIERS,
    MONTH_ANY,
    MONTH_FULL,
    OPTIONAL_WEEKDAY,
    PART_OF_DAY,
    WEEKDAY_FULL,
    YEAR,
)
from dossier.extract.tokens import Tokens, fold, tokenize

NEWS, TIMEML = "news", "timeml"


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


Guard = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    guard: Guard | None = None
    profiles: tuple[str, ...] = (NEWS, TIMEML)


def _preceding_words(text: str, start: int, n: int = 2) -> list[str]:
    return re.findall(r"[\w’']+", text[max(0, start - 40) : start].lower())[-n:]


def _following_word(text: str, end: int) -> str:
    match = re.match(r"\s+([\w’']+)", text[end : end + 40])
    return match.group(1) if match else ""


_MONTH_CONTEXT = frozenset(
    """in since until till by from through throughout during of early mid late last this next between and
    to before after end beginning start middle until around""".split()
)
_NAME_LIKE_MONTHS = frozenset({"april", "may", "june", "august"})
_QUANTITY_WORDS = frozenset(
    """about around some nearly over almost approximately roughly than least only up another
    additional""".split()
)
_UNIT_WORDS = frozenset(
    """people persons soldiers troops fighters troop militants civilians attacks km kilometers kilometres
    miles meters metres feet dollars euros pounds barrels tons tonnes acres votes seats members rockets
    drones missiles cases deaths times units households families students workers""".split()
)
_NUMBER_LABELS = frozenset(
    """no number resolution article law page pp line route flight room model highway""".split()
)


def _year_ok(text: str, match: re.Match[str]) -> bool:
    year = int(match.group("year"))
    before = _preceding_words(text, match.start(), 2)
    after = _following_word(text, match.end()).lower()
    if after in _UNIT_WORDS or (before and before[-1] in _NUMBER_LABELS):
        return False
    if before and before[-1] in _QUANTITY_WORDS and after.endswith("s") and after not in ("elections",):
        return False
    if year < 1900:
        return bool(before) and before[-1] in {
            "in",
            "since",
            "from",
            "until",
            "by",
            "of",
            "before",
            "after",
            "during",
            "circa",
            "year",
        }
    return True


def _bare_month_ok(text: str, match: re.Match[str]) -> bool:
    month = match.group("month").lower()
    before = _preceding_words(text, match.start(), 1)
    in_context = (bool(before) and before[-1] in _MONTH_CONTEXT) or text[
        max(0, match.start() - 1) : match.start()
    ] == "-"
    if match.group("rel"):
        return True
    if month == "may":
        return in_context
    if month in _NAME_LIKE_MONTHS and not in_context:
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[match.end() : match.end() + 30])
        return nxt is None  # "April Ryan" is a person
    return True


def _season_ok(text: str, match: re.Match[str]) -> bool:
    if match.group("rel") or match.group("year"):
        return True
    before = _preceding_words(text, match.start(), 1)
    return bool(before) and before[-1] in {
        "the",
        "this",
        "last",
        "next",
        "in",
        "early",
        "late",
        "mid",
        "since",
        "by",
    }


def _anaphor_ok(text: str, match: re.Match[str]) -> bool:
    word = match.group("ana").lower()
    if word in ("next", "following", "previous", "preceding", "prior"):
        return bool(match.group("the"))
    return True


_HEADCOUNT_WORDS = frozenset(
    """people persons soldiers troops fighters militants civilians members percent km miles""".split()
)


def _md_ok(text: str, match: re.Match[str]) -> bool:
    """ "March 15 people" is not a date; "the October 7 attacks" is."""
    return _following_word(text, match.end()).lower() not in _HEADCOUNT_WORDS


_THE = r"(?P<the>(?i:the)\s+)?"
_REL = r"(?P<rel>(?i:last|this|next|coming|past|previous))"

RULES: tuple[Rule, ...] = tuple(
    Rule(name, re.compile(pattern), guard, profiles)
    for name, pattern, guard, profiles in (
        (
            "iso",
            r"(?<![\d/-])(?P<year>\d{4})-(?P<month_num>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])",
            None,
            (NEWS, TIMEML),
        ),
        ("mdy", rf"{OPTIONAL_WEEKDAY}{MONTH_ANY}\s+{DAY}(?:,\s*|\s+)(?:of\s+)?{YEAR}", None, (NEWS, TIMEML)),
        ("dmy", rf"{OPTIONAL_WEEKDAY}{_THE}{DAY}(?:\s+of)?\s+{MONTH_ANY},?\s+{YEAR}", None, (NEWS, TIMEML)),
        ("week_of", rf"{_THE}(?i:week)\s+of\s+{MONTH_ANY}\s+{DAY}(?:,?\s+{YEAR})?", None, (NEWS, TIMEML)),
        ("md", rf"{OPTIONAL_WEEKDAY}{MONTH_ANY}\s+{DAY}", _md_ok, (NEWS, TIMEML)),
        ("dm", rf"{OPTIONAL_WEEKDAY}{_THE}{DAY}(?:\s+of)?\s+{MONTH_ANY}", None, (NEWS, TIMEML)),
        ("my", rf"{MONTH_ANY}(?:,\s*|\s+)(?:of\s+)?{YEAR}", None, (NEWS, TIMEML)),
        (
            "month_anaphor",
            rf"{MONTH_FULL}\s+(?:of\s+)?(?P<ana>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+next|last|this|next))\s+(?i:year)",
            None,
            (NEWS, TIMEML),
        ),
        ("month", rf"(?:{_REL}\s+)?{MONTH_FULL}", _bare_month_ok, (NEWS, TIMEML)),
        ("year", rf"(?<![\w$€£¥#.,/]){YEAR}(?![\w%‰]|[.,]\d)", _year_ok, (NEWS, TIMEML)),
        (
            "decade",
            r"(?<![\w'’])(?:(?P<century>1\d|20)(?P<decade>\d)0|['’](?P<short>\d)0)['’]?s\b",
            None,
            (NEWS, TIMEML),
        ),
        (
            "season",
            rf"(?:{_REL}\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?{YEAR})?(?![\w-])",
            _season_ok,
            (NEWS, TIMEML),
        ),
        (
            "quarter",
            rf"{_THE}(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))\s+(?i:quarter)(?:\s+of\s+(?:{YEAR}|(?P<rel>(?i:this|last|next))\s+(?i:year)|(?P<the_year>(?i:the\s+year))))?(?![\w-])",
            None,
            (NEWS, TIMEML),
        ),
        ("q", rf"(?<![\w-])Q(?P<q>[1-4])(?:\s+|\s*-\s*)?(?:{YEAR})?(?![\w-])", None, (NEWS, TIMEML)),
        (
            "half",
            rf"{_THE}(?P<ord>(?i:first|second|1st|2nd))\s+(?i:half)\s+of\s+(?:{YEAR}|(?P<rel>(?i:this|last|next))\s+(?i:year)|(?P<the_year>(?i:the\s+year)))",
            None,
            (NEWS, TIMEML),
        ),
        ("weekday", rf"(?:{_REL}\s+)?{WEEKDAY_FULL}(?:['’]s)?", None, (NEWS, TIMEML)),
        (
            "relday",
            r"(?<![\w-])(?P<relday>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight))(?:['’]s)?(?![\w-])",
            None,
            (NEWS, TIMEML),
        ),
        (
            "relunit",
            r"(?<![\w-])(?:(?P<pre>(?i:earlier|later))\s+)?(?P<rel>(?i:last|this|next|coming))\s+(?P<unit>(?i:week|month|year|weekend))(?![\w-])",
            None,
            (NEWS, TIMEML),
        ),
        (
            "anaphor",
            rf"(?<![\w-])(?:(?P<pre>(?i:earlier|later))\s+)?{_THE}(?P<ana>(?i:that\s+same|that|same|following|previous|preceding|next|prior))\s+(?P<unit>(?i:day|week|month|year))(?![\w-])",
            _anaphor_ok,
            (NEWS, TIMEML),
        ),
        (
            "ago",
            rf"(?<![\w-]){COUNT}\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago)(?![\w-])",
            None,
            (NEWS, TIMEML),
        ),
        (
            "holiday",
            rf"(?:{_REL}\s+)?(?P<holiday>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Halloween|Easter(?:\s+Sunday)?|Election\s+Day)(?:\s+{YEAR})?(?![\w-])",
            None,
            (NEWS, TIMEML),
        ),
        ("present", r"(?<![\w-])(?P<ref>now|currently|current)(?![\w-])", None, (TIMEML,)),
        ("future", r"(?<![\w-])(?P<ref>(?i:the\s+future|future))(?![\w-])", None, (TIMEML,)),
        (
            "past",
            r"(?<![\w-])(?P<ref>(?i:the\s+past))(?![\w-])(?!\s+(?:few|several|two|three|four|five|year|years|week|weeks|month|months|decade|decades|day|days))",
            None,
            (TIMEML,),
        ),
    )
)

_MODIFIER_BEFORE = re.compile(
    r"(?i:(?P<the>the\s+)?(?:very\s+)?(?P<phrase>end|close|beginning|start|middle|turn|dawn)\s+of\s+|"
    r"(?P<fuzzy>early|mid|late)(?:\s*-\s*|\s+))$"
)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?P<pod>morning|afternoon|evening|night)\b", re.IGNORECASE)
_MODIFIABLE = frozenset(
    {
        "my",
        "month",
        "year",
        "season",
        "decade",
        "relunit",
        "anaphor",
        "month_anaphor",
        "weekday",
        "relday",
        "md",
        "mdy",
        "dm",
        "dmy",
    }
)
_KEEPS_THE_IN_TIMEML = frozenset({"quarter", "half", "anaphor", "week_of", "dmy", "dm"})


# Words that every match of a rule contains: a rule runs only near one of its trigger words,
# so tagging costs one pass over the words instead of one regular-expression pass per rule.
_MONTH_WORDS = [m.lower() for m in calendar.month_name[1:]] + [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]  # fmt: skip
_WEEKDAY_WORDS = [d.lower() for d in calendar.day_name]
_WEEKDAY_ABBREVIATIONS = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
_YEARS = [str(y) for y in range(1000, 2100)]
_DAYS = (
    [str(d) for d in range(1, 32)]
    + [f"0{d}" for d in range(1, 10)]
    + [f"{d}{s}" for d in range(1, 32) for s in ("st", "nd", "rd", "th")]
)
_RULE_TRIGGERS: dict[str, list[str]] = {
    "iso": _YEARS,
    "mdy": _MONTH_WORDS,
    "dmy": _MONTH_WORDS,
    "week_of": ["week"],
    "md": _MONTH_WORDS,
    "dm": _MONTH_WORDS,
    "my": _MONTH_WORDS,
    "month_anaphor": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "year": _YEARS,
    "decade": [f"{c}{d}0s" for c in range(10, 21) for d in range(10)] + [f"{d}0s" for d in range(10)],
    "season": ["spring", "summer", "fall", "autumn", "winter"],
    "quarter": ["quarter"],
    "q": ["q1", "q2", "q3", "q4"],
    "half": ["half"],
    "weekday": _WEEKDAY_WORDS,
    "relday": ["yesterday", "today", "tomorrow", "tonight"],
    "relunit": ["week", "month", "year", "weekend"],
    "anaphor": ["day", "week", "month", "year"],
    "ago": ["ago"],
    "holiday": ["christmas", "year", "thanksgiving", "halloween", "easter", "day"],
    "present": ["now", "currently", "current"],
    "future": ["future"],
    "past": ["past"],
}
_REACH = 48  # characters a match may extend before or after its trigger word


def _trigger_index(profile: str) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for position, rule in enumerate(RULES):
        if profile in rule.profiles:
            for word in _RULE_TRIGGERS[rule.name]:
                index.setdefault(fold(word), []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}


_TRIGGERS = {profile: _trigger_index(profile) for profile in (NEWS, TIMEML)}


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


def choose(text: str, proposals: list[Candidate], profile: str) -> list[Candidate]:
    """The proposals that win (longest first, no overlaps), widened over modifiers, in reading order."""
    chosen = _longest_first(proposals)
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
    if profile == NEWS:
        if the and text[candidate.start : candidate.start + len(the)] == the:
            candidate.start += len(the)
        if text[candidate.end - 2 : candidate.end] in ("'s", "’s"):  # possessive outside: "[Thursday]'s"
            candidate.end -= 2
        return
    if "the_start" in candidate.extras:
        candidate.start = int(candidate.extras["the_start"])
    elif (
        not the
        and candidate.rule in _KEEPS_THE_IN_TIMEML
        and text[max(0, candidate.start - 4) : candidate.start].lower() == "the "
    ):
        candidate.start -= 4
    if candidate.rule in ("weekday", "relday"):
        pod = _PART_OF_DAY_AFTER.match(text, candidate.end)
        if pod is not None:
            candidate.part_of_day = PART_OF_DAY[pod.group("pod").lower()]
            candidate.end = pod.end()
