"""Per-entity topic data: where an entity is named, with whom, when, and in which events."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date

from dossier.model import TITLE, AnnotatedArticle, Entity, Event, Topic, TopicArticle
from dossier.timex import month_value, shift_month


def _sentence_index(annotated: AnnotatedArticle) -> tuple[list[int], list[str]]:
    starts = [s.start for s in annotated.sentences]
    return starts, [s.anchor for s in annotated.sentences]


def _surface_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("’", "'").casefold()


def _months_between(first: date, last: date) -> list[str]:
    months, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        months.append(month_value(year, month))
        year, month = shift_month(year, month, 1)
    return months


def build_topics(
    articles: list[AnnotatedArticle], entities: dict[str, Entity], timeline: tuple[Event, ...]
) -> dict[str, Topic]:
    """One topic per entity that the corpus mentions, keyed by entity id, in registry order."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)  # entity → slug → mentions
    first: dict[tuple[str, str], tuple[str, str]] = {}  # (entity, slug) → (sentence, anchor)
    together: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    spelled: dict[str, dict[str, str]] = defaultdict(dict)
    months: dict[str, Counter[str]] = defaultdict(Counter)
    seen_days: dict[str, list[date]] = defaultdict(list)
    for annotated in articles:
        starts, anchors = _sentence_index(annotated)
        by_sentence: dict[int, set[str]] = defaultdict(set)
        day = annotated.published.day
        for mention in annotated.mentions:
            entity, slug = mention.entity, annotated.slug
            counts[entity][slug] += 1
            key = _surface_key(mention.text)
            surfaces[entity][key] += 1
            spelled[entity].setdefault(key, mention.text)
            if day is not None:
                months[entity][month_value(day.year, day.month)] += 1
            if mention.field == TITLE:
                sentence, place = -1, (annotated.article.title, "")
            else:
                sentence = bisect_right(starts, mention.start) - 1
                place = (annotated.sentences[sentence].text, anchors[sentence]) if sentence >= 0 else ("", "")
            by_sentence[sentence].add(entity)
            # the first sentence of the body that names the entity; the title only if the body never does
            known = first.get((entity, slug))
            if known is None or (not known[1] and place[1]):
                first[(entity, slug)] = place
        for names in by_sentence.values():
            for a in names:
                together[a].update(b for b in names if b != a)
        if day is not None:
            for entity in {m.entity for m in annotated.mentions}:
                seen_days[entity].append(day)
    published = {a.slug: a.published.day or date.min for a in articles}
    all_days = [d for days in seen_days.values() for d in days]
    span = _months_between(min(all_days), max(all_days)) if all_days else []
    topics = {}
    for entity_id, entity in entities.items():
        if entity_id not in counts:
            continue
        per_article = counts[entity_id]
        ordered = sorted(per_article, key=lambda s: (-per_article[s], -published[s].toordinal(), s))
        days = seen_days.get(entity_id, [])
        topics[entity_id] = Topic(
            entity=entity,
            mentions=sum(per_article.values()),
            articles=tuple(TopicArticle(s, per_article[s], *first[(entity_id, s)]) for s in ordered),
            cooccurring=tuple(
                sorted(
                    ((other, n) for other, n in together[entity_id].items() if other in entities),
                    key=lambda p: (-p[1], p[0]),
                )
            ),
            events=tuple(e for e in timeline if entity_id in e.entities),
            aliases_seen=tuple(spelled[entity_id][k] for k, _ in surfaces[entity_id].most_common()),
            first_seen=min(days, default=None),
            last_seen=max(days, default=None),
            by_month=tuple((m, months[entity_id].get(m, 0)) for m in span),
        )
    return topics
