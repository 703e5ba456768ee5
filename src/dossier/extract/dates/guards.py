"""Guards: the context checks that keep a rule from firing on words that only look like dates.

Each guard takes the text and a rule's match and says whether the match is a
date expression: "May" the modal verb, "April Ryan", "1999 troops", "the fall
of Saigon", "the Christian Quarter", "future payments", "today's consumers",
ABC's "This Week", "the first half" of a football match.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dossier.extract.dates.lexicon import FINANCE_CUE, GENERIC_AFTER_TODAY, SPORT_CUE
from dossier.extract.dates.tense import clause_end, clause_start

Guard = Callable[[str, re.Match[str]], bool]


def preceding_words(text: str, start: int, n: int = 2) -> list[str]:
    return re.findall(r"[\w’']+", text[max(0, start - 40) : start].lower())[-n:]


def following_word(text: str, end: int) -> str:
    match = re.match(r"\s+([\w’']+)", text[end : end + 40])
    return match.group(1) if match else ""


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around an expression (bounded, so the cost does not grow with the text)."""
    return text[clause_start(text, start) : clause_end(text, end)]


_FINANCE = re.compile(FINANCE_CUE, re.IGNORECASE)
_SPORT = re.compile(SPORT_CUE, re.IGNORECASE)


def about_finance(text: str, start: int, end: int) -> bool:
    return _FINANCE.search(sentence_of(text, start, end)) is not None


def _about_sport(text: str, start: int, end: int) -> bool:
    return _SPORT.search(sentence_of(text, start, end)) is not None


_MONTH_CONTEXT = frozenset(
    """in since until till by from through throughout during of early mid late last this next between and
    to before after end beginning start middle until around""".split()
)
_NAME_LIKE_MONTHS = frozenset({"april", "may", "june", "august"})
_QUANTITY_WORDS = frozenset(
    """about around some nearly over almost approximately roughly than least only up another
    additional""".split()
)
UNIT_WORDS = frozenset(
    """people persons soldiers troops fighters troop militants civilians attacks km kilometers kilometres
    miles meters metres feet dollars euros pounds barrels tons tonnes acres votes seats members rockets
    drones missiles cases deaths times units households families students workers percent vision""".split()
)
_NUMBER_LABELS = frozenset(
    """no number resolution article law page pp line route flight room model highway""".split()
)
_YEAR_CONTEXT = frozenset(
    """in since from until by of before after during circa year fiscal class between and to""".split()
)


def year_ok(text: str, match: re.Match[str]) -> bool:
    year = int(match.group("year"))
    before = preceding_words(text, match.start(), 2)
    after = following_word(text, match.end()).lower()
    if after in UNIT_WORDS or (before and before[-1] in _NUMBER_LABELS):
        return False
    if before and before[-1] in _QUANTITY_WORDS and after.endswith("s") and after not in ("elections",):
        return False
    if year < 1900:
        return bool(before) and before[-1] in _YEAR_CONTEXT - {"and", "to", "between", "class"}
    return True


def bare_month_ok(text: str, match: re.Match[str]) -> bool:
    month = match.group("month").lower()
    before = preceding_words(text, match.start(), 1)
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
    if month == "march" and re.match(r"\s+(?:of|for|on|to)\s", text[match.end() : match.end() + 5]):
        return in_context  # "the March for Life", "the March of the Combatant Mothers"
    return True


def season_ok(text: str, match: re.Match[str]) -> bool:
    if match.group("rel") or match.group("year") or match.group("yy"):
        return True
    if re.match(r"\s+of\s", text[match.end() : match.end() + 4]):
        return False  # "the fall of Saigon", "the spring of discontent"
    before = preceding_words(text, match.start(), 1)
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


def anaphor_ok(text: str, match: re.Match[str]) -> bool:
    word = match.group("ana").lower()
    if word in ("next", "following", "previous", "preceding", "prior"):
        return bool(match.group("the"))
    return True


_HEADCOUNT_WORDS = frozenset(
    """people persons soldiers troops fighters militants civilians members percent km miles""".split()
)


def md_ok(text: str, match: re.Match[str]) -> bool:
    """ "March 15 people" is not a date; "the October 7 attacks" is."""
    return following_word(text, match.end()).lower() not in _HEADCOUNT_WORDS


def part_of_year_ok(text: str, match: re.Match[str]) -> bool:
    """ "The third quarter" of a year, not of a game; no "third half"; "the last quarter" alone is
    the latest one (another rule)."""
    word, unit = match.group("ord").lower(), match.group("unit").lower()
    if unit == "half" and word not in ("first", "second", "1st", "2nd"):
        return False
    dated = any(match.group(g) for g in ("year", "fyear", "rel", "the_year", "pyear", "prel"))
    if word == "last" and not dated:
        return False
    if not dated and re.match(r"\s+of\s", text[match.end() : match.end() + 4]):
        return False  # "the first half of the century", "the second half of the match"
    return dated or not _about_sport(text, match.start(), match.end())


def period_ref_ok(text: str, match: re.Match[str]) -> bool:
    """ "the quarter" means a reporting period only in business text, never "the Christian Quarter"
    or the last quarter of a game; "the same period" only in a sentence about results."""
    unit, qmod = match.group("unit"), match.group("qmod")
    if unit != "quarter" and not qmod:
        return False  # "the period", "the half": too vague alone
    if re.match(r"['’]?s?\s+of\s+(?!\d)", text[match.end() : match.end() + 6]) and not match.group("cmp"):
        return False  # "the quarter of the city", "the latest period of unrest"
    if _about_sport(text, match.start(), match.end()):
        return False
    if unit == "period" or not (qmod or match.group("det").lower() in ("this", "last", "next")):
        return about_finance(text, match.start(), match.end())
    return True


