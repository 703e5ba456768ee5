"""Numeric claims: how many of what, where, and when the figure holds.

A figure is a number (digits, "2,500", "1.5", a number word up to "ninety-nine",
"a hundred", "$550 million"), an optional hedge before it ("about", "over", "at
least"), and what it counts. What it counts is read from what the number
*measures*, not only from its head noun: "killed 96 civilians" and "27 men" among
the bodies buried count deaths, "seven soldiers were wounded" the injured,
"2.2 million have been forced from their homes" people. A bare number takes what
it counts from its sentence: a partitive ("the last 50 of the 1,500 soldiers",
"four of them"), an apposition ("the first instructors, around a hundred"), a
verb after it ("56 more were buried"), or the count it continues ("around 1,700
people were killed …, including at least 416 …"). Anything else counted by a noun
is "other" (cities, camps, flights, tonnes), grouped by that noun.

The place is the most specific one the sentence gives: after the number ("in
Iraq", "within Sudan", "in the country"), a place that hosts it ("Iraq hosts"),
one inside what it counts ("four Darfur state capitals"), the place "there"
points back to, else the sentence's place; counts of people, deaths and money
fall back to the article's main country. Money is placed where it goes, not by
the donor. The date it holds for is the nearest date of its clause, or the date
that opens its sentence ("On April 24, …"); counts "since" a date are
cumulative and hold for no single date. A figure in a clause about the future
("would remain", "expected to", "plans to") is a *projection*, never set
against current figures. "Four to five" is one figure with a range.

Numbers that are not claims are left alone: years and other parts of dates,
ages, durations ("five years later", "a three-day meeting"), ordinals, times,
model and serial numbers ("F-16", "Resolution 2334", "section 7008"), and vague
quantities ("hundreds", "tens of thousands").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dossier.extract.figure_lexicon import (
    CATEGORY_OF_NOUN,
    COUNTABLE_PEOPLE,
    CURRENCIES,
    GEOGRAPHIC_HEADS,
    HEDGES,
    MONEY_OF_A_PLACE,
    NOT_COUNTED_AFTER,
    NUMBER_WORDS,
    NUMBER_WORDS_PATTERN,
    SCALES,
    TIME_UNITS,
)
from dossier.model import BODY, DateMention, Figure, Mention, Sentence
from dossier.timex import parse_timex

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_WORDS = NUMBER_WORDS_PATTERN
_NUMBER = (
    rf"(?:(?<![\w.,/\-‐‑–]){_DIGITS}(?![\w/\-‐‑–:]|[.,]\d)|\b(?:{_WORDS})\b(?!-(?:year|day|week|month|hour)))"
)
_FIGURE = re.compile(
    rf"(?:(?P<hedge>\b(?:{_HEDGE}))\s+)?(?P<currency>\$|US\$|€|£)?\s?(?P<number>{_NUMBER})"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    rf"(?:\s*(?P<range>to|-|–|or|and)\s*(?P<high>{_DIGITS}|\b(?:{_WORDS})\b)(?:\s*(?:thousand|million|billion)\b)?)?"
    r"(?P<percent>\s*(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_RATIO = re.compile(
    r"\bone\s+(?:out\s+of\s+(?:every\s+)?|in\s+(?:every\s+)?|of\s+every\s+)(?P<of>\w+)\b", re.I
)
_SINGULAR = frozenset(
    "individual person city town country soldier civilian child man woman ship vessel drone missile "
    "attack base company member village camp".split()
)
_NOUN_PHRASE = re.compile(
    r"[ \t]+((?:(?:other|more|additional|further|new|[\w’'.\-]+)[ \t]+){0,3})([A-Za-z][\w’'\-]*)"
)
_AGE = re.compile(r"(?:\baged?\s+$|\bage of\s+$)", re.IGNORECASE)
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:resolution|section|article|paragraph|base|no\.?|number|room|route|highway|flight|"
    r"briefing|meeting|chapter|page|item|clause|code|unit|brigade|division|battalion|regiment|"
    r"squadron|platoon|camp|sector|zone|district|block|building|gate|line|phase|stage|level|"
    r"category|class|type|model|version|grade|size|channel|road|street|avenue)\s+|[A-Z]{1,3}-)$",
    re.IGNORECASE,
)
_CASUALTY_AFTER = re.compile(
    r"[\s,]*(?:,?\s*(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them)\b[^,.;]{1,50},\s*)?"
    r"(?:(?:of\s+them\s+|people\s+|others?\s+)?(?:were|was|have\s+been|had\s+been|are|being|have|had|been|"
    r"reportedly|also|now|all|so\s+far|\w+ly|(?:confirmed|reported|believed|said|feared|thought)\s+to\s+have)\s+)*"
    r"(?P<verb>killed|dead|died|buried|executed|massacred|slain|"
    r"wounded|injured|hurt|displaced|forced|fled|fleeing|uprooted|evacuated|sheltering|stranded|"
    r"missing|detained|arrested|abducted|kidnapped|released|sanctioned|starving|facing|need|needing)\b",
    re.IGNORECASE,
)
_CASUALTY_BEFORE = re.compile(
    r"\b(?P<verb>killed|killing|kill|kills|massacred|executed|buried|burial\s+of|bodies\s+of|deaths\s+of|"
    r"death\s+toll\s+of|toll\s+of|lives\s+of|wounded|wounding|injured|injuring|displaced|displacing|"
    r"evacuated|left|leaving)\s+(?:(?:at\s+least|about|around|some|nearly|almost|over|more\s+than|"
    r"another|an\s+estimated|up\s+to|a\s+total\s+of)\s+)?$",
    re.IGNORECASE,
)
_VERB_CATEGORY = {
    "killed": "deaths", "killing": "deaths", "kill": "deaths", "kills": "deaths", "dead": "deaths",
    "died": "deaths", "buried": "deaths", "executed": "deaths", "massacred": "deaths", "slain": "deaths",
    "burial of": "deaths", "bodies of": "deaths", "deaths of": "deaths", "death toll of": "deaths",
    "toll of": "deaths", "lives of": "deaths", "wounded": "injured", "wounding": "injured",
    "injured": "injured", "injuring": "injured", "hurt": "injured",
}  # fmt: skip
_PROJECTION = re.compile(
    r"\b(?:would|will|could|may|might|shall|expected\s+to|projected|planned|plans?\s+to|planning\s+to|"
    r"set\s+to|likely\s+to|aims?\s+to|target(?:s|ed)?|goal|forecasts?|scheduled\s+to|is\s+to|are\s+to|"
    r"to\s+be\s+(?:deployed|sent|withdrawn|cut)|by\s+the\s+end\s+of|proposed|intends?\s+to|hopes?\s+to)\b",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(
    r"[;—–]|,\s(?!(?:including|and)\b)|\s\band\s(?=(?:the|a|an|[A-Z]))|\bwhile\b|\bbut\b"
)
_PLACE_AFTER = re.compile(
    r"^\s*(?:[\w’'\-]+\s+){0,3}?(?:in|from|across|inside|within|throughout|of|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HOLDS_BEFORE = re.compile(
    r"^\s*(?:[’']s\s+)?(?:\w+\s+)?(?:hosts|has|had|have|keeps|kept|houses|stations|stationed|holds|"
    r"is\s+home\s+to|—\s+home\s+to|home\s+to)\b[^,;.]{0,40}$"
)
_THE_COUNTRY = re.compile(
    r"\b(?:in|across|throughout|within|from|inside)\s+the\s+(?:\w+\s+){0,2}country\b", re.I
)
_POPULATION = re.compile(
    r"\b(?:city|town|country|nation|capital|population|region|state)\s+of\s+$|\bhome\s+to\s+$", re.I
)
_CUMULATIVE = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+total|cumulative)\b", re.IGNORECASE)
PEOPLE_LIKE = frozenset({"people", "deaths", "injured", "percent", "money"})


@dataclass(frozen=True, slots=True)
class _Counted:
    category: str
    noun: str  # the head noun, for grouping figures of "other" things ("camps")
    counted: str  # what it counts, as written
    end: int


def _number_value(raw: str) -> float:
    lowered = raw.lower().replace("‐", "-").replace("‑", "-")
    if lowered in NUMBER_WORDS:
        return float(NUMBER_WORDS[lowered])
    return float(lowered.replace(",", ""))


def _value(match: re.Match[str]) -> tuple[float, float | None]:
    value = _number_value(match.group("number"))
    scale = match.group("scale")
    factor = SCALES[scale.lower()] if scale else 1.0
    high = match.group("high")
    if high and match.group("range").lower() == "and":
        before = match.string[max(0, match.start() - 9) : match.start()].lower()
        high = high if before.rstrip().endswith("between") else None
    high_value = _number_value(high) * factor if high else None
    if high_value is not None and high_value <= value * factor:
        high_value = None
    return _clean(value * factor), _clean(high_value) if high_value is not None else None


def _places_referred_back_to(text: str, named: Sequence[Mention]) -> list[Mention]:
    """ "The canal" after "the Suez Canal", "the camp" after "Zamzam camp": a definite description by
    the common noun heading a place's name, when one place of the article has that head."""
    first_of: dict[str, dict[str, int]] = {}
    for mention in named:
        words = mention.text.lower().split()
        head = words[0] if len(words) > 2 and words[1] == "of" else words[-1] if len(words) > 1 else ""
        if head in GEOGRAPHIC_HEADS:
            seen = first_of.setdefault(head, {})
            seen[mention.entity] = min(seen.get(mention.entity, mention.start), mention.start)
    taken = [(m.start, m.end) for m in named]
    found: list[Mention] = []
    for head, entities in first_of.items():
        if len(entities) != 1:
            continue  # "the camp" with two camps named: no telling which
        ((entity, first),) = entities.items()
        for match in re.compile(rf"\b[Tt]he\s+({head})\b(?!\s+[A-Z])").finditer(text, first):
            if not any(start <= match.start(1) < end for start, end in taken):
                found.append(Mention(entity, match.start(1), match.end(1), match.group(1)))
    return found


