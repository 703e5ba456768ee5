"""Arabic date expressions: the rules, a peer of the English table, feeding the same resolver.

The rules run on the text folded by :class:`~dossier.extract.arabic.FoldedText`
(hamza, ta marbuta and alef maqsura folded, diacritics out, Eastern Arabic
and Persian digits as 0–9), and each match is told back as a span of the
text as written. A match becomes a :class:`~dossier.extract.dates.rules.Candidate`
of the English rule it is the peer of ("4 كانون الثاني 2024" is ``dmy``,
"الشهر الماضي" is ``relunit`` with unit month and rel last), its fields in the
resolver's words, so that Arabic and English dates are resolved by one set of
news conventions: a bare weekday is the latest on or before publication, a
bare month the latest not after it, "الماضي" the one before.

Prepositions (في، منذ، حتى، بحلول، خلال) stay outside the span; "يوم",
"شهر" and "عام" before the date, a modifier ("مطلع", "أواخر") and a relation
after it ("الماضي") are inside. Durations are no dates: "عامين", "12 شهرًا"
and "الأشهر الستة المقبلة" match no rule, since the rules want a month's or a
weekday's name, a year of four digits, or a unit in the singular with its
article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dossier.extract.arabic import FoldedText, fold_arabic
from dossier.extract.dates.arabic_lexicon import (
    AGO_UNITS,
    COUNT_WORDS,
    DAY_ORDINALS,
    ENGLISH_MONTHS,
    ENGLISH_WEEKDAYS,
    MODIFIERS,
    MONTH_CUES,
    MONTHS,
    NOT_TODAY_AFTER,
    RELATIONS,
    RELATIVE_DAYS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from dossier.extract.dates.arabic_tense import looks_ahead
from dossier.extract.dates.rules import NEWS, Candidate, choose

Fields = dict[str, str]


def _folded_table(table: dict[int, tuple[str, ...]] | dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded word → its key (as text), from a table of key → words."""
    return {fold_arabic(word): str(key) for key, words in table.items() for word in words}


_MONTH_OF = _folded_table(MONTHS)
_WEEKDAY_OF = _folded_table(WEEKDAYS)
_RELATION_OF = _folded_table(RELATIONS)
_UNIT_OF = _folded_table(UNITS)
_RELDAY_OF = _folded_table(RELATIVE_DAYS)
_SEASON_OF = _folded_table(SEASONS)
_MODIFIER_OF = _folded_table(MODIFIERS)
_ORDINAL_OF = {fold_arabic(word): day for word, day in DAY_ORDINALS.items()}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, with any run of spaces between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# No letter before, but a proclitic may be written onto the date ("وجانفي 2024", "والعام الماضي"),
# and a bracket may follow a letter ("و(سبتمبر) أيلول"): the proclitic stays outside the span.
_W = r"(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[وفبل])|(?=\())"
_E = r"(?![^\W\d_])"  # no letter after
_MONTH = _alternation(_MONTH_OF)
# One month, or one month in both systems: "أيلول/سبتمبر", "أيلول (سبتمبر)", "(سبتمبر) أيلول",
# "سبتمبر أيلول".
_PAIRED = (
    rf"(?:\(\s*(?P<m0>{_MONTH})\s*\)\s*)?(?P<m1>{_MONTH})"
    rf"(?:\s*/\s*(?P<m2>{_MONTH})|\s*\(\s*(?P<m3>{_MONTH})\s*\)|\s+(?P<m4>{_MONTH}))?"
)
_MONTH_WORD = r"(?:شهر\s+)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?:م(?![^\W\d_]))?"
_YEAR_AFTER_MONTH = rf"\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?{_YEAR}"
_WEEKDAY = _alternation(_WEEKDAY_OF)
_WEEKDAY_BEFORE = rf"(?:(?:يوم\s+)?(?P<wd>{_WEEKDAY})\s*[،,]?\s*)?"
_DAY = rf"(?:(?:الـ?)?(?P<day>[0-3]?\d)(?!\d)\s*(?:من\s+)?|(?P<ordinal>{_alternation(_ORDINAL_OF)})\s+من\s+)"
_RELATION = _alternation(_RELATION_OF)


