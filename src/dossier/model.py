"""The plain data passed between the pipeline stages.

load → :class:`Article`; extract → :class:`AnnotatedArticle`; then
:mod:`dossier.facts` sums an article up for the cross-article analysis.
Everything here is frozen: a stage never edits what an earlier stage
produced, it builds new values from it. Nothing here knows about HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from dossier.timex import Timex

TITLE = "title"
BODY = "body"
# Entity types that name a place: where a figure holds, and a shared name that says little about a
# shared happening (see dossier.features).
PLACE_TYPES = frozenset({"country", "region", "city", "province", "place"})


@dataclass(frozen=True, slots=True)
class Article:
    """One input file, parsed: metadata plus the body exactly as loaded.

    Offsets of mentions and dates index into ``body`` (or into ``title`` for
    mentions whose ``field`` is ``"title"``).
    """

    source_path: str
    slug: str
    title: str
    body: str
    markup: str  # "markdown" or "text"
    published: date | None
    source: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    draft: bool = False
    language: str | None = None
    body_line: int = 1
    aliases: tuple[str, ...] = ()  # past addresses it is also served under (sending readers on)


@dataclass(frozen=True, slots=True)
class Entity:
    """A registry entry: one person, group or place of the story."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    draft: bool = False  # proposed by ``suggest --add`` and not yet reviewed; matched like any other


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in the text: ``text == <field text>[start:end]``."""

    entity: str
    start: int
    end: int
    text: str
    field: str = BODY


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and its normalized value (``None`` if unresolved).

    ``mod`` keeps a fuzzy modifier (``EARLY``, ``MID``, ``LATE``, ``START``,
    ``END``) that the value, by convention, does not carry.
    """

    start: int
    end: int
    text: str
    value: str | None
    kind: str  # absolute, partial, relative, anaphoric, reference ("now", "the future")
    mod: str | None = None
    field: str = BODY


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body: ``text == body[start:end]``."""

    index: int
    start: int
    end: int
    text: str

    @property
    def anchor(self) -> str:
        return f"s{self.index + 1}"


@dataclass(frozen=True, slots=True)
class NameOccurrence:
    """A capitalized name that no registry entry matched (see ``extract/names.py``)."""

    text: str
    key: str  # spelling-insensitive, for counting repeats
    start: int
    end: int
    initial: bool  # at the start of a sentence, where capitals prove little
    field: str = BODY


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """When an article appeared: given in its metadata, or inferred from its text."""

    value: Timex | None
    inferred: bool = False

    @property
    def day(self) -> date | None:
        """A single day to sort and resolve by: the given day, or the end of the inferred period."""
        return None if self.value is None else self.value.last_day


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a speaker said: ``text == body[start:end]`` is what was said (quoted or reported)."""

    start: int
    end: int
    text: str
    speaker: str  # the registry id when ``entity`` is set, else the name or role as written
    entity: str | None
    title: str | None  # "a senior fellow at …", "analyst"
    speaker_kind: str  # entity, person, role
    kind: str  # direct (a quotation) or reported
    sentence: int  # index of the sentence the attribution is in
    said_as: str = ""  # the speaker as written, when it differs ("Sudan's armed forces", "the junta")


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeric claim: ``text == body[start:end]`` ("about 2,500 American soldiers")."""

    start: int
    end: int
    text: str
    value: float
    hedge: str | None  # about, nearly, over, at least, up to, under
    unit: str  # the kind of thing counted: troops, attacks, US dollars, percent…
    counted: str  # what it counts, as written ("American soldiers"); may be empty
    place: str | None  # registry id of the place it is about
    holds: str | None  # the date it holds for, when its sentence gives one (a TIMEX value)
    when: str  # that date as written, with its preposition ("since mid-October"); "" without one
    sentence: int
    noun: str = ""  # the counted noun, which groups figures of other things ("camps", "flights")
    projection: bool = False  # a plan, target or forecast ("would remain"), not a count of what is
    high: float | None = None  # the top of a range ("four to five")
    context: str = ""  # the sentence that gives it, for the reader to check it against

    @property
    def kind(self) -> str:
        """What is counted: the unit, for other things their noun, for people what they are."""
        if self.noun and (self.unit == "other" or self.noun.startswith(f"{self.unit} (")):
            return self.noun  # "camps", "people (displaced)"
        return self.unit

    @property
    def quantity(self) -> str:
        """Figures with the same key count the same thing in the same place."""
        return f"{self.kind}@{self.place}" if self.place else self.kind


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with everything the extractor found in it."""

    article: Article
    published: PublicationDate
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    unknown_names: tuple[NameOccurrence, ...] = ()
    statements: tuple[Statement, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def slug(self) -> str:
        return self.article.slug

    def body_mentions(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.field == BODY)

    def body_dates(self) -> tuple[DateMention, ...]:
        return tuple(d for d in self.dates if d.field == BODY)


class EventSource(NamedTuple):
    """One article's sentence reporting an event."""

    slug: str
    sentence: str
    anchor: str
    date_text: str
    dated: bool = True  # False: the sentence reports the happening but does not give its date
    order: str = ""  # corpus order: publication day, article, sentence


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A recurring name the registry does not know, with where it was seen."""

    name: str
    count: int
    articles: tuple[str, ...]
    context: str


# --- what one article contributes to the site (made by dossier.facts, kept in the build cache) ---


class SentenceReport(NamedTuple):
    """A sentence that may report a happening: its words and names, and its date if it gives one.

    (A named tuple, like the other records the cache stores in bulk: they load several times faster.)
    """

    sentence: int
    anchor: str
    text: str
    date: str | None  # TIMEX value; None for a sentence that gives no date
    mod: str | None
    date_text: str
    inferred: bool
    entities: tuple[str, ...]
    features: frozenset[str]  # content words and "@entity" names of the sentence
    local: frozenset[str]  # the same, within a few words of the date
    features_weight: int = 0  # their total weights (see similarity.FeatureWeights)
    local_weight: int = 0


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One entity in one article: how often, and the sentence of its first mention."""

    entity: str
    count: int
    sentence: str
    anchor: str  # "" when only the title names it


@dataclass(frozen=True, slots=True)
class NameRow:
    """A capitalized name the registry does not know, with a little context."""

    key: str
    text: str
    position: int
    initial: bool
    context: str
    canon: str  # the key it is counted under (see dossier.facts.canonical_keys)


class Card(NamedTuple):
    """How an article appears in lists: enough to link to it and say what it is."""

    slug: str
    title: str
    source: str | None
    authors: tuple[str, ...]
    published: str | None  # TIMEX value: a day, or the period an inferred date covers
    inferred: bool
    excerpt: str
    language: str | None


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    key: str  # identifies this version of the article (content, registry, dossier)
    path: str
    card: Card
    day: str | None  # ISO day used for ordering and time windows
    url: str | None
    tags: tuple[str, ...]
    summary: str | None
    mentions: tuple[TopicRow, ...]
    spellings: tuple[tuple[str, str, int], ...]  # entity, as written, count
    pairs: tuple[tuple[str, str, int], ...]  # entities named in the same sentence, how often
    reports: tuple[SentenceReport, ...]  # sentences with a date
    undated: tuple[SentenceReport, ...]  # sentences without one that may still report a happening
    names: tuple[NameRow, ...]
    body_html: str
    annotations: str  # this article's entry of data/annotations.json
    mention_count: int = 0
    date_count: int = 0
    statements: tuple[Statement, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def slug(self) -> str:
        return self.card.slug
