"""The plain data passed between the pipeline stages.

load → :class:`Article`; extract → :class:`AnnotatedArticle`; analyze →
:class:`Corpus`. Everything here is frozen: a stage never edits what an
earlier stage produced, it builds new values from it. Nothing here knows
about HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dossier.timex import Timex

TITLE = "title"
BODY = "body"


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


@dataclass(frozen=True, slots=True)
class Entity:
    """A registry entry: one person, group or place of the story."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str = ""


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
    kind: str  # absolute, partial, relative, anaphoric
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
class AnnotatedArticle:
    """An article with everything the extractor found in it."""

    article: Article
    published: PublicationDate
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    unknown_names: tuple[NameOccurrence, ...] = ()

    @property
    def slug(self) -> str:
        return self.article.slug

    def body_mentions(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.field == BODY)

    def body_dates(self) -> tuple[DateMention, ...]:
        return tuple(d for d in self.dates if d.field == BODY)


@dataclass(frozen=True, slots=True)
class EventSource:
    """One article's sentence reporting an event."""

    slug: str
    sentence: str
    anchor: str
    date_text: str
    dated: bool = True  # False: the sentence reports the happening but does not give its date


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening, possibly reported by several articles."""

    id: str
    date: Timex
    label: str
    inferred: bool
    entities: tuple[str, ...]
    sources: tuple[EventSource, ...]

    @property
    def slugs(self) -> tuple[str, ...]:
        """The distinct articles reporting the event, in source order."""
        return tuple(dict.fromkeys(s.slug for s in self.sources))


@dataclass(frozen=True, slots=True)
class TopicArticle:
    """An article as seen from a topic page."""

    slug: str
    mentions: int
    first_sentence: str
    first_anchor: str


@dataclass(frozen=True, slots=True)
class Topic:
    """Everything the corpus says about one entity."""

    entity: Entity
    mentions: int
    articles: tuple[TopicArticle, ...]
    cooccurring: tuple[tuple[str, int], ...]
    events: tuple[Event, ...]
    aliases_seen: tuple[str, ...]
    first_seen: date | None
    last_seen: date | None
    by_month: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Source:
    """A publication and the articles it contributed."""

    name: str
    slug: str
    articles: tuple[str, ...]
    authors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    slug: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A recurring name the registry does not know, with where it was seen."""

    name: str
    count: int
    articles: tuple[str, ...]
    context: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """The whole story, analyzed: what the renderer turns into pages."""

    articles: tuple[AnnotatedArticle, ...]  # newest first
    entities: dict[str, Entity]
    topics: dict[str, Topic]  # only entities that are mentioned
    timeline: tuple[Event, ...]  # chronological
    related: dict[str, tuple[str, ...]]
    tags: tuple[Tag, ...]
    sources: tuple[Source, ...]
    authors: tuple[Source, ...]
    by_slug: dict[str, AnnotatedArticle] = field(default_factory=dict)
    suggestions: tuple[Suggestion, ...] = ()
