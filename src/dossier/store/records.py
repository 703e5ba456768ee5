"""The records the store reads back: stored records decoded, and the light rows of its listings.

Rows read in bulk (a topic's articles, a list's cards) are named tuples: typed,
named and as cheap to read as the bare tuples SQLite returns. Stored records are
JSON, read back as the class the reader names.
"""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

from dossier.model import Card, FileHead, SentenceReport, TimelineEvent
from dossier.store.codec import RecordDamaged, decode, encode

R = TypeVar("R")


def dumps(record: object) -> str:
    """A record as stored: compact JSON (see :mod:`dossier.store.codec`)."""
    return encode(record)


class CacheDamaged(Exception):
    """A stored record cannot be read back: the cache file is damaged, or was made by hand."""


def loads(cls: type[R], text: str) -> R:
    """A stored record of class ``cls``; text that is not one raises :class:`CacheDamaged` (the build
    sets the cache aside and starts afresh). Being JSON, a cache file can never run code."""
    try:
        return decode(cls, text)
    except RecordDamaged as error:
        raise CacheDamaged(f"a stored record cannot be read ({error})") from None


class EventBrief(NamedTuple):
    """What a list of events shows of one, read without loading the event and all its sources."""

    id: str
    label: str
    date: str
    inferred: int
    first_day: str
    within_month: int
    sources: int  # articles reporting it
    lead: str  # the sentence that reports it first


class Listed(NamedTuple):
    """An article in a list: what a page's key is made of, read from a covering index."""

    slug: str
    digest: str  # of everything the list shows of it
    day: str | None  # its publication day


class SourceEntry(NamedTuple):
    """An article file as the last build saw it: its stamps, content digest and parsed head."""

    mtime_ns: int
    size: int
    digest: str
    head: FileHead  # what the scan needs of it without reading the file again


class StoredArticle(NamedTuple):
    """What an article's own page shows."""

    card: Card
    url: str | None
    tags: tuple[str, ...]
    summary: str | None
    counts: tuple[tuple[str, int], ...]  # entity → mentions
    body: str  # rendered HTML


class Placed(NamedTuple):
    """Where a dated sentence stands in the corpus (its report is read once per signature)."""

    slug: str
    day: str | None
    sentence: int
    anchor: str
    signature: str


class TopicLine(NamedTuple):
    """An article on a topic's page: how often it names the entity, and its first such sentence."""

    mentions: int
    sentence: str
    anchor: str


class EventOfArticle(NamedTuple):
    """An event as an article's page lists it, with that article's own sentence about it."""

    label: str
    date: str
    inferred: int
    first_day: str
    within_month: int
    anchor: str
    sentence: str


class Attached(NamedTuple):
    """Which event an undated sentence is attached to, and what the event shows of it."""

    event: str
    anchor: str
    text: str


class AttachedSentence(NamedTuple):
    """An undated sentence attached to an event (see analyze/corroborate.py)."""

    day: str
    slug: str
    sentence: int
    anchor: str
    text: str


class GroupPage(NamedTuple):
    """A page of the last build, the group it was rendered in, the fingerprint of what it shows and
    the digest of what search indexes of it."""

    group: str
    path: str
    fingerprint: str
    indexed: str


class FoundIn(NamedTuple, Generic[R]):
    """A finding (a statement, a figure, …) and the article it is in."""

    slug: str
    day: str | None
    record: R


class Undated(NamedTuple):
    slug: str
    report: SentenceReport


class SourceTally(NamedTuple):
    """How often one outlet names one entity."""

    source: str  # "" for articles that name none
    entity: str
    mentions: int
    articles: int


class NameSighting(NamedTuple):
    """A capitalized name the registry does not know, where it was seen."""

    key: str
    slug: str
    path: str
    position: int
    text: str
    initial: int
    context: str
    canon: str


class NameTally(NamedTuple):
    """How often a name (by its canonical key) is seen, and whether only at sentence starts."""

    canon: str
    seen: int  # times
    only_initial: bool


class Stamp(NamedTuple):
    """An article file's modification time and size, as the last build saw them."""

    mtime_ns: int
    size: int


class Redirect(NamedTuple):
    """A past address of an article, and where it is now."""

    old: str
    new: str


class Filed(NamedTuple):
    """An entry of an export (an article, a statement, an event), the period it is filed under
    (its month, its year; "" when it has no date) and the digest of its current version."""

    period: str
    name: str
    key: str


class Keyed(NamedTuple):
    """Something (an article's slug or path, an event's id) and the digest of its current version."""

    name: str
    key: str


class ArticleVersion(NamedTuple):
    key: str  # of this version of the article
    card_digest: str  # of what lists show of it


class BucketReports(NamedTuple):
    """A bucket's dated sentences where they stand, and one report per signature."""

    placed: list[Placed]
    reports: dict[str, SentenceReport]


class DatedEvent(NamedTuple):
    event: TimelineEvent
    outlets: list[str]  # the publications reporting it ("" for articles that name none)
    languages: list[str]  # the languages they report it in ("ar"; "" for articles that name none)


class Origins(NamedTuple):
    """Where some articles come from: their publications and their languages."""

    outlets: list[str]
    languages: list[str]


class PeriodCount(NamedTuple):
    period: str  # a month or year
    events: int


class Tally(NamedTuple):
    mentions: int
    articles: int


class Spelling(NamedTuple):
    text: str  # as written
    times: int


class Neighbour(NamedTuple):
    """An entity named in the same sentences as another, and how often."""

    entity: str
    times: int


class Span(NamedTuple):
    first: str | None  # ISO days
    last: str | None


class Posting(NamedTuple):
    """An article naming an entity, in the order of publication days."""

    day: str  # "" for an undated article
    slug: str


class Tagged(NamedTuple):
    name: str  # the tag as first written
    rows: list[Listed]  # its articles, newest first


class Published(NamedTuple):
    source: str  # "" for articles that name none
    day: str


class NameCount(NamedTuple):
    name: str  # an outlet or an author
    articles: int


class Found(NamedTuple):
    """What the extraction found in all the articles."""

    mentions: int
    dates: int