def _clean(value: float) -> float:
    """8.3 million is 8,300,000, not 8,300,000.000000001."""
    return float(round(value)) if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)) else round(value, 6)


def find_figures(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    place_ids: frozenset[str],
    countries: frozenset[str] = frozenset(),
    demonyms: dict[str, str] | None = None,
) -> tuple[Figure, ...]:
    """Every numeric claim in ``text`` (the article's prose), in reading order."""
    body_dates = sorted((d for d in dates if d.field == BODY), key=lambda d: d.start)
    named = [m for m in mentions if m.field == BODY and m.entity in place_ids]
    places = sorted([*named, *_places_referred_back_to(text, named)], key=lambda m: m.start)
    date_starts, place_starts = [d.start for d in body_dates], [m.start for m in places]
    main_country = _main_country([m for m in places if not _adjectival(text, m)], countries)
    found: list[Figure] = []
    spots = number_spots(text)
    previous: Figure | None = None
    for sentence in sentences:
        its_dates = body_dates[
            bisect_left(date_starts, sentence.start) : bisect_left(date_starts, sentence.end)
        ]
        its_places = places[
            bisect_left(place_starts, sentence.start) : bisect_left(place_starts, sentence.end)
        ]
        date_spans = [(d.start, d.end) for d in its_dates]
        context = _SentenceContext(
            text, sentence, its_dates, its_places, main_country, demonyms or {}, countries
        )
        for match in _figures_in(text, sentence, spots):
            if found and match.start("number") < found[-1].end:
                continue  # inside the last figure ("one out of every eight children")
            figure = _figure(context, match, date_spans, previous)
            if figure is not None:
                found.append(figure)
                previous = figure
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    text: str
    sentence: Sentence
    dates: Sequence[DateMention]
    places: Sequence[Mention]
    main_country: str | None
    demonyms: dict[str, str]
    countries: frozenset[str] = frozenset()


