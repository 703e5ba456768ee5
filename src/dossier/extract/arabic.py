"""Arabic script: spelling folds for matching, and the proclitics written onto a word.

Arabic news spells one name several ways: with or without hamza on the alef
(أ إ آ ا), ta marbuta or ha at the end (ة ه), alef maqsura or ya (ى ي),
with diacritics now and then and a tatweel (ـ) after a letter written apart
("بـ"). :func:`fold_arabic` makes all of them one key, letter for letter, so
that offsets into the text stay the text's.

Conjunctions and prepositions are written onto the next word: و "and", ف
"so", ب "in/by", ل "for", ك "like", and their pairs (وب، ول، فب، وك …).
"وبالعراق" is "and in Iraq": :func:`proclitic_readings` gives the readings
of a word with such letters taken off, each with where the rest begins, so
that the name's span is the word minus the letters in front ("العراق").
After ل the article's alif is not written ("للعراق" is ل + العراق): the rest
"لعراق" is also read as "العراق", and its span is "لعراق", the name as it
stands in the word. Suffixes are never taken off: "العراقي" and "العراقية"
("Iraqi") are adjectives, not the country, as demonyms are not in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.model import primary_language

# Harakat, tanwin, shadda, sukun, the superscript alef, Quranic marks, and the tatweel.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
MARKS = re.compile(f"[{_MARKS}]")
# Any letter of the Arabic blocks (letters only, not digits or punctuation).
_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
ARABIC_LETTER = re.compile(f"[{_LETTER}]")
# Any character of the Arabic blocks and presentation forms: letters, marks, digits, punctuation.
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ة": "ه",
        "ۀ": "ه",
        "ى": "ي",
        "ی": "ي",  # Persian ye
        "ې": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ک": "ك",  # Persian kaf
        "ڪ": "ك",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_STEM_LETTERS = 2


def has_arabic(text: str) -> bool:
    """Whether ``text`` has a letter of Arabic script."""
    return ARABIC_LETTER.search(text) is not None


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def writes_arabic(language: str | None, text: str) -> bool:
    """Whether an article is in Arabic: its ``language`` tag says so (``ar``, ``ar-IQ``), or,
    without one, its letters are mostly Arabic."""
    if language is not None:
        return primary_language(language) == "ar"
    arabic = len(ARABIC_LETTER.findall(text))
    return arabic > 0 and arabic > len(_LATIN_LETTER.findall(text))


def in_arabic_script(text: str) -> bool:
    """Whether ``text`` has any character of Arabic script (a letter, a mark or a digit)."""
    return ARABIC_SCRIPT.search(text) is not None


def to_western_digits(text: str) -> str:
    """Eastern Arabic (٢٠٢٤) and Persian (۲۰۲۴) digits as 0–9, one for one."""
    return text.translate(_DIGITS)


def fold_arabic(word: str) -> str:
    """The matching form of an Arabic word: marks and tatweel out, hamza, ta marbuta and alef
    maqsura folded, Eastern digits made Western. Other letters are left as they are."""
    return to_western_digits(MARKS.sub("", word)).translate(_FOLDS)


@dataclass(frozen=True, slots=True)
class Reading:
    """A word read with proclitics taken off: the rest as matching text, and where it starts
    in the word (after the clitic letters and any marks on them)."""

    offset: int
    text: str


def proclitic_readings(word: str) -> list[Reading]:
    """The readings of ``word`` with one conjunction and/or one preposition taken off, fewest
    letters first ("وبالعراق" → "بالعراق", "العراق"; "للعراق" → "لعراق", "العراق")."""
    letters = _letter_positions(word)
    readings: list[Reading] = []
    for prefix in _prefixes():
        if len(letters) - len(prefix) < _MIN_STEM_LETTERS:
            continue
        if "".join(word[i] for i in letters[: len(prefix)]) != prefix:
            continue
        offset = letters[len(prefix)]
        rest = word[offset:]
        readings.append(Reading(offset, rest))
        if prefix.endswith("ل") and word[offset] == "ل":  # ل + ال: the alif is not written
            readings.append(Reading(offset, "ا" + rest))
    return readings


def _prefixes() -> tuple[str, ...]:
    """Proclitic letters in the order they are tried: one letter, then a conjunction with a
    preposition."""
    pairs = tuple(c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS)
    return (*_CONJUNCTIONS, *_PREPOSITIONS, *pairs)


def _letter_positions(word: str) -> list[int]:
    """Indexes of the word's letters (marks and tatweel skipped)."""
    return [i for i, char in enumerate(word) if not MARKS.match(char)]


_NISBA_ENDINGS = ("يين", "يون", "يه", "ي")


def nisba_bases(word: str) -> list[str]:
    """The names a nisba adjective may come from: "العراقية" → "العراق", "عراق"; "الأمريكية" →
    "أمريكا"; "السورية" → "سوريا" (folded forms), for a speaker that speaks for its country."""
    key = fold_arabic(word)
    bare = key[2:] if key.startswith("ال") else key
    for ending in _NISBA_ENDINGS:
        if bare.endswith(ending) and len(bare) - len(ending) >= 2:
            stem = bare[: -len(ending)]
            return [f"ال{stem}", stem, f"{stem}ا", f"{stem}يا"]
    return []


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A text folded for matching (:func:`fold_arabic`, marks removed), with the offset in the
    original text of each folded character, so that a match on the folded text can be told as
    a span of the original."""

    folded: str
    origins: tuple[int, ...]
    original: str

    @classmethod
    def of(cls, text: str) -> FoldedText:
        chars: list[str] = []
        origins: list[int] = []
        for index, char in enumerate(text):
            folded = fold_arabic(char)
            chars.append(folded)
            origins.extend([index] * len(folded))
        return cls("".join(chars), tuple(origins), text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded ``start:end``, with what follows its last letter and
        folds to nothing (marks, a final hamza: "الثلاثاء")."""
        first = self.origins[start]
        last = self.origins[end - 1] + 1
        while last < len(self.original) and not fold_arabic(self.original[last]):
            last += 1
        return first, last
