"""The plain data passed between the pipeline stages.

load → :class:`Article`; extract → :class:`AnnotatedArticle`; then
:mod:`dossier.facts` sums an article up for the cross-article analysis.
Everything here is frozen: a stage never edits what an earlier stage
produced, it builds new values from it. Nothing here knows about HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Generic, NamedTuple, TypeVar, cast

from dossier.timex import GRANULARITIES, Timex

TITLE = "title"
BODY = "body"
PRECISE = frozenset({"day", "week"})  # granularities of the events undated reports may recount
REPORT_WINDOW = timedelta(days=14)  # how long after a happening an undated report may still recount it
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

    @property
    def voice(self) -> str:
        """Statements with one voice have one speaker: a registry entity, or a name (folded, without
        its article: "al-Burhan" is "Burhan"), or a role."""
        if self.entity:
            return self.entity
        folded = " ".join(re.sub(r"\b(?:al|el)[- ]", "", self.speaker.casefold()).split())
        return f"{self.speaker_kind}:{folded}"


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


R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class FindingKind(Generic[R]):
    """A kind of finding that an extraction step makes in each article and the build keeps as it is:
    statements, figures, or a new one. Declaring it is all the store and the refresh need; they keep
    and read every kind alike (one row per finding, its record as stored JSON).

    ``record`` is its class, a frozen dataclass or named tuple with a ``start`` (its place in the
    body, which orders an article's findings); ``topic`` names the record's attribute that holds the
    registry entity whose topic page shows it, if any: a change to it re-plans that page. ``group``
    names the attribute that gathers records across articles (a statement's voice): an edit makes
    again only the groups whose records it changed.
    """

    name: str
    record: type[R]
    topic: str | None = None
    group: str | None = None  # the attribute that groups the records across articles (a speaker)

    def topic_of(self, record: R) -> str | None:
        return getattr(record, self.topic) if self.topic else None

    def group_of(self, record: R) -> str | None:
        return getattr(record, self.group) if self.group else None


STATEMENTS = FindingKind("statements", Statement, topic="entity", group="voice")
FIGURES = FindingKind("figures", Figure, group="quantity")

# Each kind's findings in one article: (kind, its records in body order).
Findings = tuple[tuple[FindingKind[Any], tuple[Any, ...]], ...]


def found_of(findings: Findings, kind: FindingKind[R]) -> tuple[R, ...]:
    """The findings of one kind (none when its step did not run)."""
    for held, records in findings:
        if held.name == kind.name:
            return cast(tuple[R, ...], records)
    return ()


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with everything the extractor found in it."""

    article: Article
    published: PublicationDate
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    unknown_names: tuple[NameOccurrence, ...] = ()
    findings: Findings = ()  # statements, figures and any other kind of finding
    language: str | None = None  # as the article gives it, or "ar" for one mostly in Arabic letters

    @property
    def slug(self) -> str:
        return self.article.slug

    @property
    def primary_language(self) -> str:
        return primary_language(self.language)

    def found(self, kind: FindingKind[R]) -> tuple[R, ...]:
        return found_of(self.findings, kind)

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
    # the language its words are in ("ar", "en"; "" when its article gives none and it is not in
    # Arabic script): sentences in two languages are compared by their names, not their words
    language: str = ""


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


def primary_language(tag: str | None) -> str:
    """A language tag without its region or script ("ar" for ``ar-IQ``); "" for none."""
    return (tag or "").split("-")[0].lower()


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
    findings: Findings = ()  # as the extraction found them (see FindingKind)

    @property
    def slug(self) -> str:
        return self.card.slug


class FileHead(NamedTuple):
    """What the cache keeps of a file's metadata, so that an unchanged file is not read again (the
    url and aliases recognise a renamed file and its past addresses, see addresses.py)."""

    title: str
    slug: str | None  # given in the front matter
    draft: bool
    warnings: tuple[str, ...]
    derived: str  # the slug its file name gives
    url: str | None
    aliases: tuple[str, ...]


# --- what the analysis makes of all the articles (see dossier.analyze), for the pages to show ---


class TimelineEvent(NamedTuple):
    """A happening on the timeline: its date, names and the sentences that report it."""

    id: str
    bucket: str
    date: Timex
    label: str
    inferred: bool
    entities: tuple[str, ...]
    dated: tuple[EventSource, ...]  # the merged reports, in corpus order
    features: frozenset[str]  # of the dated reports: what an undated report must share
    attached: tuple[EventSource, ...] = ()  # undated sentences recounting it (see corroborate.py)

    @property
    def sources(self) -> tuple[EventSource, ...]:
        return tuple(sorted((*self.dated, *self.attached), key=lambda s: s.order))

    @property
    def slugs(self) -> tuple[str, ...]:
        """The distinct articles reporting the event, in corpus order."""
        return tuple(dict.fromkeys(s.slug for s in self.sources))

    @property
    def lead(self) -> EventSource:
        """The source that reports it first with a date."""
        return next((s for s in self.sources if s.dated), self.sources[0])

    @property
    def precise(self) -> bool:
        return self.date.granularity in PRECISE

    @property
    def first_day(self) -> str:
        return self.date.first_day.isoformat()

    @property
    def window_end(self) -> str:
        """The last day an undated report of it may be published."""
        return (
            (self.date.last_day + REPORT_WINDOW).isoformat()
            if self.precise
            else self.date.last_day.isoformat()
        )

    @property
    def sort(self) -> str:
        """Chronological at each event's own granularity: inside a period, the precise events
        first and the period itself after them ("7 October" before "mid-October" and "October"
        2023, the months of 2023 before "2023"); then by first report."""
        return chronological(self.date) + f"|{self.dated[0].order}"

    def with_attached(self, attached: tuple[EventSource, ...]) -> TimelineEvent:
        return self._replace(attached=attached)


def chronological(date: Timex) -> str:
    """A sort key: the last day of the period, then finer granularities first."""
    return f"{date.last_day.isoformat()}|{GRANULARITIES.index(date.granularity)}|{date.first_day.isoformat()}"


@dataclass(frozen=True, slots=True)
class TopicSummary:
    """One entity across the corpus: counts, the spellings seen, when, and who it is named with."""

    entity: str
    mentions: int
    articles: int
    aliases_seen: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    by_month: tuple[tuple[str, int], ...]
    cooccurring: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Voice:
    """One speaker, as the articles name and describe them, and how much they attribute to them
    (the statements themselves stay with their articles: ``Store.findings(STATEMENTS, groups=…)``)."""

    key: str  # Statement.voice
    name: str
    entity: str | None
    kind: str  # entity, person, role, document
    titles: tuple[str, ...]  # as the articles describe them, most used first
    statements: int
    articles: int


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """The claims of several articles about one quantity (US troops in Iraq, attacks…), and whether
    they agree (see analyze/claims.py)."""

    quantity: str
    unit: str
    place: str | None
    claims: tuple[tuple[str, str | None, Figure], ...]  # (slug, day, figure), oldest first
    disagree: bool  # two claims about the same time are far apart
    agree: bool  # every current claim is close to every other
    sources: int  # articles giving it


@dataclass(frozen=True, slots=True)
class OutletCoverage:
    """One outlet: how many articles it published, and how often it names each entity."""

    source: str
    articles: int
    cells: dict[str, tuple[int, int]]  # entity → (mentions, articles naming it)


@dataclass(frozen=True, slots=True)
class EventSeen:
    """One event, and which outlets report it or publish in its period without reporting it."""

    label: str
    date: str  # its TIMEX value
    lead: str  # the sentence that reports it first
    first_day: str
    granularity: str
    reported_by: tuple[str, ...]
    silent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which outlets cover what: the entities by mentions, the outlets, the latest events."""

    ranking: tuple[tuple[str, int], ...]  # registry entities by mentions across all outlets
    outlets: tuple[OutletCoverage, ...]  # by name (articles without a source are no outlet)
    events: tuple[EventSeen, ...]  # the latest, oldest first