def offset_ok(text: str, match: re.Match[str]) -> bool:
    """ "A year earlier" is a date; "two days after the attack" is a duration and a signal."""
    direction = match.group("dir").lower()
    after = text[match.end() : match.end() + 12]
    if direction == "earlier" or direction == "later":
        return not re.match(r"\s+than\b", after)
    return re.match(r"\s*(?:[,.;:)]|$|\s+(?:that|when|and|but)\b)", after) is not None


def decade_word_ok(text: str, match: re.Match[str]) -> bool:
    """ "the sixties" is a decade; "in his sixties" is an age."""
    if match.group("nineteen") or match.group("apos"):
        return True
    before = preceding_words(text, match.start(), 2)
    if before and before[-1] in ("early", "mid", "late"):
        before = before[:-1]
    return bool(before) and before[-1] == "the"


_UNIT_MODIFIER = re.compile(
    r"(?i:(?:end|beginning|start|middle|close)\s+of|(?:earlier|later|early|late)\s+in)\s+$"
)


def the_unit_ok(text: str, match: re.Match[str]) -> bool:
    """ "the year" is a date only after "the end of", "earlier in" and the like."""
    return (
        bool(match.group("the"))
        and _UNIT_MODIFIER.search(text, max(0, match.start() - 20), match.start()) is not None
    )


def spelled_year_ok(text: str, match: re.Match[str]) -> bool:
    """ "nineteen ninety-one" is a year; "two thousand people" is not, nor "twenty twenty vision"."""
    if following_word(text, match.end()).lower() in UNIT_WORDS:
        return False
    if match.group("thousand"):
        before = preceding_words(text, match.start(), 1)
        return bool(before) and before[-1] in _YEAR_CONTEXT
    return True


def short_year_ok(text: str, match: re.Match[str]) -> bool:
    """ "in '22" is a year; a closing quotation mark before a number is not."""
    before = preceding_words(text, match.start(), 1)
    return bool(before) and before[-1] in _YEAR_CONTEXT | {"spring", "summer", "fall", "autumn", "winter"}


def weekday_ok(text: str, match: re.Match[str]) -> bool:
    """ "Oct. 19, a Monday." names no other day; "every Monday" is a set ("a Sunday night service" is
    a date)."""
    before = preceding_words(text, match.start(), 1)
    if match.group("rel") is not None or not before:
        return True
    if before[-1] in ("every", "each"):
        return False
    return (
        before[-1] not in ("a", "an")
        or re.match(r"\s*[\w’']", text[match.end() : match.end() + 2]) is not None
    )


def weekend_ok(text: str, match: re.Match[str]) -> bool:
    return bool(match.group("the"))


_PROGRAM_WORDS = frozenset(
    "program programme show broadcast interview magazine column newscast series".split()
)


def _is_title(text: str, match: re.Match[str]) -> bool:
    """A program or column name: "This Week" alone in quotation marks, or capitalized after a
    possessive, before "program" or inside running text ("ABC's This Week", "the Today show",
    "appeared on This Week")."""
    quoted = text[max(0, match.start() - 1) : match.start()] in ('"', "“", "'", "‘") and text[
        match.end() : match.end() + 1
    ] in ('"', "”", "'", "’")
    if quoted:
        return True
    if not all(w[:1].isupper() for w in match.group().split()):
        return False
    start = clause_start(text, match.start())
    if not text[start : match.start()].strip(" \t\"'“‘("):
        return False  # the first word of a sentence
    possessive = re.search(r"\w['’]s\s+$", text[max(0, match.start() - 4) : match.start()]) is not None
    if possessive or following_word(text, match.end()).lower() in _PROGRAM_WORDS:
        return True
    return " " in match.group() and _after_lowercase_word(text, match.start())


def _after_lowercase_word(text: str, start: int) -> bool:
    """ "appeared on This Week": a capitalized phrase inside running (not title-cased) text."""
    before = re.search(r"([\w’']+)\s$", text[max(0, start - 30) : start])
    return before is not None and before.group(1)[:1].islower()


def relunit_ok(text: str, match: re.Match[str]) -> bool:
    return not _is_title(text, match)


def relday_ok(text: str, match: re.Match[str]) -> bool:
    """Not a program ("NBC's Today") and not today in general ("today's consumers")."""
    if _is_title(text, match):
        return False
    if match.group().lower().replace("’", "'").endswith("today's"):
        return following_word(text, match.end()).lower() not in GENERIC_AFTER_TODAY
    return True


def future_ok(text: str, match: re.Match[str]) -> bool:
    """The noun ("the future", "in future", "Elian's future"), not the adjective ("future payments")."""
    if match.group("ref").lower().startswith("the"):
        return True
    before = text[max(0, match.start() - 3) : match.start()]
    if before.endswith(("'s ", "’s ")) or re.search(
        r"\b[Ii]n\s$", text[max(0, match.start() - 4) : match.start()]
    ):
        return True
    return (
        re.match(
            r"\s*(?:[,.;:!?)\"”]|$|\s+(?:of|for|in|is|was|will|and|that)\b)",
            text[match.end() : match.end() + 8],
        )
        is not None
    )
