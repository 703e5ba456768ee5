"""Article bodies → HTML, with entities linked, dates in <time> and sentences anchored.

The markup is done on markdown-it's token stream, never on generated HTML:
each inline text token is aligned back to its place in the body, and the
mentions, dates and sentence boundaries that fall inside it are written
around its text. Raw HTML in articles is not passed through.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from dossier.model import BODY, AnnotatedArticle, Entity
from dossier.timex import parse_timex

_DATETIME_GRANULARITIES = frozenset({"day", "week", "month", "year"})
_NEWLINE = re.compile("\n")


_UNSAFE_LINK = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)


def safe_link(url: str) -> bool:
    """Whether a link or image target may reach the page: never a script, ``data:`` or ``file:`` URL.

    Stricter than markdown-it's own check, which lets ``data:image/…`` through. A rejected
    link stays in the text as the Markdown that was written.
    """
    return _UNSAFE_LINK.match(url.strip()) is None


def markdown_parser(allow_html: bool = False) -> MarkdownIt:
    """CommonMark; raw HTML off unless the site allows it (then :func:`sanitize` cleans the result)."""
    parser = MarkdownIt("commonmark", {"html": allow_html, "linkify": False, "typographer": False})
    parser.validateLink = safe_link  # type: ignore[method-assign]  # markdown-it-py's documented hook
    return parser


def text_parser() -> MarkdownIt:
    """Plain text: paragraphs separated by blank lines, nothing else interpreted."""
    parser = MarkdownIt("zero")
    parser.validateLink = safe_link  # type: ignore[method-assign]  # markdown-it-py's documented hook
    return parser


_MARKUP_ATTRIBUTES = {
    "*": {"title", "lang", "dir"},
    "a": {"href", "class"},
    "span": {"class", "id", "data-s"},
    "time": {"class", "datetime", "data-timex"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "code": {"class"},
}


def sanitize(html: str) -> str:
    """An allowlist pass over a body rendered with raw HTML on: the sanitizer keeps structure and
    dossier's own markup (entity links, dates, sentence anchors) and drops scripts, styles, frames,
    forms, event handlers and links to anything but http(s), mailto and relative URLs."""
    import nh3  # only sites that allow raw HTML need it

    return nh3.clean(
        html,
        tags=set(nh3.ALLOWED_TAGS) - {"area", "map"},
        attributes=_MARKUP_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to wrap around a stretch of body text."""

    start: int
    end: int
    open: str
    close: str


def _date_mark(start: int, end: int, value: str | None, label: str, written: str) -> Mark:
    """A date as ``<time>``; what it resolves to follows it in small print when the words written
    do not say it already ("Friday" is followed by "(5 January 2024)", "9 Jan 2024" by nothing):
    phones have no hover, so a tooltip alone would hide it from most readers."""
    timex = parse_timex(value) if value else None
    if timex is None:
        return Mark(start, end, '<span class="date">', "</span>")
    machine = timex.value if timex.granularity in _DATETIME_GRANULARITIES else str(timex.year)
    note = (
        ""
        if says_itself(written, label)
        else f'<small class="date-note" data-pagefind-ignore> ({escape(label)})</small>'
    )
    return Mark(
        start,
        end,
        f'<time class="date" datetime="{escape(machine)}" data-timex="{escape(timex.value)}" '
        f'title="{escape(label)}">',
        f"</time>{note}",
    )


_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")


def says_itself(written: str, label: str) -> bool:
    """Whether every word of the resolved ``label`` is in the ``written`` date (in any order and
    case, abbreviations of months counted): "July 31, 2024" says "31 July 2024"; "Feb. 8" does
    not say "8 February 2024", since it leaves the year out."""
    words = [w.casefold() for w in _WORD.findall(written)]
    return all(
        any(w == part or (len(w) >= 3 and part.startswith(w) and part.isalpha()) for w in words)
        for part in (p.casefold() for p in _WORD.findall(label))
    )


def body_marks(
    annotated: AnnotatedArticle, entities: dict[str, Entity], topic_href: Callable[[str], str]
) -> tuple[list[Mark], list[Mark]]:
    """Links for mentions and <time> for dates (non-overlapping), and the sentence spans."""
    inline: list[Mark] = []
    for m in annotated.mentions:
        if m.field != BODY or m.entity not in entities:
            continue
        entity = entities[m.entity]
        inline.append(
            Mark(
                m.start,
                m.end,
                f'<a class="ent ent-{escape(entity.type)}" href="{escape(topic_href(m.entity))}" '
                f'title="{escape(entity.name)}">',
                "</a>",
            )
        )
    for d in annotated.dates:
        if d.field != BODY:
            continue
        timex = parse_timex(d.value) if d.value else None
        label = timex.label(d.mod) if timex else "date not resolved"
        body = annotated.article.body
        possessive = _POSSESSIVE.match(body, d.end)  # "Thursday’s (4 January 2024) strike"
        end = possessive.end() if possessive else d.end
        inline.append(_date_mark(d.start, end, d.value, label, body[d.start : d.end]))
    inline.sort(key=lambda k: (k.start, -(k.end - k.start)))
    kept: list[Mark] = []
    for mark in inline:
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    sentences = [Mark(s.start, s.end, s.anchor, "") for s in annotated.sentences]
    return kept, sentences


