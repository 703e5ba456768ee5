"""The extract stage: Article → AnnotatedArticle.

Extraction is an ordered list of named steps over a scratch state, so a
test can run any prefix of it. Each article is extracted on its own (no
cross-article state), which is what lets the build extract in parallel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from dossier.extract.arabic import writes_arabic
from dossier.extract.dates import (
    Anchor,
    find_candidates,
    infer_publication,
    resolve_candidates,
    settle_publication,
)
from dossier.extract.dates.address import publication_in_address
from dossier.extract.dates.arabic import find_arabic_candidates
from dossier.extract.entities import Match, Matcher, resolve_mentions
from dossier.extract.figures import find_figures
from dossier.extract.figures_arabic import find_arabic_figures
from dossier.extract.names import unknown_names
from dossier.extract.quotes import find_statements
from dossier.extract.quotes.arabic import find_arabic_statements
from dossier.extract.sentences import split_sentences
from dossier.extract.tokens import Tokens, tokenize
from dossier.model import (
    FIGURES,
    PLACE_TYPES,
    STATEMENTS,
    TITLE,
    AnnotatedArticle,
    Article,
    DateMention,
    FindingKind,
    Mention,
    NameOccurrence,
    PublicationDate,
    Sentence,
)
from dossier.timex import parse_timex

R = TypeVar("R")

# Parts of Markdown that are addresses, code or markup rather than prose. Each run of characters is
# possessive (``{0,2000}+``): what may follow it is never in its class, so giving characters back
# could not make a match, and a text of many "](" or "<a" would otherwise be retried 2,000 times
# over at every one of them.
_NOT_PROSE = re.compile(
    r"\]\([^)\s]{0,2000}+(?:\s+\"[^\"\n]{0,500}+\")?\)|<https?://[^>\n]{0,2000}+>|https?://\S+"
    r"|`[^`\n]{0,2000}+`|<[A-Za-z/!][^>\n]{0,2000}+>|^\[[^\]\n]{1,500}+\]:.*$",
    re.MULTILINE,
)


def prose_view(article: Article) -> str:
    """The body with link targets, code and HTML blanked out, offsets unchanged."""
    if article.markup != "markdown":
        return article.body
    return _NOT_PROSE.sub(lambda m: " " * len(m.group()), article.body)


@dataclass(slots=True)
class ExtractionState:
    article: Article
    matcher: Matcher
    prose: str = ""
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    published: PublicationDate = field(default_factory=lambda: PublicationDate(None))
    body_tokens: Tokens | None = None
    body_matches: list[Match] = field(default_factory=list)
    unknown_names: tuple[NameOccurrence, ...] = ()
    findings: dict[FindingKind[Any], tuple[Any, ...]] = field(default_factory=dict)  # kind → records
    arabic: bool = False  # written in Arabic: dates, statements and figures by the Arabic rules

    def keep(self, kind: FindingKind[R], records: Iterable[R]) -> None:
        """File a step's findings of one kind: the build stores them as they are (see FindingKind)."""
        self.findings[kind] = tuple(records)


def find_sentences(state: ExtractionState) -> None:
    state.prose = prose_view(state.article)
    state.arabic = writes_arabic(state.article.language, state.prose)
    state.sentences = tuple(
        Sentence(s.index, s.start, s.end, state.article.body[s.start : s.end])
        for s in split_sentences(state.prose, lines=state.article.markup == "text")
    )


def find_entities(state: ExtractionState) -> None:
    article = state.article
    state.body_tokens = tokenize(state.prose)
    title_matches, state.body_matches = state.matcher.scan_article(tokenize(article.title), state.body_tokens)
    found = resolve_mentions(article.title, title_matches, state.prose, state.body_matches)
    state.mentions = tuple(
        m if m.field == TITLE else Mention(m.entity, m.start, m.end, article.body[m.start : m.end], m.field)
        for m in found
    )