def _figure(
    context: _SentenceContext,
    match: re.Match[str],
    date_spans: list[tuple[int, int]],
    previous: Figure | None,
) -> Figure | None:
    text, sentence = context.text, context.sentence
    number = match.group("number")
    if number[:1] == "0" or _is_part_of_something_else(text, match.start("number"), match.end(), date_spans):
        return None
    ratio = _RATIO.match(text, match.start("number"))
    if ratio is not None and ratio.group("of").lower() in NUMBER_WORDS:
        share = 100.0 / NUMBER_WORDS[ratio.group("of").lower()]
        end = _noun_end(text, ratio.end(), sentence.end)
        start = match.start("number")
        return _make(context, start, end, share, None, None, _Counted("percent", "percent", "percent", end))
    local_previous = previous if previous is not None and previous.sentence >= sentence.index - 1 else None
    counted = _what_it_counts(text, match, sentence, local_previous)
    if counted is None:
        return None
    hedge = match.group("hedge")
    if hedge:
        start = match.start("hedge")
    else:
        start = match.start("currency") if match.group("currency") else match.start("number")
    value, high = _value(match)
    return _make(context, start, counted.end, value, high, HEDGES[hedge.lower()] if hedge else None, counted)


def _make(
    context: _SentenceContext,
    start: int,
    end: int,
    value: float,
    high: float | None,
    hedge: str | None,
    counted: _Counted,
) -> Figure:
    text = context.text
    holds, when = _date_for(text, context.dates, start, end, context.sentence)
    place = _place_of(context, start, end, counted.category, counted.noun)
    unit = counted.category if counted.category != "money" else counted.noun
    noun = counted.noun
    if counted.category == "people":
        which = _people_kind(text, start, end, context.sentence)
        noun = f"people ({which})" if which else noun
    return Figure(
        start, end, text[start:end], value, hedge, unit, counted.counted, place, holds, when,
        context.sentence.index, noun, _is_projection(text, start, end, context.sentence), high,
    )  # fmt: skip


_PEOPLE_KINDS = (
    ("displaced", r"displaced|forced\s+from\s+their\s+homes|fled|fleeing|uprooted|refugees|flee"),
    ("in need", r"in\s+need|need(?:ing)?\s+(?:humanitarian\s+)?(?:aid|help|assistance|food)|aid"),
    (
        "facing hunger",
        r"famine|starv\w*|malnutrition|malnourished|hunger|catastrophic\s+conditions|food\s+insecurity",
    ),
    ("population", r"inhabitants|population|home\s+to|residents|city\s+of"),
    ("detained", r"detained|arrested|abducted|kidnapped|prisoners|hostages|held"),
    ("missing", r"missing"),
    ("sheltering", r"sheltering|shelter|trapped|stranded|besieged"),
)


