"""What an edit changed: the keys it touched, and what the refresh of derived data changed.

Each stage reads these to decide what to do again: the analysis recomputes the
events, related articles and cross-article views of touched keys; each page
kind says which of its pages a change makes dirty (``PAGE_KINDS`` in ``render/pages.py``).
Plain data and one rule (:func:`touch`), so every stage may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")
Sentence = tuple[int, str]  # a sentence's index, and the signature of what it reports


@dataclass(slots=True)
class Touched:
    """The keys an edit touched: what the refresh has to recompute."""

    slugs: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    buckets: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)  # publication days of undated sentences
    tags: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    authors: set[str] = field(default_factory=set)
    positions: set[tuple[str, str, str]] = field(
        default_factory=set
    )  # (entity, day, slug) of comings and goings
    groups: set[str] = field(default_factory=set)  # "kind:group" of findings gathered across articles
    cards: set[str] = field(default_factory=set)  # slugs whose listing card changed
    lines: set[str] = field(default_factory=set)  # slugs whose title, source, authors or date changed
    listing: bool = False  # the set or order of articles changed
    addresses: bool = False  # the redirects from past addresses changed (see addresses.py)

    def __bool__(self) -> bool:
        return bool(self.slugs or self.listing or self.addresses)

    def update(self, other: Touched) -> None:
        """Add the keys ``other`` touched to these."""
        for key in fields(self):
            mine, theirs = getattr(self, key.name), getattr(other, key.name)
            if isinstance(mine, set):
                mine.update(theirs)
        self.listing = self.listing or other.listing


@dataclass(slots=True)
class Contribution:
    """What one version of an article put in the cache, to compare with its next version."""

    day: str | None
    source: str
    card: str  # digest of its card with the excerpt
    line: str  # and without
    mentions: dict[str, list[int | str]]  # entity → [count, first sentence, anchor]
    pairs: dict[tuple[str, str], int]
    spellings: dict[tuple[str, str], int]
    reports: dict[str, list[Sentence]]  # bucket → (sentence, signature) of its dated sentences
    undated: list[Sentence]  # (sentence, signature) of the sentences that may recount a happening
    tags: frozenset[str]
    authors: frozenset[str]
    # entity → digest of the findings its topic page shows (what it said, …: see model.FindingKind)
    findings: dict[str, str] = field(default_factory=dict)
    # "kind:group" → digest of its findings in the article (a speaker's statements: model.FindingKind)
    groups: dict[str, str] = field(default_factory=dict)


def _differing(old: Mapping[K, V], new: Mapping[K, V]) -> set[K]:
    """The keys whose values differ between two dicts (a missing key counts as a difference)."""
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def touch(touched: Touched, slug: str, old: Contribution | None, new: Contribution | None) -> None:
    """Note the keys whose derived data may change when ``old`` becomes ``new`` (either may be None).

    An edit that leaves an article's card, dates and names alone touches its own page and little
    else; one that adds a dated sentence about two entities touches their topics and one bucket.
    """
    touched.slugs.add(slug)
    versions = [c for c in (old, new) if c is not None]
    before = old or Contribution(None, "", "", "", {}, {}, {}, {}, [], frozenset(), frozenset())
    after = new or Contribution(None, "", "", "", {}, {}, {}, {}, [], frozenset(), frozenset())
    replaced = old is not None and new is not None
    moved = not replaced or before.day != after.day
    card_changed = moved or before.card != after.card
    if card_changed:
        touched.cards.add(slug)
        touched.listing = True
    if moved or before.line != after.line:  # every topic lists it; events, related lists and voices name it
        touched.lines.add(slug)
        touched.entities.update(before.mentions.keys() | after.mentions.keys())
        touched.groups.update(before.groups.keys() | after.groups.keys())
    else:
        touched.entities.update(_differing(before.mentions, after.mentions))
        touched.groups.update(_differing(before.groups, after.groups))
    # Related articles rank candidates by the entities they share: when an article's set of entities
    # changes, any article that finds it as a candidate, through any entity, may rank it anew.
    if moved or before.mentions.keys() != after.mentions.keys():
        members = before.mentions.keys() | after.mentions.keys()
        for version in versions:
            touched.positions.update((e, version.day or "", slug) for e in members)
    for a, b in _differing(before.pairs, after.pairs):
        touched.entities.update((a, b))
    touched.entities.update(e for e, _ in _differing(before.spellings, after.spellings))
    touched.entities.update(_differing(before.findings, after.findings))  # what they said, …
    if moved:  # its sentences' places in the corpus order changed too
        touched.buckets.update(before.reports.keys() | after.reports.keys())
    else:
        touched.buckets.update(_differing(before.reports, after.reports))
    if moved or before.undated != after.undated:
        touched.days.update(v.day for v in versions if v.day and v.undated)
    if card_changed:  # lists show the card
        tags = before.tags | after.tags
        authors = before.authors | after.authors
        sources = {before.source, after.source} if replaced else {v.source for v in versions}
    else:
        tags = before.tags ^ after.tags
        authors = before.authors ^ after.authors
        sources = set()
    touched.tags.update(tags)
    touched.authors.update(authors)
    touched.sources.update(sources)


@dataclass(slots=True)
class Refreshed:
    """What changed in the derived data: which pages need another look."""

    events: set[str] = field(default_factory=set)  # ids of events added, removed or changed
    years: set[str] = field(default_factory=set)  # years whose timeline changed
    event_entities: set[str] = field(default_factory=set)
    event_slugs: set[str] = field(default_factory=set)  # articles whose list of events changed
    related: set[str] = field(default_factory=set)  # articles whose related articles changed
    views: set[str] = field(default_factory=set)  # cross-article views recomputed (voices, figures, …)
    summaries: set[str] = field(default_factory=set)  # topics whose summary was made again
    reassembled: set[str] = field(default_factory=set)  # events stored anew: their exports are due
