"""Numeric claims in Arabic: the peer of :mod:`.figures` for an article in Arabic.

A figure is a number in Western, Eastern Arabic (٢٥٠٠) or Persian (۲۵۰۰) digits,
or in words up to ten and for round hundreds and thousands ("عشرة آلاف"), with
"ألف"/"مليون"/"مليار" after it ("238 ألف مقاتل"), an optional hedge before it
("نحو", "أكثر من", "ما لا يقل عن"), and the noun it counts, which gives its
category ("جندي" troops, "قتيل" deaths, "هجوم" attacks, "دولار" money, "بالمئة"
percent); people killed or wounded are deaths or injured, whatever their noun
("مقتل ثلاثة جنود"). A bare number after a counted one shares its noun ("2500 جندي في العراق
و900 في سوريا"). The place is the first place named after it in its clause ("في
العراق"), the date the nearest date of its sentence. Years and other parts of dates,
durations ("12 شهرًا", "ثمانية أشهر"), clock times, ages and ordinals are left out,
as in English.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.extract.arabic import FoldedText, fold_arabic
from dossier.model import BODY, DateMention, Figure, Mention, Sentence

_CATEGORIES = {
    "troops": """جندي جنود جنديا عسكري عسكريين عسكريا مستشار مستشارا مستشارين مقاتل مقاتلا مقاتلين عنصر
        عنصرا عناصر""",
    "deaths": "قتيل قتيلا قتلى ضحية ضحايا",
    "injured": "جريح جريحا جرحى مصاب مصابا مصابين",
    "attacks": "هجوم هجوما هجمات ضربة ضربات غارة غارات عملية عمليات",
    "missiles-drones": "صاروخ صاروخا صواريخ مسيرة مسيرات قذيفة قذائف",
    "money": "دولار دولارا دينار دينارا يورو",
    "people": "شخص شخصا أشخاص مدني مدنيا مدنيين نازح نازحا نازحين لاجئ لاجئا لاجئين مواطن مواطنا مواطنين",
    "countries": "دولة دول بلدا بلدان",
}
_CATEGORY_OF = {fold_arabic(noun): unit for unit, nouns in _CATEGORIES.items() for noun in nouns.split()}
_UNITS = {"money": "US dollars"}
# A verb or noun of killing or wounding before a count of people makes it deaths or injured ("مقتل
# ثلاثة جنود", "إصابة نحو 70 عسكريًا"): the category follows what the number measures.
_FATE_BEFORE = {
    "deaths": re.compile(
        rf"(?<![^\W\d_])(?:{'|'.join(fold_arabic(w) for w in 'مقتل قتل قتلت اغتيال استشهاد مصرع'.split())})"
        r"(?![^\W\d_])[^.،,]{0,20}$"
    ),
    "injured": re.compile(
        rf"(?<![^\W\d_])(?:{'|'.join(fold_arabic(w) for w in 'إصابة أصيب أصيبوا جرح جرحى'.split())})"
        r"(?![^\W\d_])[^.،,]{0,20}$"
    ),
}
_PEOPLE_UNITS = frozenset(("troops", "people"))  # the unit a category is counted in, where it is not its name
_PERCENT = re.compile(r"\s*(?:%|٪|بالميه|بالمايه|في\s+الميه|في\s+المايه)")  # folded: بالمئة
_SCALES = {
    fold_arabic(w): v
    for w, v in {"ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9}.items()
}
_HEDGE_WORDS = {
    "نحو": "about",
    "حوالي": "about",
    "زهاء": "about",
    "ما يقارب": "about",
    "قرابة": "about",
    "أكثر من": "over",
    "ما يزيد على": "over",
    "ما يزيد عن": "over",
    "ما لا يقل عن": "at least",
    "على الأقل": "at least",
    "أقل من": "under",
    "ما يصل إلى": "up to",
    "حتى": "up to",
}
_HEDGES = {fold_arabic(words): hedge for words, hedge in _HEDGE_WORDS.items()}
# Nouns after a number that make it no count: durations, ages, times, and parts of dates.
_NOT_COUNTS = frozenset(
    fold_arabic(w)
    for w in """عام عاما أعوام سنة سنوات عامين شهر شهرا أشهر شهور يوم يوما أيام أسبوع أسبوعا أسابيع ساعة
    ساعات دقيقة دقائق عقد عقود عمر""".split()
)
# "منذ 18 تشرين الأول": a count since a date is cumulative and holds for no single date.
_SINCE = re.compile(r"منذ\s*$")
_PREPOSITIONS = frozenset(fold_arabic(w) for w in "في من إلى على عن مع".split())


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# Numbers written as words, as news writes counts up to ten and round hundreds and thousands
# ("عشرة آلاف مقاتل", "ثلاثة جنود", "مئة هجوم", "ألف جندي").
_NUMBER_WORDS = {
    fold_arabic(word): value
    for value, words in {
        3: "ثلاثة ثلاث", 4: "أربعة أربع", 5: "خمسة خمس", 6: "ستة ست", 7: "سبعة سبع", 8: "ثمانية ثماني",
        9: "تسعة تسع", 10: "عشرة عشر", 100: "مئة مائة", 1000: "ألف", 2000: "ألفا ألفي",
        1_000_000: "مليون",
    }.items()
    for word in words.split()
}  # fmt: skip
_NUMBER = re.compile(
    rf"(?:(?P<hedge>{_alternation(list(_HEDGES))})\s+)?(?:(?<![\d.,])"
    rf"(?P<digits>\d{{1,3}}(?:[,٬]\d{{3}})+|\d+(?:[.٫]\d+)?)(?![\d])"
    rf"|(?<![^\W\d_])(?P<word>{_alternation(list(_NUMBER_WORDS))})(?![^\W\d_]))"
    rf"(?:\s+(?P<scale>{_alternation(list(_SCALES))}))?"
)
_NEXT_WORD = re.compile(r"\s*(?P<word>[^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class _Clause:
    """A sentence's dates and places, for the figures in it."""

    dates: tuple[DateMention, ...]
    places: tuple[Mention, ...]