def _ago_units(index: int) -> dict[str, str]:
    """Folded unit word → unit, for the singular (0), the dual (1) or the plural (2)."""
    return {fold_arabic(word): unit for unit, forms in AGO_UNITS.items() for word in forms[index]}


_AGO_ONE, _AGO_TWO, _AGO_MANY = _ago_units(0), _ago_units(1), _ago_units(2)
_COUNT_OF = {fold_arabic(word): n for word, n in COUNT_WORDS.items()}
_AGO = (
    rf"قبل\s+(?:(?P<one>{_alternation(_AGO_ONE)})|(?P<two>{_alternation(_AGO_TWO)})"
    rf"|(?:(?P<n>\d{{1,3}})|(?P<word>{_alternation(_COUNT_OF)}))\s+(?P<many>{_alternation(_AGO_MANY)}))"
    r"(?!\s+(?:من|على|ان)(?![^\W\d_]))"  # "قبل عامين من الانتخابات" is an offset, not "ago"
)


@dataclass(frozen=True, slots=True)
class ArabicRule:
    """A named rule: the English rule it is the peer of, its pattern on folded text, and what
    turns a match into the resolver's fields (None: not a date after all)."""

    name: str
    rule: str
    pattern: re.Pattern[str]
    fields: Callable[[re.Match[str], str], Fields | None]


def _month_of(match: re.Match[str]) -> int | None:
    """The month a (possibly paired) month name gives, or None when the pair disagrees."""
    numbers = {
        int(_MONTH_OF[_spaced(match.group(g))]) for g in ("m0", "m1", "m2", "m3", "m4") if match.group(g)
    }
    return numbers.pop() if len(numbers) == 1 else None


def _spaced(words: str) -> str:
    return " ".join(words.split())


def _day_month_fields(match: re.Match[str], folded: str) -> Fields | None:
    month = _month_of(match)
    day = int(match.group("day")) if match.group("day") else _ORDINAL_OF[_spaced(match.group("ordinal"))]
    if month is None or not 1 <= day <= 31:
        return None
    fields = {"day": str(day), "month_num": str(month)}
    year = match.groupdict().get("year")
    if year:
        fields["year"] = year
    if match.group("wd"):
        fields["weekday"] = ENGLISH_WEEKDAYS[int(_WEEKDAY_OF[match.group("wd")])]
    return fields


def _month_year_fields(match: re.Match[str], folded: str) -> Fields | None:
    month = _month_of(match)
    return None if month is None else {"month": ENGLISH_MONTHS[month], "year": match.group("year")}


def _month_of_related_year_fields(match: re.Match[str], folded: str) -> Fields | None:
    """ "أيلول من العام المقبل" (September of next year), "آذار من هذا العام": the English
    "September of next year", read by the same rule."""
    month = _month_of(match)
    relation = _RELATION_OF[match.group("rel")] if match.group("rel") else "this"
    return None if month is None else {"month": ENGLISH_MONTHS[month], "ana": relation}


def _related_month_fields(match: re.Match[str], folded: str) -> Fields | None:
    month = _month_of(match)
    return (
        None if month is None else {"month": ENGLISH_MONTHS[month], "rel": _RELATION_OF[match.group("rel")]}
    )


_CUE_BEFORE = re.compile(rf"{_W}(?:{_alternation(fold_arabic(w) for w in MONTH_CUES)})\s*[(«\"]?\s*$")


def _bare_month_fields(match: re.Match[str], folded: str) -> Fields | None:
    """A month alone is a date after a preposition or "شهر" ("في آب", "منذ أيلول"), or when it
    is written in both systems; otherwise the word may be another ("مارس" he practised)."""
    month = _month_of(match)
    paired = any(match.group(g) for g in ("m0", "m2", "m3", "m4"))
    cued = _CUE_BEFORE.search(folded, max(0, match.start() - 12), match.start()) is not None
    if month is None or not (paired or cued or match.group().startswith("شهر")):
        return None
    fields = {"month": ENGLISH_MONTHS[month]}
    if looks_ahead(folded, match.start()):
        fields["rel"] = "next"
    return fields


