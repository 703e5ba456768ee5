"""Related articles: the ones that share the most telling names, published close in time.

For each article, candidates are the articles published nearest in time among
those naming each of its five most telling entities (people and groups before
countries); they are ranked by the weight of the entities they share, then by
closeness in time. Looking only at neighbours in time keeps the cost per article
fixed however large the archive, and means an edit can change the related
articles only of its neighbours.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from dossier.features import FeatureWeights

TELLING = 5  # entities of an article that look for candidates
NEIGHBOURS = 10  # candidates taken from each entity's articles
Posting = Sequence[tuple[str, str]]  # (day, slug) of the articles naming an entity, oldest first
# (entity, day, slug, before, after) → up to ``before`` entries of the entity's posting before (day, slug)
# and ``after`` from it on, in order
Window = Callable[[str, str, str, int, int], Posting]


def _day_number(day: str) -> int:
    return int(day.replace("-", "")) if day else 0


def posting_window(posting: Posting, day: str, slug: str, before: int, after: int) -> Posting:
    """A :data:`Window` over a posting held in memory."""
    position = bisect_left(posting, (day, slug))
    return posting[max(0, position - before) : position + after]


def telling_entities(entities: set[str], weight: FeatureWeights) -> list[str]:
    return sorted(entities, key=lambda e: (-weight.entity(e), e))[:TELLING]


def neighbours(window: Window, entity: str, day: str, slug: str) -> list[str]:
    """The articles naming ``entity`` nearest to (day, slug) in time, itself excluded."""
    entries = [e for e in window(entity, day, slug, NEIGHBOURS, NEIGHBOURS + 1) if e[1] != slug]
    target = _day_number(day)
    entries.sort(key=lambda entry: (abs(_day_number(entry[0]) - target), entry[1]))
    return [s for _, s in entries[:NEIGHBOURS]]


def related_to(
    slug: str,
    day: str,
    entities: set[str],
    window: Window,
    entity_sets: Callable[[list[str]], dict[str, set[str]]],
    days: Callable[[list[str]], dict[str, str]],
    weight: FeatureWeights,
    limit: int,
) -> list[str]:
    """The ``limit`` articles most related to one article."""
    candidates: list[str] = []
    for entity in telling_entities(entities, weight):
        candidates.extend(neighbours(window, entity, day, slug))
    candidates = list(dict.fromkeys(candidates))
    if not candidates or limit == 0:
        return []
    their_entities = entity_sets(candidates)
    their_days = days(candidates)
    target = _day_number(day)

    def rank(other: str) -> tuple[int, int, str]:
        shared = entities & their_entities.get(other, set())
        return (
            -sum(weight.entity(e) for e in shared),
            abs(_day_number(their_days.get(other, "")) - target),
            other,
        )

    return sorted(candidates, key=rank)[:limit]


def affected_by(window: Window, entity: str, day: str, slug: str) -> list[str]:
    """Articles whose candidates may include an article that came or went at (day, slug)."""
    return [s for _, s in window(entity, day, slug, NEIGHBOURS + 1, NEIGHBOURS + 2)]
