"""Sentence spans of an article body, for events, snippets and anchors.

News text breaks at a full stop, question or exclamation mark followed by
a capital, digit or opening quote, except after abbreviations (Mr., Gen.,
U.S. before a lower-case word, Jan. before anything but a sentence opener:
"on Jan. 6" goes on, "fell in Jan. The index" breaks) and initials;
paragraphs and headings always end a sentence. Markdown markers at a block's start (``## ``, ``> ``,
``- ``) are not part of the sentence.
"""

from __future__ import annotations

import re

from dossier.model import Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt brig adm cmdr sen rep gov st jr sr no nos vs etc jan feb
    mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun inc corp ltd co
    dept est approx fig al e.g i.e a.m p.m""".split()
)
# Abbreviated months: "Jan. 6" is one sentence; "prices fell in Jan. The index rose" is two.
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words that start a new sentence even after an abbreviation such as "U.S." or "Jan.".
SENTENCE_STARTERS = frozenset(
    """the a an it he she they we i this that these those but and or so yet in on at for as if when while
    after before however meanwhile there his her their its our what why how who""".split()
)

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n+")
# In pasted text a line is a paragraph (headline, byline, date line, caption), unless the text is
# hard-wrapped: a line break between two lower-case words (or after a comma) continues the sentence.
_LINE_BREAK = re.compile(r"\n[ \t]*\n+|(?<![a-z,;])\n(?=[ \t]*\S)|\n(?=[ \t]*[^\sa-z])")
_BLOCK_MARKER = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)+")
# A run of end marks (with closing quotes) before a capital, a digit or the end. It starts only
# where a run starts and never gives characters back (what follows a run is not in its class), so
# a run of ten thousand dots is looked at once, not ten thousand times.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?:(?=\s+[\"'“‘(\[]?[^\W_a-z])|\s*$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_WORD = re.compile(r"[ \t\n\"'“‘(\[]*+(\w+)")  # the word after a mark, past quotes and brackets


def split_sentences(body: str, lines: bool = False) -> tuple[Sentence, ...]:
    """The sentences of a body; with ``lines`` (pasted text), each line is a block of its own.
    In Markdown a line break ends a sentence only after a short line (a headline, a byline, a
    date line) or a sentence's end, so that hard-wrapped paragraphs stay whole."""
    spans: list[tuple[int, int]] = []
    position = 0
    breaks = _LINE_BREAK.finditer(body) if lines else _markdown_breaks(body)
    for block_break in [*breaks, None]:
        end = block_break.start() if block_break else len(body)
        spans.extend(_block_sentences(body, position, end))
        position = block_break.end() if block_break else len(body)
    return tuple(Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(spans))


_SHORT_LINE = 60


def _markdown_breaks(body: str) -> list[re.Match[str]]:
    found = []
    for match in _LINE_BREAK.finditer(body):
        if "\n" in match.group().strip(" \t")[1:] or match.group().count("\n") > 1:
            found.append(match)  # a blank line
            continue
        line_start = body.rfind("\n", 0, match.start()) + 1
        line = body[line_start : match.start()].rstrip()
        if len(line) < _SHORT_LINE or line[-1:] in '.!?:"”)':
            found.append(match)
    return found


def _block_sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    block = body[start:end]
    marker = _BLOCK_MARKER.match(block)
    offset = marker.end() if marker else 0
    if block.lstrip().startswith("#"):  # a heading is one sentence
        return _trimmed(body, start + offset, end)
    spans = []
    sentence_start = offset
    for match in _CANDIDATE.finditer(block, offset):
        if not _is_boundary(block, match.start(), match.end()):
            continue
        spans.extend(_trimmed(body, start + sentence_start, start + match.end()))
        sentence_start = match.end()
    spans.extend(_trimmed(body, start + sentence_start, end))
    return spans


def _is_boundary(block: str, punct_start: int, punct_end: int) -> bool:
    if block[punct_start] != ".":
        return True
    word_match = _WORD_BEFORE.search(block, max(0, punct_start - 24), punct_start)
    word = word_match.group(1) if word_match else ""
    lowered = word.lower().rstrip(".")
    next_word = _NEXT_WORD.match(block, punct_end)  # read from the mark on, not a copy of the rest
    next_lower = next_word.group(1).lower() if next_word else ""
    if "." in word and len(word) <= 6 and re.fullmatch(r"(?:\w\.)+\w?", word + "."):
        # "U.S." or "a.m." ends a sentence only before a typical sentence opener
        return next_lower in SENTENCE_STARTERS
    if lowered in MONTH_ABBREVIATIONS:
        return next_word is not None and next_word.group(1)[:1].isupper() and next_lower in SENTENCE_STARTERS
    if lowered in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isupper())  # an initial: "Lloyd J. Austin"


def _trimmed(body: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []
