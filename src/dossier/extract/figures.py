"""Numeric claims: how many of what, where, and when the figure holds.

A figure is a number (digits, "2,500", "1.5", a number word, "$550 million"),
an optional hedge before it ("about", "over", "at least"), and what it
counts: the noun after it ("153 attacks", "2,500 American soldiers"), or,
for a bare number, the counted noun of the same sentence it continues
("its troops, numbering around 2,500 in Iraq and 900 in Syria"). Figures
that count the same kind of thing in the same place share a *quantity*
key, so claims from different articles can be set side by side.

Numbers that are not claims are left alone: years and other parts of the
dates the tagger found, ages, durations ("five years later"), model and
serial numbers ("F-16", "Resolution 2334"), ordinals.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from dossier.model import BODY, DateMention, Figure, Mention, Sentence
from dossier.timex import parse_timex

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "a thousand": 1000,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
HEDGES = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "an estimated": "about",
    "over": "over", "more than": "over", "upwards of": "over", "at least": "at least",
    "up to": "up to", "as many as": "up to", "fewer than": "under", "less than": "under", "under": "under",
}  # fmt: skip
# What a figure can count, by the head noun as written → the kind of quantity.
UNITS = {
    "troops": "troops", "soldiers": "troops", "forces": "troops", "personnel": "troops",
    "service members": "troops", "servicemembers": "troops", "marines": "troops", "advisers": "troops",
    "advisors": "troops", "military advisers": "troops", "americans": "troops", "members": "members",
    "attacks": "attacks", "strikes": "strikes", "airstrikes": "strikes", "rockets": "rockets",
    "drones": "drones", "missiles": "missiles", "killed": "deaths", "dead": "deaths", "deaths": "deaths",
    "people": "people", "civilians": "civilians", "casualties": "casualties", "wounded": "injured",
    "injured": "injured", "fighters": "fighters", "militants": "fighters", "militiamen": "fighters",
    "bases": "bases", "countries": "countries", "nations": "countries", "states": "countries",
    "groups": "groups", "factions": "groups", "seats": "seats", "votes": "votes", "lawmakers": "lawmakers",
    "refugees": "refugees", "prisoners": "prisoners", "detainees": "prisoners", "hostages": "hostages",
    "barrels": "barrels", "dollars": "US dollars",
    "percent": "percent", "per cent": "percent", "%": "percent",
}  # fmt: skip
TIME_UNITS = frozenset("year years month months week weeks day days hour hours minute minutes decade decades "
                       "century centuries year-old years-old".split())  # fmt: skip
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?:(?P<hedge>\b(?:{_HEDGE}))\s+)?"
    rf"(?P<currency>\$|US\$|€|£)?\s?(?P<number>(?<![\w.,/\-‐‑–]){_DIGITS}(?![\w/\-‐‑–]|[.,]\d)|\b(?:{_WORDS})\b)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?P<percent>\s*(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_NOUN_PHRASE = re.compile(r"[ \t]+((?:[\w’'\-]+[ \t]+){0,3})([\w’'\-]+)")
_AGE = re.compile(r"(?:\baged?\s+$|\bage of\s+$)", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"^\s*(?:[\w’'\-]+\s+){0,2}?(?:in|from|across|inside|throughout)\s+$", re.IGNORECASE
)


def _value(match: re.Match[str]) -> float | None:
    raw = match.group("number").lower()
    value = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else float(raw.replace(",", ""))
    scale = match.group("scale")
    return value * SCALES[scale.lower()] if scale else value


def _unit_after(text: str, end: int, limit: int) -> tuple[str, str, int] | None:
    """(kind, what the figure counts as written, where that ends) from the words after a number."""
    if text[end:limit].lstrip().startswith(("%", "percent", "per cent")):
        return None
    match = _NOUN_PHRASE.match(text, end, limit)
    if match is None:
        return None
    words = (match.group(1) + match.group(2)).split()
    for size in range(1, len(words) + 1):  # the shortest stretch ending in a counted noun
        phrase = " ".join(words[:size])
        for length in (2, 1):
            head = " ".join(phrase.lower().split()[-length:])
            if head in UNITS and len(phrase.split()) >= length:
                return (
                    UNITS[head],
                    phrase,
                    end + len(match.group(0)) - len(" ".join(words[size:])) - (1 if size < len(words) else 0),
                )
    return None


def _is_part_of_something_else(text: str, start: int, end: int, dates: Sequence[tuple[int, int]]) -> bool:
    """Years, day numbers, ages, durations, ordinals, model numbers and the like."""
    if any(s <= start < e or s < end <= e for s, e in dates):
        return True
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14].lower()
    if _AGE.search(before) or re.match(r"^(?:st|nd|rd|th)\b|^-year|^\s*years?\s+old", after):
        return True
    first_word = re.match(r"^\s*([\w\-]+)", after)
    return bool(first_word and first_word.group(1).lower() in TIME_UNITS)


_HOLDS_BEFORE = re.compile(r"\s+(?:hosts|has|had|have|keeps|kept|houses|stations|stationed)\b[^,;.]{0,40}$")


def _place_of(text: str, start: int, end: int, places: Sequence[Mention], sentence: Sentence) -> str | None:
    """The place a figure is about: "in Iraq" right after it, or a place that "hosts" or "has" it
    ("Iraq hosts about 2,500 American soldiers"). A place named just before it as an adjective
    ("US troops") says who, not where."""
    for mention in places:
        if end <= mention.start < sentence.end and _PLACE_AFTER.match(text[end : mention.start]):
            return mention.entity
    for mention in reversed(places):
        if sentence.start <= mention.end <= start and _HOLDS_BEFORE.match(text[mention.end : start]):
            return mention.entity
    return None


def find_figures(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    place_ids: frozenset[str],
) -> tuple[Figure, ...]:
    """Every numeric claim in ``text`` (the article's prose), in reading order."""
    body_dates = sorted((d for d in dates if d.field == BODY), key=lambda d: d.start)
    places = sorted((m for m in mentions if m.field == BODY and m.entity in place_ids), key=lambda m: m.start)
    date_starts, place_starts = [d.start for d in body_dates], [m.start for m in places]
    found: list[Figure] = []
    spots = number_spots(text)
    for sentence in sentences:
        # what a sentence's figures are checked against: its own dates and places only
        its_dates = body_dates[
            bisect_left(date_starts, sentence.start) : bisect_left(date_starts, sentence.end)
        ]
        its_places = places[
            bisect_left(place_starts, sentence.start) : bisect_left(place_starts, sentence.end)
        ]
        date_spans = [(d.start, d.end) for d in its_dates]
        last_unit: tuple[str, str] | None = None
        for match in _figures_in(text, sentence, spots):
            number = match.group("number")
            if number.startswith("0") or _is_part_of_something_else(
                text, match.start("number"), match.end(), date_spans
            ):
                continue
            counted = _what_it_counts(text, match, sentence, last_unit)
            if counted is None:
                continue
            unit, what, end = counted
            last_unit = (unit, what)
            hedge = match.group("hedge")
            if hedge:
                start = match.start("hedge")
            else:
                start = match.start("currency") if match.group("currency") else match.start("number")
            holds, when = _date_for(text, its_dates, start, end)
            place = _place_of(text, start, end, its_places, sentence)
            found.append(
                Figure(start, end, text[start:end], _value(match), HEDGES[hedge.lower()] if hedge else None,
                       unit, what, place, holds, when, sentence.index)
            )  # fmt: skip
    return tuple(found)


_DIGIT_RUN = re.compile(r"\d+")


def number_spots(text: str) -> list[int]:
    """Where numbers start (digit runs, and number words at word boundaries), in order: found with
    plain substring search, since the full figure pattern is slow to run at every position."""
    spots = [m.start() for m in _DIGIT_RUN.finditer(text)]
    lowered = text.lower()
    for word in NUMBER_WORDS:
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
        for match in _FIGURE.finditer(text, lower, min(sentence.end, spot + 60)):
            if match.end() <= spot:
                continue
            if match.start("number") <= spot < match.end("number"):
                position = match.end()
                yield match
            break


_COUNT_LEAD = re.compile(r"\b(?:number(?:ing|ed|s)?|total(?:ing|led)?|of)\s+(?:is\s+|was\s+)?(?:\w+\s+)?$")
_PLACE_NEXT = re.compile(r"\s+(?:in|from|across|inside)\b")
_MONEY_FOR = re.compile(r"\s+(?:in|of|for|worth of)\s+((?:[\w\-’']+\s?){1,4})")


_CASUALTY = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|are)\s+)?(killed|dead|died|wounded|injured)\b"
)


def _casualties(text: str, end: int, limit: int) -> str | None:
    """ "11 soldiers were killed" counts deaths, not soldiers."""
    found = _CASUALTY.match(text, end, limit)
    if found is None:
        return None
    return "injured" if found.group(1) in ("wounded", "injured") else "deaths"


def _what_it_counts(
    text: str, match: re.Match[str], sentence: Sentence, last_unit: tuple[str, str] | None
) -> tuple[str, str, int] | None:
    """(kind of quantity, what it counts as written, end of the figure), or None: not a claim."""
    end = match.end()
    if match.group("percent"):
        return "percent", "percent", end
    after = _unit_after(text, end, sentence.end)
    currency = match.group("currency")
    if currency:
        kind = "US dollars" if "$" in currency else currency
        if after is not None:
            return kind, after[1], after[2]
        purpose = _MONEY_FOR.match(text, end, sentence.end)
        return kind, purpose.group(1).strip() if purpose else "", end
    if after is not None:
        return _casualties(text, after[2], sentence.end) or after[0], after[1], after[2]
    if not match.group("number")[0].isdigit():
        return None  # a number word counts only what is named right after it
    number_start = match.start("number")
    if last_unit is not None and _PLACE_NEXT.match(text, end, sentence.end):
        return last_unit[0], last_unit[1], end  # "2,500 in Iraq and 900 in Syria"
    counted = _units_before(text, max(sentence.start, number_start - 60), number_start)
    if counted is not None and _COUNT_LEAD.search(text, max(0, number_start - 30), number_start):
        return counted[0], counted[1], end  # "its troops, numbering around 2,500"
    return None


def _units_before(text: str, lower: int, upper: int) -> tuple[str, str] | None:
    """The last counted noun before a bare number in the same sentence ("its troops, numbering …")."""
    found = None
    for word in re.finditer(r"[\w’'\-]+", text[lower:upper]):
        kind = UNITS.get(word.group().lower())
        if kind is not None and kind != "percent":
            found = (kind, word.group())
    return found


_TIME_PREPOSITION = re.compile(
    r"\b(?:since|in|during|by|on|as of|until|through|throughout|over|from)\s+(?:the\s+)?$", re.I
)


def _date_for(text: str, dates: Sequence[DateMention], start: int, end: int) -> tuple[str | None, str]:
    """When a figure holds: the resolved date of its sentence nearest to it and in the same clause
    ("153 attacks during the first half of 2024", not the date of the statement that gives them),
    as its value and as words with the preposition that says how ("since October 2023");
    none: the article's date applies."""
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
        return None, ""
    mention = best[1]
    timex = parse_timex(mention.value)
    lead = _TIME_PREPOSITION.search(text, max(0, mention.start - 12), mention.start)
    label = timex.label(mention.mod) if timex else text[mention.start : mention.end]
    return mention.value, f"{lead.group().split()[0].lower()} {label}" if lead else label
