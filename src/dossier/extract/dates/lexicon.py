"""Words and regular-expression pieces of English date expressions."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name[1:], start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _number
    WEEKDAYS[_name[:3].lower()] = _number
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# "the sixties" is the 1960s, "the twenties" the 1920s: the decade's digit.
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}  # fmt: skip
# "the 20th century" / "the twentieth century" → 20.
CENTURY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21, "twenty-second": 22, "twenty second": 22,
}  # fmt: skip
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
MODIFIERS = {
    "early": "EARLY", "mid": "MID", "late": "LATE", "end": "END", "close": "END",
    "beginning": "START", "start": "START", "dawn": "START", "turn": "START", "middle": "MID",
}  # fmt: skip


def _cased(*words: str) -> str:
    """An alternation accepting each word capitalized or in capitals."""
    forms: list[str] = []
    for word in words:
        forms.extend((word, word.upper()))
    return "|".join(sorted(set(forms), key=len, reverse=True))


_FULL_MONTHS = [m for m in calendar.month_name[1:]]
_ABBREVIATED_MONTHS = [m[:3] for m in _FULL_MONTHS if len(m) > 3] + ["Sept"]

# A month in full or abbreviated (optional dot); abbreviations only where a day or year follows.
MONTH_FULL = rf"(?P<month>{_cased(*_FULL_MONTHS)})(?![\w])"
MONTH_ANY = (
    rf"(?P<month>(?:{_cased(*_FULL_MONTHS)})(?![\w])|(?:{_cased(*_ABBREVIATED_MONTHS)})(?:\.|(?![\w])))"
)
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d])"
WEEKDAY_FULL = rf"(?P<weekday>{_cased(*calendar.day_name)})(?![\w])"
WEEKDAY_ANY = (
    rf"(?P<weekday>(?:{_cased(*calendar.day_name)})(?![\w])|"
    rf"(?:{_cased('Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun')})\.)"
)
OPTIONAL_WEEKDAY = rf"(?:{WEEKDAY_ANY}(?:,\s*|\s+))?"  # "Saturday,18th November" too


def month_number(name: str) -> int:
    """1 for "January", "Jan", "Jan." or "JAN"."""
    key = name.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTHS[key[:3]]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` for one that does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def alternation(words: Iterable[object]) -> str:
    """A case-insensitive alternation of words, the longest first."""
    return "(?i:" + "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True)) + ")"


def year_group(name: str) -> str:
    """A four-digit year in a group of the given name (a pattern may need several)."""
    return rf"(?P<{name}>1\d{{3}}|20\d{{2}})(?![\d])"


# "two", "twenty-five", "25": the count of an offset ("twenty-five years ago").
COUNT = (
    rf"(?P<count>\d{{1,3}}|{alternation(TENS)}-{alternation(UNITS)}|"
    rf"{alternation(k for k in NUMBERS)})"
)

# Words that make a bare weekday, month or quarter refer forward from the publication date, wherever
# they stand in the clause before it (deadline words such as "by" count only right before it).
FUTURE_CUE = (
    r"\b(?:will|won't|won’t|shall|'ll|’ll|would|scheduled|planned|plans?|planning|expected|expects?|"
    r"expecting|set\s+to|due(?!\s+to\s+(?:the|a|an|its|his|her|their|this|that|rain|weather)\b)|is\s+to|"
    r"are\s+to|upcoming|intends?\s+to|aims?\s+to|hopes?\s+to|going\s+to|anticipates?|forecasts?|"
    r"predicts?|deadline)\b"
)

# Words of business reporting: a sentence with one of them is about a reporting period, so that
# "a year ago" there is the same quarter a year before rather than the year before publication.
FINANCE_CUE = (
    r"\b(?:profits?|earnings|revenues?|sales|(?:net\s+)?income|loss(?:es)?|net|per\s+share|a\s+share|"
    r"dividends?|results|shipments|orders|margins?|operating|cents|deficit|surplus|output|"
    r"(?:gross\s+domestic|national)\s+product|GDP|GNP|inflation|unemployment|growth|exports?|imports?|"
    r"deliveries|volume|traffic|turnover|quarterly|fiscal|year-earlier|year-ago|analysts?|forecasts?|"
    r"estimates?|billion|million|rose|fell|declined|increased|jumped|climbed|slipped|dropped|gained)\b"
)
# Nouns after "today's" that make it today's world in general, not this day.
GENERIC_AFTER_TODAY = frozenset(
    """consumer consumers youth young world society children kids teenagers teens students parents women men
    workers families americans voters economy market markets marketplace standards technology technologies
    generation generations culture media politics military army environment climate business businesses
    industry companies company investors america europe society's standards""".split()
)
# Sport, where "the first half" and "the third quarter" are parts of a game.
SPORT_CUE = (
    r"\b(?:goals?|scored|scoring|innings?|touchdowns?|halftime|half-time|quarterback|penalty|kick-?off|"
    r"rebounds|the\s+game|the\s+match|tournament|championship|league|playoffs?|coach|referee|striker)\b"
)
