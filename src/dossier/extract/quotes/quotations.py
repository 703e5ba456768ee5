"""Quotations: the stretches of a text inside quotation marks.

Curly double quotes (“…”), straight double quotes ("…") and guillemets («…») open a
quotation; British single quotes (‘…’) do too, when a closing ’ that is no apostrophe
follows in the same paragraph. A quotation that is still open at the end of its paragraph
is the first part of a quotation over several paragraphs when the next paragraph opens with
a quotation mark (news style reopens the quote in each paragraph); otherwise an unclosed “
runs to the end of its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

PAIRS = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_OPENING = re.compile(r"[“\"«‘]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[“\"«])")
MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Quotation:
    """A stretch in quotation marks: ``start``/``end`` are its inside."""

    start: int
    end: int
    continues: bool = False  # left open at its paragraph's end, reopened in the next paragraph

    @property
    def outer(self) -> tuple[int, int]:
        return self.start - 1, self.end + 1


class Quotations:
    """The quotations of a text (sorted, not overlapping), found by position in logarithmic time:
    a book-length text has thousands."""

    def __init__(self, quotes: Sequence[Quotation]) -> None:
        self.quotes = list(quotes)
        self.starts = [q.start for q in self.quotes]
        self.ends = [q.outer[1] for q in self.quotes]

    def containing(self, offset: int) -> Quotation | None:
        i = bisect_right(self.starts, offset) - 1
        return self.quotes[i] if i >= 0 and offset < self.quotes[i].end else None

    def closed_by(self, offset: int) -> Iterator[Quotation]:
        """The quotations closed at or before ``offset``, nearest first."""
        for i in range(bisect_right(self.ends, offset) - 1, -1, -1):
            yield self.quotes[i]

    def opening_at(self, mark: int) -> Quotation | None:
        """The quotation whose opening mark is at ``mark``."""
        i = bisect_left(self.starts, mark + 1)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i].start == mark + 1 else None

    def starting_in(self, start: int, end: int) -> list[Quotation]:
        return self.quotes[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _closing_single(text: str, start: int, limit: int) -> int:
    """Where a ‘…’ quotation closes: a ’ not followed by a letter (so not "We’re"), and not the
    apostrophe of a plural possessive ("the forces’ headquarters")."""
    position = start
    while True:
        end = text.find("’", position, limit)
        if end == -1:
            return -1
        after = text[end + 1 : end + 3]
        if after[:1].isalpha():
            position = end + 1
            continue
        if text[end - 1 : end] == "s" and after[:1] == " " and after[1:2].islower():
            position = end + 1
            continue
        return end


def find_quotations(text: str) -> list[Quotation]:
    """Quotations of a paragraph or less, in order; see the module docstring for open ones."""
    found: list[Quotation] = []
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    position = 0
    for opening in _OPENING.finditer(text):
        i = opening.start()
        if i < position:
            continue
        mark = text[i]
        if mark in '"‘' and i > 0 and text[i - 1].isalnum():
            continue  # 12" or a closing mark or an apostrophe
        limit = breaks[bisect_right(breaks, i)] if i < len(text) else len(text)
        closing = PAIRS[mark]
        end = _closing_single(text, i + 1, limit) if mark == "‘" else text.find(closing, i + 1, limit)
        continues = False
        if end == -1:
            if mark in '‘"':
                if mark == '"' and _reopened(text, limit):
                    end, continues = limit, True
                else:
                    continue
            else:
                end, continues = limit, _reopened(text, limit)
        if end > i + 1:
            inner_end = end
            while inner_end > i + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            found.append(Quotation(i + 1, inner_end, continues))
            position = end + 1
    return found


def _reopened(text: str, paragraph_end: int) -> bool:
    """Whether the paragraph after ``paragraph_end`` opens with a quotation mark."""
    rest = text[paragraph_end : paragraph_end + 12].lstrip()
    return rest[:1] in ("“", '"', "«")


def is_statement_quote(text: str, quote: Quotation) -> bool:
    """Whether a quotation is something said rather than a scare-quoted word or a title."""
    inner = text[quote.start : quote.end].strip()
    return len(inner.split()) >= MIN_WORDS or inner[-1:] in ",.?!" or quote.continues