def find_arabic_figures(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    place_ids: frozenset[str],
) -> tuple[Figure, ...]:
    """Every numeric claim in an Arabic article's prose, in reading order."""
    view = FoldedText.of(text)
    body_dates = [d for d in dates if d.field == BODY]
    places = [m for m in mentions if m.field == BODY and m.entity in place_ids]
    found: list[Figure] = []
    for sentence in sentences:
        clause = _Clause(
            tuple(d for d in body_dates if sentence.start <= d.start < sentence.end),
            tuple(m for m in places if sentence.start <= m.start < sentence.end),
        )
        previous: Figure | None = None
        for match in _numbers_in(view, sentence):
            figure = _figure(text, view, match, clause, sentence, previous)
            if figure is not None:
                found.append(figure)
                previous = figure
    return tuple(found)


def _numbers_in(view: FoldedText, sentence: Sentence) -> list[re.Match[str]]:
    start, end = bisect_left(view.origins, sentence.start), bisect_left(view.origins, sentence.end)
    return list(_NUMBER.finditer(view.folded, start, end))


def _figure(
    text: str,
    view: FoldedText,
    match: re.Match[str],
    clause: _Clause,
    sentence: Sentence,
    previous: Figure | None,
) -> Figure | None:
    folded = view.folded
    o_start, o_end = view.span(match.start(), match.end())
    if any(d.start <= o_start < d.end or d.start < o_end <= d.end for d in clause.dates):
        return None  # a year or a day of a date
    if match.group("digits"):
        value = float(re.sub(r"[,٬]", "", match.group("digits")).replace("٫", "."))
    else:
        value = float(_NUMBER_WORDS[match.group("word")])
    if match.group("scale"):
        value *= _SCALES[" ".join(match.group("scale").split())]
    percent = _PERCENT.match(folded, match.end())
    after = _NEXT_WORD.match(folded, percent.end() if percent else match.end())
    noun = after.group("word") if after else ""
    if noun in _NOT_COUNTS or re.match(r"\s*[:/]\d", folded[match.end() :]):
        return None  # a duration, an age, a clock time
    unit, end = _unit_and_end(folded, match, percent, after, noun, previous)
    if unit is None:
        return None
    if unit in _PEOPLE_UNITS:
        unit = _fate(folded, match.start()) or unit
    f_end = view.span(match.start(), end)[1]
    hedge = _HEDGES[" ".join(match.group("hedge").split())] if match.group("hedge") else None
    holds = _nearest_date(text, clause.dates, o_start, f_end)
    place = _place_of(text, clause.places, o_start, f_end)
    counted = (
        text[view.span(after.start("word"), after.end("word"))[0] : f_end]
        if after and unit != "other"
        else ""
    )
    return Figure(
        o_start, f_end, text[o_start:f_end], value, hedge, _UNITS.get(unit, unit), counted, place,
        holds.value if holds else None, holds.text if holds else "", sentence.index,
        noun=noun if unit == "other" else "",
    )  # fmt: skip


def _unit_and_end(
    folded: str,
    match: re.Match[str],
    percent: re.Match[str] | None,
    after: re.Match[str] | None,
    noun: str,
    previous: Figure | None,
) -> tuple[str | None, int]:
    """What the number counts and where its expression ends (after its noun or sign)."""
    if percent is not None:
        return "percent", percent.end()
    if noun in _CATEGORY_OF and after is not None:
        return _CATEGORY_OF[noun], after.end()
    if previous is not None and match.group("digits") and (noun in _PREPOSITIONS or not noun):
        return _category_of_unit(previous.unit), match.end()  # "2500 جندي في العراق و900 في سوريا"
    if after is not None and len(noun) > 2 and noun not in _PREPOSITIONS:
        return "other", after.end()
    return None, match.end()


def _fate(folded: str, start: int) -> str | None:
    """Deaths or injured, when the count of people follows a word of killing or wounding."""
    before = folded[max(0, start - 30) : start]
    return next((fate for fate, pattern in _FATE_BEFORE.items() if pattern.search(before)), None)


def _nearest_date(text: str, dates: Sequence[DateMention], start: int, end: int) -> DateMention | None:
    """The date of the figure's clause: the nearest one with no comma between them."""

    def between(d: DateMention) -> str:
        return text[min(d.end, end) : max(d.start, start)]

    same_clause = [
        d
        for d in dates
        if "،" not in between(d)
        and "," not in between(d)
        and not _SINCE.search(text[max(0, d.start - 8) : d.start])
    ]
    return min(same_clause, key=lambda d: min(abs(d.start - end), abs(start - d.end)), default=None)


def _category_of_unit(unit: str) -> str:
    return next((category for category, written in _UNITS.items() if written == unit), unit)


def _place_of(text: str, places: Sequence[Mention], start: int, end: int) -> str | None:
    """The place right after the figure ("… جندي أمريكي في العراق"), else the one before it in
    its clause ("ويتمركز في العراق قرابة 2500 جندي")."""
    after = next((m for m in places if m.start >= end and _same_clause(text[end : m.start], 30)), None)
    if after is not None:
        return after.entity
    before = [m for m in places if m.end <= start and _same_clause(text[m.end : start], 40)]
    return before[-1].entity if before else None


def _same_clause(between: str, reach: int) -> bool:
    return len(between) <= reach and "،" not in between and "," not in between and "." not in between