def _year_fields(match: re.Match[str], folded: str) -> Fields | None:
    return {"year": match.group("year")}


def _bare_year_fields(match: re.Match[str], folded: str) -> Fields | None:
    """Four digits alone are a year after a preposition ("في 2014", "منذ 2003") and not before a
    noun they count ("2500 جندي")."""
    cued = _CUE_BEFORE.search(folded, max(0, match.start() - 12), match.start()) is not None
    counted = re.match(r"\s*[^\W\d_]", folded[match.end() :]) is not None and not re.match(
        r"\s*(?:و|،|,)", folded[match.end() :]
    )
    return {"year": match.group("year")} if cued and not counted else None


def _season_fields(match: re.Match[str], folded: str) -> Fields | None:
    return {"season": _SEASON_OF[match.group("season")], "year": match.group("year")}


def _weekday_fields(match: re.Match[str], folded: str) -> Fields | None:
    fields = {"weekday": ENGLISH_WEEKDAYS[int(_WEEKDAY_OF[match.group("wd")])]}
    if match.group("rel"):
        relation = _RELATION_OF[match.group("rel")]
        fields["rel"] = relation if relation != "this" else ""
    elif looks_ahead(folded, match.start()):
        fields["rel"] = "next"
    return fields


def _relative_day_fields(match: re.Match[str], folded: str) -> Fields | None:
    words = _spaced(match.group("relday"))
    if words == "اليوم" and not match.group("wd"):
        after = folded[match.end() : match.end() + 12].split()
        if after and after[0] in _NOT_TODAY:
            return None
    return {"relday": _RELDAY_OF[words]}


_NOT_TODAY = frozenset(fold_arabic(w) for w in NOT_TODAY_AFTER)


# "2024/1/4" and "4/1/2024" (day before month, as Arabic writes them), with / or - or .
_NUMERIC_DATE = (
    r"(?:(?P<y1>(?:19|20)\d\d)(?P<s1>[/.-])(?P<m1>[01]?\d)(?P=s1)(?P<d1>[0-3]?\d)"
    r"|(?P<d2>[0-3]?\d)(?P<s2>[/.-])(?P<m2>[01]?\d)(?P=s2)(?P<y2>(?:19|20)\d\d))(?![\d/.-]\d)"
)


def _numeric_date_fields(match: re.Match[str], folded: str) -> Fields | None:
    year, month, day = (match.group(g + "1") or match.group(g + "2") for g in ("y", "m", "d"))
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return {"day": str(int(day)), "month_num": str(int(month)), "year": year}


def _ago_fields(match: re.Match[str], folded: str) -> Fields | None:
    """ "قبل عامين" two years ago, "قبل ثلاثة أشهر", "قبل أسبوع"."""
    if match.group("one"):
        return {"count": "1", "unit": _AGO_ONE[match.group("one")]}
    if match.group("two"):
        return {"count": "2", "unit": _AGO_TWO[match.group("two")]}
    count = int(match.group("n")) if match.group("n") else _COUNT_OF[match.group("word")]
    return {"count": str(count), "unit": _AGO_MANY[match.group("many")]}


def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(_W + pattern + _E)


def _relative_unit_fields(match: re.Match[str], folded: str) -> Fields | None:
    """ "هذا العام" (this year) or "العام الماضي" (last year)."""
    unit = match.group("unit") or match.group("unit2")
    relation = _RELATION_OF[match.group("rel")] if match.group("rel") else "this"
    return {"unit": _UNIT_OF[_spaced(unit)], "rel": relation}


