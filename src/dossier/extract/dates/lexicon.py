"""Words and regular-expression pieces of English date expressions."""

from __future__ import annotations

import calendar

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
OPTIONAL_WEEKDAY = rf"(?:{WEEKDAY_ANY},?\s+)?"
COUNT = r"(?P<count>\d{1,3}|(?i:" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"))"

# Words that make a bare weekday, month or day refer forward from the publication date.
FUTURE_CUE = (
    r"\b(?:will|won't|shall|'ll|’ll|would|scheduled|planned|plans?|planning|expected|set\s+to|due|"
    r"is\s+to|are\s+to|upcoming|intends?\s+to|aims?\s+to|(?<!up\s)until|by|as\s+(?:soon|early)\s+as|deadline)\b"
)
