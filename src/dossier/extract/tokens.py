"""Word tokens with spelling-insensitive keys, shared by the registry and the matcher.

A token's *key* is what names are matched on: lower case, diacritics and
in-word apostrophes dropped, abbreviation dots dropped, doubled letters
collapsed. So "Kata'ib" = "Kataib", "U.S." = "US", "Nujabaa" = "Nujaba",
"Massoud" = "Masoud", "Pezeshkiān" = "Pezeshkian". Its *raw* form keeps the
letters' case for case-sensitive aliases. A trailing possessive ('s) is not
part of the token, and the gap between two tokens tells whether a name may
run across it (spaces, one line break, hyphens, dashes, apostrophes).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’ʼ‘][^\W_]+)*")
_APOSTROPHES = re.compile(r"['’ʼ‘]")
_POSSESSIVE = re.compile(r"['’ʼ‘][sS]$")
_DOUBLED = re.compile(r"([^\W\d_])\1+")
_JOINABLE_GAP = re.compile(
    r"[ \t\u00a0\u202f\u2009\u00ad\-‐‑‒–—'’ʼ‘]*\n?[ \t\u00a0\u202f\u2009\u00ad\-‐‑‒–—]*"
)


def fold(word: str) -> str:
    """The matching key of one word."""
    if "'" in word or "’" in word or "ʼ" in word or "‘" in word:
        word = _APOSTROPHES.sub("", word)
    if "." in word:
        word = word.replace(".", "")
    word = word.lower()
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return _DOUBLED.sub(r"\1", word)


def raw_form(word: str) -> str:
    """The word as written, minus apostrophes and abbreviation dots (for case checks)."""
    return _APOSTROPHES.sub("", word).replace(".", "")


@dataclass(slots=True)
class Tokens:
    """The words of a text as parallel lists (cheaper than one object per word)."""

    text: str
    starts: list[int]
    ends: list[int]
    keys: list[str]
    raws: list[str]

    def __len__(self) -> int:
        return len(self.starts)

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
            and len(self.raws[i - 1]) == 1
            and _JOINABLE_GAP.fullmatch(gap[1:]) is not None
        )

    def is_all_caps_context(self, i: int, j: int) -> bool:
        """Whether tokens ``i..j-1`` sit in a run of ALL-CAPS words (a headline in capitals)."""
        neighbours = [k for k in (i - 2, i - 1, j, j + 1) if 0 <= k < len(self)]
        words = [self.raws[k] for k in neighbours if any(c.isalpha() for c in self.raws[k])]
        return len(words) >= 2 and all(w.isupper() and len(w) > 1 for w in words)


def tokenize(text: str) -> Tokens:
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    raws: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        possessive = _POSSESSIVE.search(word)
        if possessive is not None and len(word) > 2:
            word = word[: possessive.start()]
            end = start + len(word)
        starts.append(start)
        ends.append(end)
        keys.append(fold(word))
        raws.append(raw_form(word))
    return Tokens(text, starts, ends, keys, raws)


def alias_keys(text: str) -> tuple[str, ...]:
    """The keys of a name as written in the registry."""
    return tuple(tokenize(text).keys)
