"""Undated reports: sentences that recount a dated happening without giving its date.

"This move comes in the wake of a US drone strike in Baghdad that killed a
pro-Iran commander" names no day, but an article published two days after the
4 January strike is reporting that strike. A sentence of an article published
on day D may join a happening dated to a day or week at most a fortnight
before D, if it shares a name that is not a place with it and enough of its
words and names (weighted as for merging). Each sentence goes to its best
happening; each article lends at most one sentence to a happening. Whether a
sentence joins depends only on its day's sentences and the happenings around
that day, so an edit re-decides only the days it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analyze.similarity import weighted_overlap
from dossier.features import FeatureWeights
from dossier.model import PLACE_TYPES, SentenceReport, TimelineEvent

THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class Attachment:
    event: str
    score: float


def attach_day(
    sentences: Sequence[tuple[str, SentenceReport]],
    events: list[TimelineEvent],
    weight: FeatureWeights,
    entity_types: dict[str, str],
    totals: dict[str, int] | None = None,
) -> dict[tuple[str, int], Attachment]:
    """For the undated sentences published on one day, the happening each recounts (if any).

    ``events`` are the precise events whose report window holds that day; ``totals``
    keeps their feature weights from one day to the next.
    """
    totals = {} if totals is None else totals
    best: dict[tuple[str, int], Attachment] = {}
    reporters = {event.id: {s.slug for s in event.dated} for event in events}
    names = {event.id: set(event.entities) for event in events}
    for event in events:
        if event.id not in totals:
            totals[event.id] = weight.total(event.features)
    for slug, sentence in sentences:
        specific = {e for e in sentence.entities if entity_types.get(e) not in PLACE_TYPES}
        own_total = sentence.features_weight
        choice: Attachment | None = None
        for event in events:
            if slug in reporters[event.id] or specific.isdisjoint(names[event.id]):
                continue
            score = weighted_overlap(sentence.features, event.features, weight, own_total, totals[event.id])
            if score >= THRESHOLD and (choice is None or score > choice.score):
                choice = Attachment(event.id, score)
        if choice is not None:
            best[(slug, sentence.sentence)] = choice
    # one sentence per article and happening: the most alike
    kept: dict[tuple[str, str], tuple[tuple[str, int], Attachment]] = {}
    for (slug, index), attachment in sorted(best.items()):
        key = (slug, attachment.event)
        if key not in kept or attachment.score > kept[key][1].score:
            kept[key] = ((slug, index), attachment)
    return dict(kept.values())