def _align(content: str, body: str, cursor: int, limit: int) -> tuple[list[int] | None, int]:
    """Body offsets of each character of a text token, searching ``body[cursor:limit]``."""
    found = body.find(content, cursor, limit)
    if found != -1 and found - cursor < 400:
        return list(range(found, found + len(content))), found + len(content)
    positions, j = [], cursor
    for ch in content:  # escapes and entities: match character by character
        k = body.find(ch, j, limit)
        if k == -1 or k - j > 16:
            return None, cursor
        positions.append(k)
        j = k + 1
    return positions, j


def _with_marks(content: str, positions: list[int], a: int, b: int, marks: Marks, linkable: bool) -> str:
    """``content[a:b]``, escaped, with the marks that lie wholly inside it wrapped around their text."""
    if a >= b:
        return ""
    low, high = positions[a], positions[b - 1] + 1
    pieces, cursor = [], a
    for mark in marks.overlapping(low, high):
        if mark.start < low or mark.end > high or (not linkable and mark.open.startswith("<a ")):
            continue
        i, j = bisect_left(positions, mark.start, a, b), bisect_left(positions, mark.end, a, b)
        if i < cursor or i >= j:
            continue
        pieces.append(escape(content[cursor:i], quote=False))
        pieces.append(f"{mark.open}{escape(content[i:j], quote=False)}{mark.close}")
        cursor = j
    pieces.append(escape(content[cursor:b], quote=False))
    return "".join(pieces)


def _render_text(content: str, positions: list[int], marks: Marks, sentences: Marks, linkable: bool) -> str:
    """One text token: each sentence piece in a ``<span class="s">``, the first carrying its anchor id."""
    first, last = positions[0], positions[-1] + 1
    out, cursor = [], 0
    for sentence in sentences.overlapping(first, last):
        if sentence.end <= first or sentence.start >= last:
            continue
        a = max(bisect_left(positions, sentence.start), cursor)
        b = bisect_left(positions, sentence.end)
        out.append(_with_marks(content, positions, cursor, a, marks, linkable))
        ident = f' id="{sentence.open}"' if sentence.start >= first else ""
        inner = _with_marks(content, positions, a, b, marks, linkable)
        out.append(f'<span class="s" data-s="{sentence.open}"{ident}>{inner}</span>')
        cursor = b
    out.append(_with_marks(content, positions, cursor, len(content), marks, linkable))
    return "".join(out)


class Marks:
    """Non-overlapping marks sorted by start, found by range in logarithmic time (long articles
    have tens of thousands)."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = sorted(marks, key=lambda mark: mark.start)
        self.ends = [mark.end for mark in self.marks]  # ascending too, since marks do not overlap

    def overlapping(self, low: int, high: int) -> list[Mark]:
        """The marks that reach into ``[low, high)``."""
        first = bisect_right(self.ends, low)
        last = first
        while last < len(self.marks) and self.marks[last].start < high:
            last += 1
        return self.marks[first:last]


def annotate_tokens(tokens: list[Token], body: str, marks: list[Mark], sentences: list[Mark]) -> None:
    """Store the rendered HTML of every inline text token in ``token.meta["html"]``."""
    inline, spans = Marks(marks), Marks(sentences)
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(body)), len(body) + 1]
    for block in tokens:
        if block.type != "inline" or not block.children or block.map is None:
            continue
        first_line, last_line = block.map
        cursor = line_starts[min(first_line, len(line_starts) - 1)]
        source_end = line_starts[min(last_line, len(line_starts) - 1)]
        link_depth = 0
        for child in block.children:
            if child.type == "link_open":
                link_depth += 1
            elif child.type == "link_close":
                link_depth -= 1
            elif child.type == "text" and child.content:
                positions, cursor = _align(child.content, body, cursor, source_end)
                if positions is not None:
                    child.meta["html"] = _render_text(
                        child.content, positions, inline, spans, link_depth == 0
                    )


def _text_rule(self, tokens: list[Token], idx: int, options, env) -> str:
    token = tokens[idx]
    return token.meta.get("html") or escape(token.content, quote=False)


def render_body(
    annotated: AnnotatedArticle,
    entities: dict[str, Entity],
    topic_href: Callable[[str], str],
    parsers: dict[str, MarkdownIt],
) -> str:
    parser = parsers[annotated.article.markup]
    parser.add_render_rule("text", _text_rule)
    tokens = parser.parse(annotated.article.body)
    marks, sentences = body_marks(annotated, entities, topic_href)
    annotate_tokens(tokens, annotated.article.body, marks, sentences)
    html = parser.renderer.render(tokens, parser.options, {})
    return sanitize(html) if parser.options.get("html") else html
