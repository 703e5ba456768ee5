"""Undated reports: sentences that recount a dated happening without giving its date.

"This move comes in the wake of a US drone strike in Baghdad that killed a
pro-Iran commander" names no day, but an article published two days after the
4 January strike is reporting that strike. A sentence joins a happening when
its article appeared within a fortnight of it, it has no date of its own, and
it shares enough rare words and names with the happening's reports. Each
article lends at most one such sentence to a happening, and each sentence goes
to at most one happening.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta

from dossier.analyze.events import Report, finest, sentence_features
from dossier.analyze.similarity import weighted_overlap
from dossier.model import BODY, AnnotatedArticle

WINDOW = timedelta(days=14)
THRESHOLD = 0.3
PRECISE = frozenset({"day", "week"})


def undated_sentences(articles: list[AnnotatedArticle], reports: list[Report]) -> list[Report]:
    """Sentences without a date of their own, as dateless reports (from articles with a known date)."""
    dated = {(r.slug, r.sentence.index) for r in reports}
    found = []
    for article_order, annotated in enumerate(articles):
        if annotated.published.value is None or annotated.published.inferred:
            continue
        body = annotated.article.body
        for sentence in annotated.sentences:
            if (annotated.slug, sentence.index) in dated:
                continue
            mentions = [
                m for m in annotated.mentions if m.field == BODY and sentence.start <= m.start < sentence.end
            ]
            features = sentence_features(body, sentence.start, sentence.end, mentions)
            found.append(
                Report(
                    order=article_order * 100_000 + sentence.index,
                    slug=annotated.slug,
                    sentence=sentence,
                    date=annotated.published.value,  # replaced by the happening's date when attached
                    mod=None,
                    date_text="",
                    inferred=False,
                    entities=tuple(dict.fromkeys(m.entity for m in mentions)),
                    features=features,
                    local=features,
                    dated=False,
                )
            )
    return found


def corroborate(
    groups: list[list[Report]], undated: list[Report], weights: dict[str, float]
) -> list[list[Report]]:
    """Add to each precisely dated happening the undated sentences that recount it."""
    undated = sorted(undated, key=lambda u: u.date.first_day)
    days = [u.date.first_day for u in undated]
    best: dict[tuple[int, str], tuple[float, int, Report]] = {}  # (group, article) → best sentence
    claimed: dict[int, tuple[float, int]] = {}  # sentence order → (score, group)
    for index, group in enumerate(groups):
        date = finest(group).date
        if date.granularity not in PRECISE:
            continue
        features = frozenset().union(*(r.features for r in group))
        reporting = {r.slug for r in group}
        for candidate in undated[
            bisect_left(days, date.first_day) : bisect_right(days, date.last_day + WINDOW)
        ]:
            if candidate.slug in reporting:
                continue
            score = weighted_overlap(candidate.features, features, weights)
            if score < THRESHOLD:
                continue
            key = (index, candidate.slug)
            if key not in best or score > best[key][0]:
                best[key] = (score, index, candidate)
    chosen: dict[int, list[Report]] = defaultdict(list)
    for score, index, candidate in sorted(best.values(), key=lambda t: (-t[0], t[1], t[2].order)):
        if candidate.order in claimed:
            continue
        claimed[candidate.order] = (score, index)
        chosen[index].append(replace(candidate, date=finest(groups[index]).date))
    return [sorted(group + chosen.get(i, []), key=lambda r: r.order) for i, group in enumerate(groups)]
