"""The analyze stage: [AnnotatedArticle] → Corpus.

All articles are read and extracted before this runs, so every cross-article
view (timeline, topics, related articles, sources) sees the whole story at
once. Nothing here formats HTML.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date

from dossier.analyze.suggest import build_suggestions
from dossier.analyze.timeline import build_timeline
from dossier.analyze.topics import build_topics
from dossier.model import AnnotatedArticle, Corpus, Entity, Source, Tag
from dossier.slugs import slugify

UNATTRIBUTED = "Source not given"


def newest_first(articles: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Most recent publication first; undated articles last; ties by title."""
    dated = sorted(
        (a for a in articles if a.published.day), key=lambda a: (a.published.day, a.slug), reverse=True
    )
    undated = sorted((a for a in articles if not a.published.day), key=lambda a: a.slug)
    return dated + undated


def related_articles(articles: list[AnnotatedArticle], limit: int) -> dict[str, tuple[str, ...]]:
    """For each article, the others that share the most (and the rarest) entities with it."""
    counts = {a.slug: Counter(m.entity for m in a.mentions) for a in articles}
    frequency = Counter(e for c in counts.values() for e in c)
    weight = {e: math.log(1 + len(articles) / n) for e, n in frequency.items()}
    holders: dict[str, list[str]] = defaultdict(list)
    for slug, c in counts.items():
        for entity in c:
            holders[entity].append(slug)
    day = {a.slug: a.published.day or date.min for a in articles}
    related = {}
    for slug, mine in counts.items():
        scores: Counter[str] = Counter()
        for entity, n in mine.items():
            for other in holders[entity]:
                if other != slug:
                    scores[other] += weight[entity] * min(
                        1 + math.log(n), 1 + math.log(counts[other][entity])
                    )
        ranked = sorted(scores, key=lambda o: (-round(scores[o], 9), abs((day[o] - day[slug]).days), o))
        related[slug] = tuple(ranked[:limit])
    return related


def collect_tags(articles: list[AnnotatedArticle]) -> tuple[Tag, ...]:
    names: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for annotated in articles:
        for tag in annotated.article.tags:
            slug = slugify(tag) or "tag"
            names.setdefault(slug, tag)
            members[slug].append(annotated.slug)
    return tuple(Tag(names[s], s, tuple(members[s])) for s in sorted(names))


def collect_sources(articles: list[AnnotatedArticle]) -> tuple[tuple[Source, ...], tuple[Source, ...]]:
    """Publications (with their authors) and authors, each with their articles, newest first."""
    by_source: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    by_author: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for annotated in articles:
        by_source[annotated.article.source or UNATTRIBUTED].append(annotated)
        for author in annotated.article.authors:
            by_author[author].append(annotated)

    def record(name: str, items: list[AnnotatedArticle], with_authors: bool) -> Source:
        authors = (
            tuple(dict.fromkeys(a for item in items for a in item.article.authors)) if with_authors else ()
        )
        return Source(name, slugify(name) or "source", tuple(i.slug for i in items), authors)

    order = lambda pair: (pair[0] == UNATTRIBUTED, -len(pair[1]), pair[0].casefold())  # noqa: E731
    sources = tuple(record(n, items, True) for n, items in sorted(by_source.items(), key=order))
    authors = tuple(record(n, items, False) for n, items in sorted(by_author.items(), key=order))
    return sources, authors


def analyze(annotated: list[AnnotatedArticle], entities: dict[str, Entity], related_limit: int = 4) -> Corpus:
    ordered = newest_first(annotated)
    timeline = build_timeline(list(reversed(ordered)))
    sources, authors = collect_sources(ordered)
    return Corpus(
        articles=tuple(ordered),
        entities=entities,
        topics=build_topics(ordered, entities, timeline),
        timeline=timeline,
        related=related_articles(ordered, related_limit),
        tags=collect_tags(ordered),
        sources=sources,
        authors=authors,
        by_slug={a.slug: a for a in ordered},
        suggestions=build_suggestions(ordered),
    )