def _people_kind(text: str, start: int, end: int, sentence: Sentence) -> str | None:
    """What the people a figure counts are (displaced, in need, a population…): counts of people
    in different situations are different quantities, never set against each other."""
    before = text[max(sentence.start, start - 30) : start]
    after = text[end : _clause_end(text, end, min(sentence.end, end + 90))]
    for kind, pattern in _PEOPLE_KINDS:
        if re.search(rf"\b(?:{pattern})\b", after, re.IGNORECASE) or re.search(
            rf"\b(?:{pattern})\s+$", before, re.IGNORECASE
        ):
            return kind
    return None


_DIGIT_RUN = re.compile(r"\d+")


def number_spots(text: str) -> list[int]:
    """Where numbers start (digit runs, and number words at word boundaries), in order: found with
    plain substring search, since the full figure pattern is slow to run at every position."""
    spots = [m.start() for m in _DIGIT_RUN.finditer(text)]
    lowered = text.lower()
    # a word of each number word that is no common word ("a hundred" is found by its "hundred")
    for word in {w.split("-")[0].split()[-1] for w in NUMBER_WORDS}:
        position = lowered.find(word)
        while position != -1:
            end = position + len(word)
            if (position == 0 or not lowered[position - 1].isalnum()) and (
                end == len(lowered) or not lowered[end].isalnum()
            ):
                spots.append(position)
            position = lowered.find(word, position + 1)
    return sorted(set(spots))


def _figures_in(text: str, sentence: Sentence, spots: list[int]) -> Iterator[re.Match[str]]:
    """Matches of the figure pattern, tried only around the numbers of a sentence."""
    position = sentence.start
    for spot in spots[bisect_left(spots, sentence.start) : bisect_left(spots, sentence.end)]:
        if spot < position:
            continue
        lower = max(position, spot - 24)
        for match in _FIGURE.finditer(text, lower, min(sentence.end, spot + 80)):
            if match.end() <= spot:
                continue
            if match.start("number") <= spot < match.end("number"):
                position = match.end()
                yield match
            break


def _is_part_of_something_else(text: str, start: int, end: int, dates: Sequence[tuple[int, int]]) -> bool:
    """Years, day numbers, ages, durations, ordinals, times, model numbers and the like."""
    if any(s <= start < e or s < end <= e for s, e in dates):
        return True
    before = text[max(0, start - 24) : start]
    after = text[end : end + 16].lower()
    if _AGE.search(before) or re.match(
        r"^(?:st|nd|rd|th)\b|^-year|^\s*years?\s+old|^:\d|^\s*(?:am|pm|a\.m|p\.m)\b", after
    ):
        return True
    if _IDENTIFIER_BEFORE.search(before) or re.search(r"[/#]$", before):
        return True
    word = re.match(r"^[\s-]*([\w\-]+)", after)
    if word is None:
        return False
    first = word.group(1).lower()
    if first == "times" and re.search(
        r"\b(?:attack|strik|struck|target|hit|shell|fired)\w*", text[max(0, start - 120) : start]
    ):
        return False  # "attacked US forces over 150 times" counts attacks
    return first in TIME_UNITS or first.split("-")[0] in TIME_UNITS or first in ("per", "times", "fold")


def _noun_end(text: str, start: int, limit: int) -> int:
    found = _NOUN_PHRASE.match(text, start, limit)
    return found.end() if found else start