def find_dates(state: ExtractionState) -> None:
    """Tag dates against the publication date; when it is unknown, the one its URL or file name
    gives, else one inferred from the text."""
    article = state.article
    if state.arabic:  # Arabic's own rules, resolved by the same conventions
        body_candidates = find_arabic_candidates(state.prose)
        title_candidates = find_arabic_candidates(article.title)
    else:
        body_candidates = find_candidates(state.prose, tokens=state.body_tokens)
        title_candidates = find_candidates(article.title)
    anchor = Anchor(article.published)
    published = PublicationDate(parse_timex(article.published.isoformat()) if article.published else None)
    resolved = None
    if article.published is None:
        estimate = publication_in_address(article.url, article.source_path) or infer_publication(
            resolve_candidates(body_candidates, state.prose, anchor), state.prose
        )
        if estimate is not None:
            anchor = Anchor(estimate.last_day, inferred=True)
            resolved = resolve_candidates(body_candidates, state.prose, anchor)
            settled = settle_publication(estimate, resolved, state.prose)
            if settled is not estimate:  # resolved again against the later day
                estimate, anchor, resolved = settled, Anchor(settled.last_day, inferred=True), None
            published = PublicationDate(estimate, inferred=True)
    if resolved is None:
        resolved = resolve_candidates(body_candidates, state.prose, anchor)
    title = resolve_candidates(title_candidates, article.title, anchor, TITLE)
    body = [
        DateMention(d.start, d.end, article.body[d.start : d.end], d.value, d.kind, d.mod, d.field)
        for d in resolved
    ]
    state.dates = (*title, *body)
    state.published = published


def find_unknown_names(state: ExtractionState) -> None:
    """Capitalized names outside the registry's matches, for ``build.py suggest``."""
    matcher = state.matcher
    if state.body_tokens is None:
        return
    state.unknown_names = tuple(
        NameOccurrence(state.article.body[n.start : n.end], n.key, n.start, n.end, n.initial, n.field)
        for n in unknown_names(
            state.body_tokens, state.body_matches, state.sentences, matcher.edge_words, matcher.single_keys
        )
    )


def find_voices(state: ExtractionState) -> None:
    """Who said what: quotations and reported speech with their speakers."""
    matcher = state.matcher
    body = state.article.body
    if state.arabic:
        arabic = find_arabic_statements(
            state.prose,
            state.sentences,
            state.mentions,
            matcher.types,
            lambda phrase: registry_entity(matcher, phrase),
            state.dates,
        )
        state.keep(STATEMENTS, (replace(st, text=body[st.start : st.end]) for st in arabic))
        return
    found = find_statements(
        state.prose,
        state.sentences,
        state.mentions,
        matcher.types,
        state.dates,
        lambda phrase: registry_entity(matcher, phrase),
        state.article.title,
        matcher.descriptions,
        state.article.authors,
    )
    # found on the prose view (code and links blanked), told as the body has it: “We will not accept
    # `any` foreign bases” keeps its backticked word
    state.keep(STATEMENTS, (replace(st, text=body[st.start : st.end]) for st in found))


def registry_entity(matcher: Matcher, phrase: str) -> str | None:
    """The registry entity a whole phrase names ("Sudanese armed forces", "the United States")."""
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    for candidate in dict.fromkeys((phrase, phrase.title())):
        for match in matcher.find(candidate):
            if match.entity is not None and match.start == 0 and match.end >= len(candidate) - 1:
                return match.entity
    return None


def find_numbers(state: ExtractionState) -> None:
    """Numeric claims: what they count, where, and the date they hold for."""
    types = state.matcher.types
    places = frozenset(e for e, kind in types.items() if kind in PLACE_TYPES)
    countries = frozenset(e for e, kind in types.items() if kind == "country")
    if state.arabic:
        figures = find_arabic_figures(state.prose, state.sentences, state.mentions, state.dates, places)
    else:
        figures = find_figures(
            state.prose,
            state.sentences,
            state.mentions,
            state.dates,
            places,
            countries,
            state.matcher.demonyms,
        )
    body = state.article.body
    sentences = {s.index: s for s in state.sentences}
    told = (
        replace(f, text=body[f.start : f.end], context=_context_of(sentences.get(f.sentence), f.start, f.end))
        for f in figures
    )
    state.keep(FIGURES, told)


def _context_of(sentence: Sentence | None, start: int, end: int, width: int = 160) -> str:
    """The sentence a figure is in, cut to ``width`` characters each side of it."""
    if sentence is None:
        return ""
    low, high = max(sentence.start, start - width), min(sentence.end, end + width)
    return " ".join(sentence.text[low - sentence.start : high - sentence.start].split())


STEPS: tuple[tuple[str, Callable[[ExtractionState], None]], ...] = (
    ("sentences", find_sentences),
    ("entities", find_entities),
    ("dates", find_dates),
    ("unknown names", find_unknown_names),
    ("statements", find_voices),
    ("figures", find_numbers),
)


def extract_article(article: Article, matcher: Matcher) -> AnnotatedArticle:
    state = ExtractionState(article, matcher)
    for _name, step in STEPS:
        step(state)
    return AnnotatedArticle(
        article=article,
        published=state.published,
        sentences=state.sentences,
        mentions=state.mentions,
        dates=state.dates,
        unknown_names=state.unknown_names,
        findings=tuple(state.findings.items()),
        language=article.language or ("ar" if state.arabic else None),
    )
