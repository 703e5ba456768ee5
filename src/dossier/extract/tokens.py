"""Word tokens with spelling-insensitive keys, shared by the registry and the matcher.

A token's *key* is what names are matched on: lower case, diacritics and
in-word apostrophes dropped, abbreviation dots dropped, doubled letters
collapsed. So "Kata'ib" = "Kataib", "U.S." = "US", "Nujabaa" = "Nujaba",
"Massoud" = "Masoud", "Pezeshkiān" = "Pezeshkian". Its *raw* form keeps the
letters' case for case-sensitive aliases. A possessive ('s) is not part of
the token, and the gap between two tokens tells whether a name may run
across it (spaces, one line break, hyphens, dashes, apostrophes).

Keys are made for the whole text at once (lower-casing and marking doubled
letters in one pass each), because tagging cost is dominated by this step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dossier.extract.arabic import MARKS, fold_arabic, in_arabic_script

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’ʼ‘](?![sS](?![^\W_]))[^\W_]+)*")
# The same, with Arabic diacritics inside words (they are combining marks, not word characters):
# used only for a text that has them, so that other texts are tokenized exactly as before.
_MARKED_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|(?:[^\W_]|" + MARKS.pattern + r")+(?:['’ʼ‘](?![sS](?![^\W_]))[^\W_]+)*"
)
_SECOND_OF_DOUBLE = re.compile(r"(?<=([^\W\d_]))\1")
_DROPPED = "\x00.'’ʼ‘"  # doubled-letter marks, abbreviation dots, apostrophes
_DROP_TABLE = str.maketrans("", "", _DROPPED)
_JOINABLE_GAP = re.compile(
    r"[ \t\u00a0\u202f\u2009\u00ad\-‐‑‒–—'’ʼ‘]*\n?[ \t\u00a0\u202f\u2009\u00ad\-‐‑‒–—]*"
)


def _strip_diacritics(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def fold(word: str) -> str:
    """The matching key of one word (the same as :func:`tokenize` gives it in running text)."""
    lowered = word.lower()
    if in_arabic_script(lowered):  # a doubled letter is spelling there: "وواشنطن" is و + واشنطن
        return _fold_non_ascii(lowered.translate(_DROP_TABLE))
    key = _SECOND_OF_DOUBLE.sub("\x00", lowered).translate(_DROP_TABLE)
    return key if key.isascii() else _fold_non_ascii(key)


def _fold_non_ascii(key: str) -> str:
    """Diacritics off and doubled letters collapsed; an Arabic word's spellings folded instead
    (see :mod:`dossier.extract.arabic`), its letters never collapsed."""
    if in_arabic_script(key):
        return fold_arabic(key)
    return _SECOND_OF_DOUBLE.sub("", _strip_diacritics(key))


def raw_form(word: str) -> str:
    """The word as written, minus apostrophes and abbreviation dots (for case checks)."""
    return word.translate(_DROP_TABLE)


@dataclass(slots=True)
class Tokens:
    """The words of a text as parallel lists (cheaper than one object per word)."""

    text: str
    starts: list[int]
    ends: list[int]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.starts)

    def raw(self, i: int) -> str:
        return raw_form(self.text[self.starts[i] : self.ends[i]])

    def joinable(self, i: int) -> bool:
        """Whether a name may continue from token ``i - 1`` into token ``i``."""
        gap_start, gap_end = self.ends[i - 1], self.starts[i]
        if gap_end - gap_start > 8:
            return False
        gap = self.text[gap_start:gap_end]
        if _JOINABLE_GAP.fullmatch(gap):
            return True
        # an initial: "Lloyd J. Austin"
        return (
            gap.startswith(".")
            and gap_end - gap_start > 1
            and self.ends[i - 1] - self.starts[i - 1] == 1
            and (_JOINABLE_GAP.fullmatch(gap[1:]) is not None)
        )

    def is_all_caps_context(self, i: int, j: int) -> bool:
        """Whether tokens ``i..j-1`` sit in a run of ALL-CAPS words (a headline in capitals)."""
        neighbours = [k for k in (i - 2, i - 1, j, j + 1) if 0 <= k < len(self)]
        words = [w for w in (self.raw(k) for k in neighbours) if any(c.isalpha() for c in w)]
        return len(words) >= 2 and all(w.isupper() and len(w) > 1 for w in words)


def _finish_key(key: str) -> str:
    """Drop doubled-letter marks, dots and apostrophes; fold diacritics outside ASCII."""
    key = key.translate(_DROP_TABLE)
    return key if key.isascii() else _fold_non_ascii(key)


def tokenize(text: str) -> Tokens:
    lowered = text.lower()
    pattern = _MARKED_TOKEN if MARKS.search(text) else _TOKEN
    spans = [m.span() for m in pattern.finditer(text)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    if len(lowered) != len(text):  # a few characters lower-case to two; fold word by word instead
        return Tokens(text, starts, ends, [fold(text[s:e]) for s, e in spans])
    marked = _SECOND_OF_DOUBLE.sub("\x00", lowered)
    keys = [marked[s:e] for s, e in spans]
    keys = [k if k.isalnum() and k.isascii() else _finish_key(k) for k in keys]
    if in_arabic_script(text):  # Arabic words keep their doubled letters (see fold)
        keys = [fold(text[s:e]) if in_arabic_script(k) else k for (s, e), k in zip(spans, keys, strict=True)]
    return Tokens(text, starts, ends, keys)


@lru_cache(maxsize=1 << 16)
def alias_keys(text: str) -> tuple[str, ...]:
    """The keys of a name as written in the registry (remembered: the registry, with the base one's
    thousands of names, is read once per build, and a process may build many times)."""
    return tuple(tokenize(text).keys)