def _unit_after(text: str, end: int, limit: int) -> _Counted | None:
    """What the words after a number count: the shortest stretch ending in a counted noun (up to
    three modifiers: "three large pits", "107 other bodies", "Seven RSF-owned companies")."""
    match = _NOUN_PHRASE.match(text, end, limit)
    if match is None:
        return None
    words = (match.group(1) + match.group(2)).split()
    if not words or words[0].lower() in NOT_COUNTED_AFTER or not re.match(r"[A-Za-z]", words[0]):
        return None
    lowered = [w.lower().strip(",.;:") for w in words]
    for size in range(1, len(words) + 1):
        previous_word = lowered[size - 2] if size > 1 else ""
        if size > 1 and previous_word in NOT_COUNTED_AFTER and previous_word not in ("and", "or"):
            break  # "2,500 according to officials": no noun of the number's own
        if size > 1 and re.search(r"[a-z]ing$", previous_word) and lowered[size - 1] not in CATEGORY_OF_NOUN:
            break  # "645,000 fleeing …"; but "two shipping vessels"
        if previous_word in ("and", "or") and lowered[size - 1] not in CATEGORY_OF_NOUN:
            break
        head = _known_head(lowered, size)
        if head is not None:
            if CATEGORY_OF_NOUN[head] not in ("injured", "deaths"):  # "six wounded individuals" are injured
                size = _head_end(lowered, size)  # "crew members", "drone and missile attacks"
                head = _known_head(lowered, size) or head
            stop = end + len(match.group(0)) - len(" ".join(words[size:])) - (1 if size < len(words) else 0)
            return _Counted(CATEGORY_OF_NOUN[head], head, " ".join(words[:size]), stop)
    # an "other" thing: the first plural noun that is no modifier ("nine camps", "two cargo planes")
    for size, word in enumerate(words, start=1):
        lowered = word.lower().strip("’'")
        if lowered in NOT_COUNTED_AFTER:
            return None
        if _is_plural_noun(lowered) or lowered in _SINGULAR:
            stop = end + len(match.group(0)) - len(" ".join(words[size:])) - (1 if size < len(words) else 0)
            if lowered in ("individual", "person"):
                return _Counted("people", "people", " ".join(words[:size]), stop)
            return _Counted("other", lowered, " ".join(words[:size]), stop)
        if not re.fullmatch(r"[a-z][\w’'\-]*|[A-Z][\w’'\-]*", word) or size >= 3:
            break
        following = words[size].lower() if size < len(words) else ""
        if re.search(r"[a-z](?:ing|ed)$", lowered) and "-" not in lowered and not _is_plural_noun(following):
            break  # "645,000 fleeing across borders": a verb; "three working groups": a modifier
    return None


def _known_head(words: list[str], size: int) -> str | None:
    """The counted noun (of one or two words) that ends ``words[:size]``, if any."""
    for length in (2, 1):
        if size >= length:
            head = " ".join(words[size - length : size])
            if head in CATEGORY_OF_NOUN:
                return head
    return None


def _head_end(words: list[str], size: int) -> int:
    """Where a noun phrase that reached a counted noun at ``size`` really ends: at a two-word head
    ("crew members"), or at a plural head after a modifier or a coordination ("drone and missile
    attacks")."""
    end = size
    if end < len(words) and " ".join(words[end - 1 : end + 1]) in CATEGORY_OF_NOUN:
        end += 1
    if words[end - 1].endswith("s"):
        return end
    for last in range(end + 1, min(len(words), end + 3) + 1):
        between = words[end : last - 1]
        if (
            words[last - 1] in CATEGORY_OF_NOUN
            and words[last - 1].endswith("s")
            and all(w in ("and", "or") or w in CATEGORY_OF_NOUN for w in between)
        ):
            return last
    return end


def _is_plural_noun(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in NOT_COUNTED_AFTER
        and word.isalpha()
    )


def _what_it_counts(
    text: str, match: re.Match[str], sentence: Sentence, previous: Figure | None
) -> _Counted | None:
    """What a number counts (see the module docstring), or None: it is no claim."""
    end = match.end()
    if match.group("percent"):
        return _Counted("percent", "percent", "percent", end)
    if text[end : end + 12].lower().startswith(("-member", " member")):
        return _member_count(text, end, sentence)
    currency = match.group("currency")
    after = _unit_after(text, end, sentence.end)
    if currency:
        kind = CURRENCIES.get(currency, currency)
        return _Counted("money", kind, after.counted if after else "", after.end if after else end)
    if re.match(r"\s+(?:dollars|euros|pounds)\b", text[end : end + 10]):
        word = re.match(r"\s+(\w+)", text[end:]).group(1)  # type: ignore[union-attr]
        return _Counted("money", CURRENCIES.get(word.lower(), word), word, end + len(word) + 1)
    before = text[max(sentence.start, match.start("number") - 40) : match.start("number")]
    if match.group("hedge"):
        before = text[max(sentence.start, match.start("hedge") - 40) : match.start("hedge")]
    if after is not None:
        category = _by_context(text, after.end, before, after.category, sentence)
        if after.noun == "votes" and re.search(
            r"\b(?:Council|Assembly|member states|in favou?r)\b", sentence.text
        ):
            category = "countries"  # "adopted by 14 votes in favour": member states voting
        if category == "people" and _listed_after(text, previous, match, sentence):
            category = previous.unit  # type: ignore[union-attr]  # "52 bodies – 27 men, 16 women and …"
        return _Counted(category, after.noun, after.counted, after.end)
    return _bare(text, match, sentence, previous, before)


def _by_context(text: str, end: int, before: str, category: str, sentence: Sentence) -> str:
    """People, soldiers or fighters who were killed count deaths; who were wounded, the injured."""
    if category not in COUNTABLE_PEOPLE and category != "other":
        return category
    verb = _CASUALTY_BEFORE.search(before)
    if verb is not None and verb.group("verb").lower() in _VERB_CATEGORY:
        return _VERB_CATEGORY[verb.group("verb").lower()]
    later = _CASUALTY_AFTER.match(text, end, sentence.end)
    if later is not None:
        found = _VERB_CATEGORY.get(later.group("verb").lower())
        if found is not None:
            return found
        if category in ("troops",) and later.group("verb").lower() in ("displaced", "fled", "fleeing"):
            return "people"
    return category


def _bare(
    text: str, match: re.Match[str], sentence: Sentence, previous: Figure | None, before: str
) -> _Counted | None:
    """A number with no noun of its own: what its sentence says it counts."""
    end = match.end()
    rest = text[end : sentence.end]
    if match.group("number").lower() == "one":
        return None  # "one of the poorest countries": no count
    partitive = re.match(r"\s+of\s+(?:the|those|these|them|its|their)\b", rest)
    if partitive is not None:
        if rest[partitive.start() :].lstrip().startswith(("of them", "of these", "of those")) and previous:
            noun = previous.noun or previous.unit
            them = re.match(r"\s+of\s+(?:them|these|those)\b", rest)
            return _Counted(_category_of(previous), noun, "", end + (them.end() if them else 0))
        number = re.match(rf"\s*(?:{_HEDGE})?\s*{_DIGITS}", text[end + partitive.end() : sentence.end], re.I)
        skip = number.end() if number else 0  # "the last 50 of the 1,500 French soldiers"
        after = _unit_after(text, end + partitive.end() + skip, sentence.end)
        if after is not None:
            return _Counted(after.category, after.noun, after.counted, end)
    if re.match(r"\s+others\b", rest):  # "killing three soldiers and injuring two others"
        verb_before = _CASUALTY_BEFORE.search(before)
        if verb_before is not None and verb_before.group("verb").lower() in _VERB_CATEGORY:
            return _Counted(
                _VERB_CATEGORY[verb_before.group("verb").lower()], "people", "", end + len(" others")
            )
        if previous is not None and previous.sentence == sentence.index:
            return _Counted(_category_of(previous), previous.noun or previous.unit, "", end + len(" others"))
    wider = text[max(sentence.start, match.start("number") - 120) : match.start("number")]
    count_of = re.search(r"\bnumber\s+of\s+([a-z]+)\b[^.;]{0,80}?\b(?:to|at|was|is|reached)\s+$", wider)
    if (
        count_of is not None and count_of.group(1) in CATEGORY_OF_NOUN
    ):  # "the number of ships … dropped to 1,111"
        return _Counted(CATEGORY_OF_NOUN[count_of.group(1)], count_of.group(1), "", end)
    verb = _CASUALTY_AFTER.match(text, end, sentence.end)
    if verb is None:
        more = re.match(r"\s+(?:more|others?|additional)\b", rest)
        verb = _CASUALTY_AFTER.match(text, end + more.end(), sentence.end) if more else None
    if verb is not None:
        word = verb.group("verb").lower()
        return _Counted(_VERB_CATEGORY.get(word, "people"), "people", "", end)
    if (
        not match.group("number")[0].isdigit()
        and not re.match(r"\s*(?:,|\.|$)", rest)
        and _POPULATION.search(before) is None
    ):
        return None
    if _POPULATION.search(before):
        return _Counted("people", "people", "", end)
    apposed = re.search(r"([A-Za-z]+),\s+(?:\w+\s+)?$", before)
    if apposed is not None and CATEGORY_OF_NOUN.get(apposed.group(1).lower()) in ("troops", "people"):
        head = apposed.group(1).lower()
        return _Counted(CATEGORY_OF_NOUN[head], head, "", end)  # "the first instructors, around a hundred,"
    if previous is not None and previous.sentence == sentence.index and _continues(text, previous, match):
        return _Counted(_category_of(previous), previous.noun or previous.unit, "", end)
    return None


def _listed_after(text: str, previous: Figure | None, match: re.Match[str], sentence: Sentence) -> bool:
    """Whether a count of people breaks down a count of deaths or injuries just before it."""
    if previous is None or previous.sentence != sentence.index or previous.unit not in ("deaths", "injured"):
        return False
    between = text[previous.end : match.start()]
    return len(between) <= 40 and (
        bool(re.search(r"[–—(:]", between))
        or bool(re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+including)\s*", between))
    )


def _continues(text: str, previous: Figure, match: re.Match[str]) -> bool:
    """ "2,500 in Iraq and 900 in Syria", "…, including at least 416 in attacks on civilians"."""
    between = text[previous.end : match.start()]
    after = text[match.end() : match.end() + 12]
    return bool(re.search(r"(?:\band|,|\bincluding|\bwith|\bwhile|\bof\s+whom)\s*$", between)) and bool(
        re.match(r"\s+(?:in|from|across|inside|of)\b", after)
        or re.match(r"\s*[,.;]|\s+(?:and|were|are)\b", after)
    )


def _category_of(figure: Figure) -> str:
    return "money" if figure.unit in CURRENCIES.values() else figure.unit


def _member_count(text: str, end: int, sentence: Sentence) -> _Counted | None:
    """ "a 21-member interim government" counts people; "the 15-member council" its member states."""
    after = _unit_after(text, end + len("-member"), sentence.end)
    stop = after.end if after else end + len("-member")
    noun = after.noun if after else ""
    body = re.match(
        r"-member\s+(?:[\w-]+\s+){0,2}(council|bloc|organ|body|union|alliance|league|group)\b", text[end:]
    )
    if body is not None:
        return _Counted("countries", "countries", text[end:stop].strip("-"), end + body.end())
    tail = re.match(r"-member\s+(?:[\w-]+\s+){0,2}[\w-]+", text[end:])
    return _Counted("people", noun or "members", "", end + (tail.end() if tail else len("-member")))


def _place_of(context: _SentenceContext, start: int, end: int, category: str, noun: str = "") -> str | None:
    """See the module docstring: after the number, a host, inside what is counted, "there", the
    sentence, the article."""
    text, sentence = context.text, context.sentence
    if category == "countries":
        return None
    places = [m for m in context.places if not _in_dateline(text, sentence, m)]
    nominal = [m for m in places if not _adjectival(text, m)]
    clause_end = _clause_end(text, end, sentence.end)
    for i, mention in enumerate(places):
        if _adjectival(text, mention):
            continue
        if end <= mention.start < clause_end and _PLACE_AFTER.match(text[end : mention.start]):
            following = places[i + 1] if i + 1 < len(places) else None
            if following is not None and re.fullmatch(
                r"\s+and\s+(?:the\s+)?(?:neighbou?ring\s+)?", text[mention.end : following.start]
            ):
                return None  # "in Iraq and neighboring Syria": no one place
            return mention.entity
        if (
            category == "money"
            and end <= mention.start < clause_end
            and re.search(
                r"\b(?:to|for|in)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:of\s+)?$", text[end : mention.start]
            )
        ):
            return mention.entity  # "$200 million assistance to the government of Niger"
    if _THE_COUNTRY.search(text, end, min(clause_end, end + 60)) and context.main_country:
        return context.main_country
    if category != "money":
        for mention in reversed(nominal):
            if sentence.start <= mention.end <= start and _HOLDS_BEFORE.match(text[mention.end : start]):
                return mention.entity
    inside = [m for m in nominal if start <= m.start < end]
    people_noun = CATEGORY_OF_NOUN.get(noun, category) in ("troops", "people") or category in (
        "troops",
        "people",
    )
    if inside and not (people_noun and inside[-1].entity in context.countries):
        return inside[-1].entity  # "four Darfur state capitals"; but "US troops" are not in the US
    if category == "money":
        owner = _owner_of_money(text, nominal, sentence.start, start)
        if owner is not None:
            return owner
        next_to = [m for m in places if 0 <= m.start - end <= 1]  # "$302 million Niger Regional Compact"
        if next_to:
            return next_to[0].entity
        for (
            mention
        ) in places:  # the recipient: "programmes to the government of Niger, totalling $200 million"
            lead = text[max(sentence.start, mention.start - 40) : mention.start]
            if re.search(r"\b(?:to|for)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:of\s+)?$", lead):
                return mention.entity
        return _demonym_after(context, end, clause_end)
    if category in ("deaths", "injured", "attacks"):  # "killed by a drone attack in northeastern Jordan"
        where = [
            m
            for m in nominal
            if end <= m.start < clause_end
            and re.search(r"\b(?:in|at|near|on|off)\s+(?:\w+\s+){0,3}$", text[end : m.start])
        ]
        if where:
            return where[0].entity
    before = [m for m in nominal if m.end <= start]
    if before and (category != "troops" or re.search(r"\bthere\b", text[end:clause_end])):
        return before[-1].entity
    if category in PEOPLE_LIKE or category == "other":
        return context.main_country
    return None


_ADJECTIVAL_HEADS = frozenset(
    "bases base outpost outposts support military embassy government officials forces strikes weight "
    "army navy assets interests policy presence personnel troops soldiers drones missiles".split()
)


def _owner_of_money(text: str, nominal: Sequence[Mention], begin: int, start: int) -> str | None:
    """The place whose revenue, budget or exports the sum is: "the canal's revenue fell by 23%,
    reaching $7.2 billion", "Suez Canal Revenue Plunges by $2 Billion"."""
    for mention in reversed(nominal):
        if begin <= mention.end <= start:
            owned = re.match(r"(?:[’']s)?\s+(\w+)(?:\s+(\w+))?\b[^;:.]{0,80}$", text[mention.end : start])
            if owned and MONEY_OF_A_PLACE.intersection(w.lower() for w in owned.groups() if w):
                return mention.entity  # "Iraq's oil revenue", "Suez Canal Revenue"
    return None


