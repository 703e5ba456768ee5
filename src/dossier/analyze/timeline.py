"""The timeline: reports of dates → merged events, with undated reports attached, in order."""

from __future__ import annotations

from dossier.analyze.corroborate import corroborate, undated_sentences
from dossier.analyze.events import collect_reports, event_from, finest, merge_reports
from dossier.analyze.similarity import inverse_frequencies
from dossier.model import AnnotatedArticle, Event


def build_timeline(articles: list[AnnotatedArticle]) -> tuple[Event, ...]:
    """The merged, chronological timeline of ``articles`` (given oldest first, so sources are too)."""
    reports = collect_reports(articles)
    undated = undated_sentences(articles, reports)
    weights = inverse_frequencies(
        [*(r.features for r in reports), *(r.local for r in reports), *(u.features for u in undated)]
    )
    groups = corroborate(merge_reports(reports, weights), undated, weights)
    ordered = sorted(groups, key=lambda g: (finest(g).date.sort_key, g[0].order))
    return tuple(event_from(group) for group in ordered)