_UNIT = _alternation(_UNIT_OF)
_DAY_MONTH = _WEEKDAY_BEFORE + _DAY + _MONTH_WORD + _PAIRED
_RELATION_AFTER = rf"(?:\s+(?P<rel>{_RELATION}))?"  # "18 تشرين الأول الماضي": the day's own year
RULES: tuple[ArabicRule, ...] = (
    ArabicRule(
        "day month year",
        "dmy",
        _compiled(_DAY_MONTH + _YEAR_AFTER_MONTH),
        _day_month_fields,
    ),
    ArabicRule("day month", "dm", _compiled(_DAY_MONTH + _RELATION_AFTER), _day_month_fields),
    ArabicRule("numeric date", "dmy", _compiled(_NUMERIC_DATE), _numeric_date_fields),
    ArabicRule("month year", "my", _compiled(_MONTH_WORD + _PAIRED + _YEAR_AFTER_MONTH), _month_year_fields),
    ArabicRule(
        "month of a related year",
        "month_anaphor",
        _compiled(
            _MONTH_WORD + _PAIRED + r"\s*[،,]?\s+من\s+"
            rf"(?:(?:هذا|هذه)\s+(?:ال)?(?:عام|سنه)|(?:ال)?(?:عام|سنه)\s+(?P<rel>{_RELATION}))"
        ),
        _month_of_related_year_fields,
    ),
    ArabicRule(
        "month and relation",
        "month",
        _compiled(_MONTH_WORD + _PAIRED + rf"\s+(?P<rel>{_RELATION})"),
        _related_month_fields,
    ),
    ArabicRule("month", "month", _compiled(_MONTH_WORD + _PAIRED), _bare_month_fields),
    ArabicRule("year", "year", _compiled(rf"(?:ال)?(?:عام|سنه)\s+{_YEAR}"), _year_fields),
    ArabicRule("bare year", "year", _compiled(_YEAR), _bare_year_fields),
    ArabicRule(
        "season",
        "season",
        _compiled(rf"(?:ال)?(?P<season>{_alternation(_SEASON_OF)})\s+(?:(?:من\s+)?(?:ال)?عام\s+)?{_YEAR}"),
        _season_fields,
    ),
    ArabicRule(
        "weekday",
        "weekday",
        _compiled(rf"(?:(?:ال)?يوم\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<rel>{_RELATION}))?"),
        _weekday_fields,
    ),
    ArabicRule("time ago", "ago", _compiled(_AGO), _ago_fields),
    ArabicRule(
        "relative day",
        "relday",
        _compiled(rf"(?:يوم\s+(?=امس|غد))?(?P<relday>{_alternation(_RELDAY_OF)})(?:\s+(?P<wd>{_WEEKDAY}))?"),
        _relative_day_fields,
    ),
    ArabicRule(
        "unit and relation",
        "relunit",
        _compiled(rf"(?:(?:هذا|هذه)\s+(?P<unit>{_UNIT})|(?P<unit2>{_UNIT})\s+(?P<rel>{_RELATION}))"),
        _relative_unit_fields,
    ),
)


_MODIFIER_BEFORE = re.compile(rf"{_W}(?P<word>{_alternation(_MODIFIER_OF)})\s+$")
_MODIFIABLE = frozenset("dmy dm my month year season relunit".split())


def find_arabic_candidates(text: str) -> list[Candidate]:
    """Every Arabic date expression in ``text``, non-overlapping, in reading order."""
    view = FoldedText.of(text)
    folded = view.folded
    proposals: list[Candidate] = []
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(folded):
            fields = rule.fields(match, folded)
            if fields is None:
                continue
            proposals.append(Candidate(match.start(), match.end(), rule.rule, fields, order=order))
    chosen = choose(folded, proposals, NEWS)
    for candidate in chosen:
        _attach_modifier(folded, candidate)
        candidate.start, candidate.end = view.span(candidate.start, candidate.end)
    return chosen


def _attach_modifier(folded: str, candidate: Candidate) -> None:
    """Widen a date over the modifier before it: "مطلع العام المقبل", "أواخر آب"."""
    if candidate.rule not in _MODIFIABLE:
        return
    match = _MODIFIER_BEFORE.search(folded, max(0, candidate.start - 12), candidate.start)
    if match is not None:
        candidate.mod = _MODIFIER_OF[match.group("word")]
        candidate.start = match.start()