def _adjectival(text: str, mention: Mention) -> bool:
    """ "US troops", "US bases": a country named as an adjective says whose, not where."""
    if re.match(r"-[A-Za-z]", text[mention.end : mention.end + 2]):
        return True  # "Iran-backed", "US-led"
    following = re.match(r"[\s-]*([a-z][\w-]*)", text[mention.end : mention.end + 24])
    return following is not None and (
        following.group(1) in CATEGORY_OF_NOUN or following.group(1) in _ADJECTIVAL_HEADS
    )


def _in_dateline(text: str, sentence: Sentence, mention: Mention) -> bool:
    """A place in the dateline that opens a sentence ("Niamey, 22 March 2025 (dpa) - …") says where
    the story was filed, not what a figure is about."""
    lead = text[sentence.start : mention.start]
    return (
        not lead.strip()
        and re.match(r"[^.\n]{0,60}?\s[-–—]\s", text[mention.end : mention.end + 64]) is not None
    )


def _demonym_after(context: _SentenceContext, start: int, end: int) -> str | None:
    for word in re.findall(r"[A-Z][a-z]+", context.text[start:end]):
        entity = context.demonyms.get(word.lower())
        if entity is not None:
            return entity
    return None


def _clause_end(text: str, start: int, limit: int) -> int:
    found = re.search(r"[;:—–]|,\s+(?:while|but|and\s+the|which|who)\b|\.\s", text[start:limit])
    return start + found.start() if found else limit


def _main_country(places: Sequence[Mention], countries: frozenset[str]) -> str | None:
    """The place the article names most (a country on a tie, then the first named): what its
    counts of people are about when a sentence names no place."""
    counts: dict[str, int] = {}
    for mention in places:
        counts[mention.entity] = counts.get(mention.entity, 0) + 1
    if not counts:
        return None
    first = {m.entity: i for i, m in reversed(list(enumerate(places)))}
    return max(counts, key=lambda e: (counts[e], e in countries, -first[e]))


def _is_projection(text: str, start: int, end: int, sentence: Sentence) -> bool:
    """Whether the clause of a figure is about the future: a plan, a target, a forecast. A count
    of what exists already ("planning to withdraw its 2,500 troops") is no projection."""
    if re.search(
        r"\b(?:its|their|his|her|the|these|those|our)\s+(?:\w+\s+)?$", text[max(0, start - 20) : start]
    ):
        return False
    lower = max(sentence.start, start - 70)
    edges = list(_CLAUSE_EDGE.finditer(text, lower, start))
    lower = edges[-1].end() if edges else lower
    upper = _clause_end(text, end, min(sentence.end, end + 60))
    return _PROJECTION.search(text, lower, upper) is not None


_TIME_PREPOSITION = re.compile(
    r"\b(?:since|in|during|by|on|as of|until|through|throughout|over|from)\s+(?:the\s+)?$", re.I
)


def _date_for(
    text: str, dates: Sequence[DateMention], start: int, end: int, sentence: Sentence
) -> tuple[str | None, str]:
    """When a figure holds: the resolved date of its clause nearest to it ("153 attacks during the
    first half of 2024"), else a date that opens its sentence ("On April 24, … 52 bodies"), as its
    value and as words with the preposition that says how ("since October 2023"); a count since a
    date is cumulative: it is shown with its date but holds for none."""
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        if not (mention.field == BODY and mention.value and mention.value[:1].isdigit()):
            continue
        lower, upper = (mention.end, start) if mention.end <= start else (end, mention.start)
        if re.search(r"[;—–]|,\s", text[lower:upper]):
            continue  # another clause
        distance = upper - lower
        if best is None or distance < best[0]:
            best = (distance, mention)
    if best is None:
        opening = next(
            (d for d in dates if d.value and d.value[:1].isdigit() and _opens(text, sentence, d)), None
        )
        if opening is None:
            return None, ""
        best = (0, opening)
    mention = best[1]
    timex = parse_timex(mention.value or "")
    lead = _TIME_PREPOSITION.search(text, max(0, mention.start - 12), mention.start)
    label = timex.label(mention.mod) if timex else text[mention.start : mention.end]
    words = f"{lead.group().split()[0].lower()} {label}" if lead else label
    if (lead is not None and lead.group().split()[0].lower() == "since") or _CUMULATIVE.search(
        text, start - 40, start
    ):
        return None, words
    return mention.value, words


def _opens(text: str, sentence: Sentence, mention: DateMention) -> bool:
    """Whether a date opens its sentence: "On April 24, …", "In June, …"."""
    lead = text[sentence.start : mention.start].strip().lower()
    return lead in ("", "on", "in", "by", "as of", "on the", "during") and text[
        mention.end : mention.end + 2
    ].startswith(",")
