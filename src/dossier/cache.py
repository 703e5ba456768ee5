"""The build cache: what the last build knew, so the next one redoes only what changed.

It is one SQLite file beside the output. Each article's contribution
(mention counts, dated sentences, co-occurrences, …) is stored in rows keyed by
its slug, so an edit is "delete the old rows, insert the new ones", and the
cross-article views are SQL aggregates or are recomputed for the few keys an
edit touched (see :mod:`dossier.incremental`). Derived data (events, related
articles, page fingerprints) is stored too. Everything a build writes is one
transaction: an interrupted build leaves the cache as the previous build left
it. A cache from another dossier version, registry, configuration or a
corrupt file is set aside with a warning and the build starts afresh.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import pickle
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple

from dossier.analyze.suggest import RECURRING_SQL
from dossier.model import ArticleFacts, Card, Figure, SentenceReport, Statement
from dossier.slugs import tag_slug as tag_key
from dossier.timex import parse_timex, week_value

SIGNATURE_KEYS = (
    "schema",
    "dossier",
    "code",
    "registry",
    "extraction",
    "base",
)  # a cache made under other values is discarded

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, digest TEXT, head BLOB);
CREATE TABLE articles (
    slug TEXT PRIMARY KEY, key TEXT NOT NULL, path TEXT NOT NULL, day TEXT, source TEXT,
    card BLOB NOT NULL, card_digest TEXT NOT NULL, line_digest TEXT NOT NULL, facts BLOB NOT NULL,
    body TEXT NOT NULL, annotations TEXT NOT NULL, mentions INTEGER NOT NULL, dates INTEGER NOT NULL
);
CREATE TABLE mentions (entity TEXT, slug TEXT, day TEXT, count INTEGER, sentence TEXT, anchor TEXT,
                       digest TEXT, PRIMARY KEY (entity, slug));
CREATE TABLE totals (entity TEXT, kind TEXT, count INTEGER, PRIMARY KEY (entity, kind));
CREATE TABLE spelled (entity TEXT, text TEXT, count INTEGER, PRIMARY KEY (entity, text));
CREATE TABLE cooccurrence (entity TEXT, other TEXT, count INTEGER, PRIMARY KEY (entity, other));
CREATE TABLE tags (tag TEXT, name TEXT, slug TEXT, day TEXT);
CREATE TABLE authors (author TEXT, slug TEXT, day TEXT);
CREATE TABLE reports (bucket TEXT, slug TEXT, day TEXT, sentence INTEGER, anchor TEXT, sig TEXT, data BLOB);
CREATE TABLE undated (day TEXT, slug TEXT, sentence INTEGER, sig TEXT, data BLOB);
CREATE TABLE names (key TEXT, slug TEXT, path TEXT, position INTEGER, text TEXT, initial INTEGER,
                    context TEXT, canon TEXT);
CREATE TABLE events (id TEXT PRIMARY KEY, bucket TEXT, first_day TEXT, last_day TEXT, sort TEXT,
                     precise INTEGER, sources INTEGER, label TEXT, date TEXT, inferred INTEGER,
                     data BLOB, export TEXT, slide TEXT, digest TEXT, outlets TEXT, within_month INTEGER,
                     lead TEXT);
CREATE TABLE event_entities (event TEXT, entity TEXT);
CREATE TABLE event_members (event TEXT, slug TEXT, anchor TEXT, sentence TEXT);
CREATE TABLE attachments (day TEXT, slug TEXT, sentence INTEGER, event TEXT, score REAL, anchor TEXT,
                          text TEXT);
CREATE TABLE related (slug TEXT, rank INTEGER, other TEXT);
CREATE TABLE statements (slug TEXT, day TEXT, speaker TEXT, entity TEXT, position INTEGER, data BLOB);
CREATE TABLE figures (slug TEXT, day TEXT, quantity TEXT, position INTEGER, data BLOB);
CREATE TABLE entity_exports (entity TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE pages (path TEXT PRIMARY KEY, grp TEXT NOT NULL, fingerprint TEXT NOT NULL);
CREATE TABLE redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL);
"""
# Created after a first build's bulk load, which is faster without them.
INDEXES = """
CREATE INDEX IF NOT EXISTS mentions_slug ON mentions (slug);
CREATE INDEX IF NOT EXISTS mentions_topic
    ON mentions (entity, count DESC, day IS NULL, day DESC, slug, digest);
CREATE INDEX IF NOT EXISTS mentions_by_day
    ON mentions (entity, IFNULL(day, '') = '', IFNULL(day, '') DESC, slug, digest, day);
CREATE INDEX IF NOT EXISTS mentions_posting ON mentions (entity, IFNULL(day, ''), slug);
CREATE INDEX IF NOT EXISTS tags_tag ON tags (tag);
CREATE INDEX IF NOT EXISTS tags_slug ON tags (slug);
CREATE INDEX IF NOT EXISTS authors_author ON authors (author);
CREATE INDEX IF NOT EXISTS authors_slug ON authors (slug);
CREATE INDEX IF NOT EXISTS statements_slug ON statements (slug);
CREATE INDEX IF NOT EXISTS statements_entity ON statements (entity);
CREATE INDEX IF NOT EXISTS figures_slug ON figures (slug);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path);
CREATE INDEX IF NOT EXISTS articles_order ON articles (day IS NULL, day DESC, slug, card_digest);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
CREATE INDEX IF NOT EXISTS reports_bucket ON reports (bucket, sig);
CREATE INDEX IF NOT EXISTS reports_slug ON reports (slug);
CREATE INDEX IF NOT EXISTS undated_day ON undated (day);
CREATE INDEX IF NOT EXISTS undated_slug ON undated (slug, sentence);
CREATE INDEX IF NOT EXISTS names_slug ON names (slug);
CREATE INDEX IF NOT EXISTS names_canon ON names (canon, initial);
CREATE INDEX IF NOT EXISTS events_bucket ON events (bucket);
CREATE INDEX IF NOT EXISTS events_sort ON events (sort);
CREATE INDEX IF NOT EXISTS events_precise ON events (precise, first_day);
CREATE INDEX IF NOT EXISTS event_entities_entity ON event_entities (entity);
CREATE INDEX IF NOT EXISTS event_entities_event ON event_entities (event);
CREATE INDEX IF NOT EXISTS event_members_slug ON event_members (slug);
CREATE INDEX IF NOT EXISTS event_members_event ON event_members (event);
CREATE INDEX IF NOT EXISTS attachments_day ON attachments (day);
CREATE INDEX IF NOT EXISTS attachments_event ON attachments (event);
CREATE INDEX IF NOT EXISTS related_other ON related (other);
CREATE INDEX IF NOT EXISTS related_slug ON related (slug);
CREATE INDEX IF NOT EXISTS pages_grp ON pages (grp);
"""
SCHEMA = TABLES + INDEXES


# Bumped whenever the shape of a stored record (the pickled cards, reports, events) changes.
RECORDS_FORMAT = 5
# A cache made under another schema or record format is discarded.
SCHEMA_VERSION = hashlib.sha1(f"{SCHEMA}|{RECORDS_FORMAT}".encode()).hexdigest()[:12]


def bucket_of(value: str) -> str:
    """Dates that may report one happening share a bucket: a day with its ISO week; else the value."""
    timex = parse_timex(value)
    if timex is not None and timex.granularity in ("day", "week"):
        return week_value(timex.first_day)
    return value


def report_signature(report: SentenceReport) -> str:
    """What makes two dated sentences the same report wherever they appear (not their place)."""
    parts = [report.text, report.date, report.mod, report.date_text, report.inferred, report.entities,
             sorted(report.features), sorted(report.local)]  # fmt: skip
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def card_digest(card: Card, with_excerpt: bool = True) -> str:
    """A digest of everything a list shows of an article (without the excerpt: a one-line mention)."""
    fields = [card.slug, card.title, card.source, list(card.authors), card.published, card.inferred,
              card.excerpt if with_excerpt else None, card.language]  # fmt: skip
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """An article's rows for the cache, made in a worker process so the build process only inserts them."""

    slug: str
    day: str | None
    source: str | None
    article: tuple
    mentions: list[tuple]
    tags: list[tuple]
    authors: list[tuple]
    reports: list[tuple]
    undated: list[tuple]
    names: list[tuple]
    pairs: tuple[tuple[str, str, int], ...]
    spellings: tuple[tuple[str, str, int], ...]
    entities: tuple[str, ...]
    buckets: tuple[str, ...]
    statements: list[tuple] = field(default_factory=list)
    figures: list[tuple] = field(default_factory=list)


def speaker_key(statement: Statement) -> str:
    """Statements with one key have one speaker: a registry entity, or a name (folded), or a role."""
    if statement.entity:
        return statement.entity
    folded = " ".join(re.sub(r"\b(?:al|el)[- ]", "", statement.speaker.casefold()).split())
    return f"{statement.speaker_kind}:{folded}"


def _row_digest(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def article_rows(facts: ArticleFacts) -> ArticleRows:
    slug, day, card = facts.slug, facts.day, facts.card
    line = card_digest(card, with_excerpt=False)
    core = (facts.url, facts.tags, facts.summary, tuple((m.entity, m.count) for m in facts.mentions),
            facts.pairs, facts.spellings)  # fmt: skip
    reports = [
        (bucket_of(r.date), slug, day, r.sentence, r.anchor, report_signature(r), dumps(r))
        for r in facts.reports
        if r.date
    ]
    return ArticleRows(
        slug=slug,
        day=day,
        source=card.source,
        article=(
            slug,
            facts.key,
            facts.path,
            day,
            card.source,
            dumps(card),
            card_digest(card),
            line,
            dumps(core),
            facts.body_html,
            facts.annotations,
            facts.mention_count,
            facts.date_count,
        ),
        mentions=[
            (
                m.entity,
                slug,
                day,
                m.count,
                m.sentence,
                m.anchor,
                _row_digest(m.count, m.sentence, m.anchor, line),
            )
            for m in facts.mentions
        ],
        tags=[(tag_key(t), t, slug, day) for t in facts.tags],
        authors=[(a, slug, day) for a in card.authors],
        reports=reports,
        undated=[(day, slug, r.sentence, report_signature(r), dumps(r)) for r in facts.undated]
        if day
        else [],
        names=[
            (n.key, slug, facts.path, n.position, n.text, int(n.initial), n.context, n.canon)
            for n in facts.names
        ],
        pairs=facts.pairs,
        spellings=facts.spellings,
        entities=tuple(m.entity for m in facts.mentions),
        buckets=tuple(sorted({r[0] for r in reports})),
        statements=[(slug, day, speaker_key(st), st.entity, st.start, dumps(st)) for st in facts.statements],
        figures=[(slug, day, fig.quantity, fig.start, dumps(fig)) for fig in facts.figures],
    )


def dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class CacheDamaged(Exception):
    """A stored record cannot be read back: the cache file is damaged, or was made by hand."""


def loads(blob: bytes) -> Any:
    """A stored record; a blob that names anything but dossier's records and dates is refused, so
    a crafted cache file cannot run code (the build sets it aside and starts afresh)."""
    try:
        return _RecordUnpickler(io.BytesIO(blob)).load()
    except Exception as error:  # any damage, from a bad opcode to a refused class
        raise CacheDamaged(f"a stored record cannot be read ({error})") from None


def is_damage(error: Exception) -> bool:
    """Whether a database error means the cache file itself is damaged (not locked, not read-only)."""
    if isinstance(error, CacheDamaged):
        return True
    message = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and any(
        sign in message for sign in ("malformed", "no such table", "no such column", "not a database")
    )


_SAFE_GLOBALS = frozenset(
    {("datetime", "date"), ("datetime", "datetime"), ("builtins", "frozenset"), ("builtins", "set")}
)


class _RecordUnpickler(pickle.Unpickler):
    """Unpickles only dossier's own record classes (dataclasses and named tuples) and dates."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        if module.startswith("dossier.") and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, tuple)):
                return found
        raise pickle.UnpicklingError(f"the cache names {module}.{name}, which is no dossier record")


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
    mentions: dict[str, list]  # entity → [count, first sentence, anchor]
    pairs: dict[tuple[str, str], int]
    spellings: dict[tuple[str, str], int]
    reports: dict[str, list[tuple]]  # bucket → (sentence, signature) of its dated sentences
    undated: list[tuple]  # (sentence, signature) of the sentences that may recount a happening
    tags: frozenset[str]
    authors: frozenset[str]
    voices: dict[str, str] = field(default_factory=dict)  # speaking entity → digest of its statements


def _voices(rows: Iterable[tuple[str | None, bytes]]) -> dict[str, str]:
    """entity → digest of what it says in one article, from (entity, statement blob) rows."""
    said: dict[str, list[bytes]] = {}
    for entity, blob in rows:
        if entity:
            said.setdefault(entity, []).append(blob)
    return {e: hashlib.sha1(b"".join(blobs)).hexdigest() for e, blobs in said.items()}


def _differing(old: dict, new: dict) -> set:
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
    if moved or before.line != after.line:  # every topic lists it; events and related lists name it
        touched.lines.add(slug)
        touched.entities.update(before.mentions.keys() | after.mentions.keys())
    else:
        touched.entities.update(_differing(before.mentions, after.mentions))
    # Related articles rank candidates by the entities they share: when an article's set of entities
    # changes, any article that finds it as a candidate, through any entity, may rank it anew.
    if moved or before.mentions.keys() != after.mentions.keys():
        members = before.mentions.keys() | after.mentions.keys()
        for version in versions:
            touched.positions.update((e, version.day or "", slug) for e in members)
    for a, b in _differing(before.pairs, after.pairs):
        touched.entities.update((a, b))
    touched.entities.update(e for e, _ in _differing(before.spellings, after.spellings))
    touched.entities.update(_differing(before.voices, after.voices))  # their "what they said"
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


class BuildCache:
    """A connection to the cache file (or an in-memory one), with the queries the build uses."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = connection
        self.path = path  # None for an in-memory cache
        self._pending_pairs: Counter[tuple[str, str]] = Counter()
        self._pending_spellings: Counter[tuple[str, str]] = Counter()
        self._pending_totals: Counter[tuple[str, str]] = Counter()
        self._removed: dict[str, Contribution] = {}  # rows of articles removed in this build

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | None, signature: dict[str, str], warnings: list[str], notes: list[str] | None = None
    ) -> BuildCache:
        """The cache at ``path`` if it was made under the same ``signature``, else a fresh one.
        An upgrade's full rebuild is a note (nothing to fix); an unreadable cache is a warning."""
        if path is None:
            return cls.fresh(sqlite3.connect(":memory:"), signature, None)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            try:
                connection = sqlite3.connect(path)
                cache = cls(connection, path)
                stored = cache.signature()
                if stored == signature:
                    cache._tune()
                    return cache
                connection.close()
                changed = sorted(k for k in signature if stored.get(k) != signature[k])
                if {"dossier", "schema", "code"} & set(changed):
                    (warnings if notes is None else notes).append(
                        f"{path.name}: build cache from another dossier version; rebuilding everything"
                    )
            except sqlite3.DatabaseError as error:
                if not is_damage(error):  # locked, read-only, a full disk: not the cache's fault
                    raise
                warnings.append(f"{path.name}: build cache is unreadable (corrupt?); rebuilding everything")
            _discard(path)
        return cls.fresh(sqlite3.connect(path), signature, path)

    @classmethod
    def reader(cls, path: Path) -> BuildCache:
        """A read-only connection, for worker processes rendering pages from a committed cache."""
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True), path)

    def mark_incomplete(self) -> None:
        self.db.execute("UPDATE meta SET value = 'no' WHERE key = 'complete'")

    @classmethod
    def fresh(
        cls, connection: sqlite3.Connection, signature: dict[str, str], path: Path | None
    ) -> BuildCache:
        cache = cls(connection, path)
        cache._tune()
        connection.executescript(TABLES)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [*signature.items(), ("complete", "no")])
        connection.commit()
        return cache

    def _tune(self) -> None:
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA temp_store = MEMORY")

    def ensure_indexes(self) -> None:
        for statement in INDEXES.split(";"):
            if statement.strip():
                self.db.execute(statement)

    def signature(self) -> dict[str, str]:
        rows = self.db.execute(
            f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(SIGNATURE_KEYS))})",
            SIGNATURE_KEYS,
        ).fetchall()
        return dict(rows)

    @property
    def is_complete(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
        return row is not None and row[0] == "yes"

    def mark_complete(self) -> None:
        self.db.execute("UPDATE meta SET value = 'yes' WHERE key = 'complete'")

    def commit(self) -> None:
        self.flush()
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # --- sources ----------------------------------------------------------------------------------

    def sources(self) -> dict[str, tuple[int, int, str, Any]]:
        """path → (mtime_ns, size, digest, head) for every article file of the last build."""
        rows = self.db.execute("SELECT path, mtime_ns, size, digest, head FROM sources")
        return {path: (mtime, size, digest, loads(head)) for path, mtime, size, digest, head in rows}

    def stamps(self) -> dict[str, tuple[int, int]]:
        """path → (mtime_ns, size) of every article file of the last build."""
        return {
            path: (mtime, size)
            for path, mtime, size in self.db.execute("SELECT path, mtime_ns, size FROM sources")
        }

    def replace_sources(self, entries: dict[str, tuple[int, int, str, Any]]) -> None:
        self.db.execute("DELETE FROM sources")
        self.db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
            [(p, m, s, d, dumps(h)) for p, (m, s, d, h) in sorted(entries.items())],
        )

    # --- addresses ------------------------------------------------------------------------------

    def redirects(self) -> list[tuple[str, str]]:
        """(past address, current address) of every article served under an old address too."""
        return list(self.db.execute("SELECT old, new FROM redirects ORDER BY old"))

    def replace_redirects(self, pairs: Iterable[tuple[str, str]]) -> bool:
        """Store this build's redirects; whether they differ from the last build's."""
        pairs = sorted(pairs)
        if pairs == self.redirects():
            return False
        self.db.execute("DELETE FROM redirects")
        self.db.executemany("INSERT INTO redirects VALUES (?, ?)", pairs)
        return True

    def listed_pages(self) -> list[str]:
        """The HTML pages a sitemap lists: not the data files, nor the pages of moved addresses."""
        rows = self.db.execute(
            "SELECT path FROM pages WHERE grp NOT IN ('data', 'redirects') AND path LIKE '%.html' "
            "ORDER BY path"
        )
        return [path for (path,) in rows]

    # --- articles -------------------------------------------------------------------------------

    def article_keys(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT slug, key FROM articles"))

    def article_versions(self, slugs: list[str]) -> list[tuple[str, str]]:
        """(slug, key) of some articles, in slug order: a digest of what their pages show."""
        return sorted(self._select_in("SELECT slug, key FROM articles WHERE slug IN ({})", slugs))

    def remove_article(self, slug: str) -> None:
        """Delete every row the article contributed, keeping a note of them for :meth:`add_rows`."""
        db = self.db
        row = db.execute(
            "SELECT day, source, card_digest, line_digest, facts FROM articles WHERE slug = ?", (slug,)
        ).fetchone()
        if row is None:
            return
        day, source, card, line, core = row
        _, tags, _, _, pairs, spellings = loads(core)[:6]
        self._pending_pairs.subtract({(a, b): n for a, b, n in pairs})
        self._pending_spellings.subtract({(e, t): n for e, t, n in spellings})
        reports: dict[str, list[tuple]] = {}
        for bucket, *sentence in db.execute(
            "SELECT bucket, sentence, sig FROM reports WHERE slug = ? ORDER BY rowid", (slug,)
        ):
            reports.setdefault(bucket, []).append(tuple(sentence))
        for entity, count in db.execute("SELECT entity, count FROM mentions WHERE slug = ?", (slug,)):
            self._pending_totals.subtract({(entity, "mentions"): count, (entity, "articles"): 1})
        self._removed[slug] = Contribution(
            day=day,
            source=source or "",
            card=card,
            line=line,
            mentions={
                e: rest
                for e, *rest in db.execute(
                    "SELECT entity, count, sentence, anchor FROM mentions WHERE slug = ?", (slug,)
                )
            },
            pairs={(a, b): n for a, b, n in pairs},
            spellings={(e, t): n for e, t, n in spellings},
            reports=reports,
            undated=db.execute(
                "SELECT sentence, sig FROM undated WHERE slug = ? ORDER BY rowid", (slug,)
            ).fetchall(),
            tags=frozenset(tag_key(t) for t in tags),
            authors=frozenset(a for (a,) in db.execute("SELECT author FROM authors WHERE slug = ?", (slug,))),
            voices=_voices(
                db.execute("SELECT entity, data FROM statements WHERE slug = ? ORDER BY position", (slug,))
            ),
        )
        for table in ("articles", "mentions", "tags", "authors", "reports", "undated", "names", "statements",
                      "figures"):  # fmt: skip
            db.execute(f"DELETE FROM {table} WHERE slug = ?", (slug,))

    def add_rows(self, rows: ArticleRows, touched: Touched) -> None:
        """Insert an article's rows (made by :func:`article_rows`, in a worker), noting what that touches."""
        db = self.db
        db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.article)
        for table, columns, values in (
            ("mentions", 7, rows.mentions),
            ("tags", 4, rows.tags),
            ("authors", 3, rows.authors),
            ("reports", 7, rows.reports),
            ("undated", 5, rows.undated),
            ("names", 8, rows.names),
            ("statements", 6, rows.statements),
            ("figures", 5, rows.figures),
        ):
            if values:
                db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * columns)})", values)
        self._pending_pairs.update({(a, b): n for a, b, n in rows.pairs})
        self._pending_spellings.update({(e, t): n for e, t, n in rows.spellings})
        for entity, _, _, count, *_ in rows.mentions:
            self._pending_totals.update({(entity, "mentions"): count, (entity, "articles"): 1})
        reports: dict[str, list[tuple]] = {}
        for bucket, _, _, sentence, _, sig, _ in rows.reports:
            reports.setdefault(bucket, []).append((sentence, sig))
        new = Contribution(
            day=rows.day,
            source=rows.source or "",
            card=rows.article[6],
            line=rows.article[7],
            mentions={e: [count, sentence, anchor] for e, _, _, count, sentence, anchor, _ in rows.mentions},
            pairs={(a, b): n for a, b, n in rows.pairs},
            spellings={(e, t): n for e, t, n in rows.spellings},
            reports=reports,
            undated=[(sentence, sig) for _, _, sentence, sig, _ in rows.undated],
            tags=frozenset(t[0] for t in rows.tags),
            authors=frozenset(a[0] for a in rows.authors),
            voices=_voices((entity, blob) for _, _, _, entity, _, blob in rows.statements),
        )
        touch(touched, rows.slug, self._removed.pop(rows.slug, None), new)

    def settle(self, touched: Touched) -> None:
        """Note what the articles removed for good (not replaced by a new version) touched."""
        for slug, old in sorted(self._removed.items()):
            touch(touched, slug, old, None)
        self._removed.clear()
        self.flush()

    def flush(self) -> None:
        """Apply pending changes to the co-occurrence, spelling and mention totals."""
        for table, columns, pending in (
            ("cooccurrence", ("entity", "other"), self._pending_pairs),
            ("spelled", ("entity", "text"), self._pending_spellings),
            ("totals", ("entity", "kind"), self._pending_totals),
        ):
            changes = [(a, b, n) for (a, b), n in pending.items() if n]
            if changes:
                self.db.executemany(
                    f"INSERT INTO {table} VALUES (?, ?, ?) ON CONFLICT ({', '.join(columns)}) "
                    "DO UPDATE SET count = count + excluded.count",
                    changes,
                )
                self.db.execute(f"DELETE FROM {table} WHERE count = 0")
            pending.clear()

    def cards(self, slugs: Iterable[str] | None = None) -> dict[str, Card]:
        rows: Iterable[tuple[Any, ...]]
        if slugs is None:
            rows = self.db.execute("SELECT slug, card FROM articles")
        else:
            rows = self._select_in("SELECT slug, card FROM articles WHERE slug IN ({})", list(slugs))
        return {slug: loads(card) for slug, card in rows}

    def article(
        self, slug: str
    ) -> tuple[Card, str, tuple[str, ...], str | None, tuple[tuple[str, int], ...], str]:
        """card, url, tags, summary, entity counts and rendered body of one article."""
        card, core, body = self.db.execute(
            "SELECT card, facts, body FROM articles WHERE slug = ?", (slug,)
        ).fetchone()
        url, tags, summary, counts = loads(core)[:4]
        return loads(card), url, tags, summary, counts, body

    def latest_slugs(self, limit: int) -> list[str]:
        """The newest articles; undated ones last."""
        rows = self.db.execute(
            "SELECT slug FROM articles ORDER BY day IS NULL, day DESC, slug LIMIT ?", (limit,)
        )
        return [slug for (slug,) in rows]

    def ordered_cards(self, where: str = "", args: tuple = ()) -> list[tuple[str, str, str | None]]:
        """(slug, card digest, day) of articles, newest first; undated ones last."""
        sql = (
            f"SELECT a.slug, a.card_digest, a.day FROM articles a {where} "
            "ORDER BY a.day IS NULL, a.day DESC, a.slug"
        )
        return list(self.db.execute(sql, args))

    def card_digests(self, slugs: Iterable[str], with_excerpt: bool = True) -> dict[str, str]:
        column = "card_digest" if with_excerpt else "line_digest"
        return dict(self._select_in(f"SELECT slug, {column} FROM articles WHERE slug IN ({{}})", list(slugs)))

    # --- reports and events -----------------------------------------------------------------------

    def bucket_reports(
        self, bucket: str
    ) -> tuple[list[tuple[str, str | None, int, str, str]], dict[str, SentenceReport]]:
        """A bucket's dated sentences as (slug, day, sentence, anchor, signature), and one report per
        signature: wire copy repeated by a thousand outlets is read, and compared, once."""
        occurrences = self.db.execute(
            "SELECT slug, day, sentence, anchor, sig FROM reports WHERE bucket = ?", (bucket,)
        ).fetchall()
        rows = self.db.execute("SELECT sig, data FROM reports WHERE bucket = ? GROUP BY sig", (bucket,))
        return occurrences, {sig: loads(data) for sig, data in rows}

    def undated_on(self, day: str) -> list[tuple[str, SentenceReport]]:
        rows = self.db.execute("SELECT slug, data FROM undated WHERE day = ? ORDER BY slug, sentence", (day,))
        return [(slug, loads(data)) for slug, data in rows]

    def events_in_bucket(self, bucket: str) -> dict[str, Any]:
        return {
            eid: loads(data)
            for eid, data in self.db.execute("SELECT id, data FROM events WHERE bucket = ?", (bucket,))
        }

    def precise_events_around(self, day: str) -> list[Any]:
        """Day- and week-dated events whose report window (their date plus a fortnight) holds ``day``."""
        rows = self.db.execute(
            "SELECT data FROM events WHERE precise = 1 AND first_day <= ? AND last_day >= ? "
            "ORDER BY sort, id",
            (day, day),
        )
        return [loads(data) for (data,) in rows]

    def events(self, ids: Iterable[str]) -> dict[str, Any]:
        rows = self._select_in("SELECT id, data FROM events WHERE id IN ({})", list(ids))
        return {eid: loads(data) for eid, data in rows}

    def delete_event(self, event_id: str) -> None:
        for table, column in (("events", "id"), ("event_entities", "event"), ("event_members", "event")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (event_id,))

    def store_event(
        self, event: Any, exports: tuple[str, str] | None = None, outlets: list[str] | None = None
    ) -> None:
        """Store an event; its export fragments and outlets (the publications of its articles, "" for
        none given) follow once its sources are assembled."""
        self.delete_event(event.id)
        export, slide = exports or (None, None)
        digest = hashlib.sha1(f"{export}\x00{slide}\x00{outlets}".encode()).hexdigest() if exports else None
        self.db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.bucket, event.first_day, event.window_end, event.sort, int(event.precise),
             len(event.slugs), event.label, event.date.value, int(event.inferred), dumps(event), export,
             slide, digest, json.dumps(outlets or [], ensure_ascii=False),
             int(event.date.granularity in ("day", "week", "month")), event.lead.sentence),
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO event_entities VALUES (?, ?)", [(event.id, e) for e in event.entities]
        )
        own: dict[str, tuple[str, str]] = {}
        for source in event.sources:
            own.setdefault(source.slug, (source.anchor, source.sentence))
        self.db.executemany(
            "INSERT INTO event_members VALUES (?, ?, ?, ?)",
            [(event.id, s, a, t) for s, (a, t) in own.items()],
        )

    def event_digests(self, prefix: str, within_month: bool | None = None) -> list[tuple[str, str]]:
        """(id, digest) of the events dated in a period ("2024", "2024-03", "" for all), in order;
        only those dated to a day, week or month (``within_month``), or only the others."""
        rows = self.db.execute(
            f"SELECT id, digest FROM events WHERE first_day LIKE ? {_within(within_month)} ORDER BY sort, id",
            (prefix + "%",),
        )
        return list(rows)

    def events_dated(self, prefix: str, within_month: bool | None = None) -> list[tuple[Any, list[str]]]:
        """(event, its outlets) of the events dated in a period, in order (see :meth:`event_digests`)."""
        rows = self.db.execute(
            f"SELECT data, outlets FROM events WHERE first_day LIKE ? {_within(within_month)} "
            "ORDER BY sort, id",
            (prefix + "%",),
        )
        return [(loads(data), json.loads(outlets)) for data, outlets in rows]

    def sources_of(self, slugs: Iterable[str]) -> list[str]:
        """The distinct publications ("" for none given) of some articles."""
        rows = self._select_in(
            "SELECT DISTINCT IFNULL(source, '') FROM articles WHERE slug IN ({})", list(slugs)
        )
        return sorted({source for (source,) in rows})

    def year_counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT substr(first_day, 1, 4), COUNT(*) FROM events GROUP BY 1"))

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def event_exports(self) -> Iterator[tuple[str, str]]:
        yield from self.db.execute("SELECT export, slide FROM events ORDER BY sort, id")

    def events_of_article(self, slug: str) -> list[tuple[str, str, int, str, int, str, str]]:
        """(label, date, inferred, first day, within a month, own anchor, own sentence) of an
        article's events."""
        rows = self.db.execute(
            "SELECT e.label, e.date, e.inferred, e.first_day, e.within_month, m.anchor, m.sentence "
            "FROM event_members m JOIN events e ON e.id = m.event WHERE m.slug = ? "
            # in date order, by what the article's page shows of them (their ids and first reports
            # change as other articles come and go; the page should not)
            "ORDER BY e.first_day, e.date, e.label, length(m.anchor), m.anchor",
            (slug,),
        )
        return list(rows)

    def event_ids_of(self, slugs: Iterable[str]) -> set[str]:
        rows = self._select_in("SELECT DISTINCT event FROM event_members WHERE slug IN ({})", list(slugs))
        return {event for (event,) in rows}

    def attachments_on(self, day: str) -> dict[tuple[str, int], str]:
        rows = self.db.execute("SELECT slug, sentence, event FROM attachments WHERE day = ?", (day,))
        return {(slug, sentence): event for slug, sentence, event in rows}

    def replace_attachments(self, day: str, found: dict[tuple[str, int], Any]) -> None:
        """Store the day's attachments (undated sentence → event), with each sentence's anchor and text."""
        self.db.execute("DELETE FROM attachments WHERE day = ?", (day,))
        rows = []
        for (slug, sentence), attachment in sorted(found.items()):
            report = self.undated_sentence(slug, sentence)
            rows.append((day, slug, sentence, attachment.event, attachment.score, report.anchor, report.text))
        self.db.executemany("INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def attachments_of(self, event_id: str) -> list[tuple[str, str, int, str, str]]:
        """(day, slug, sentence, anchor, text) of the undated sentences attached to an event."""
        rows = self.db.execute(
            "SELECT day, slug, sentence, anchor, text FROM attachments WHERE event = ? "
            "ORDER BY day, slug, sentence",
            (event_id,),
        )
        return list(rows)

    def undated_sentence(self, slug: str, sentence: int) -> SentenceReport:
        row = self.db.execute(
            "SELECT data FROM undated WHERE slug = ? AND sentence = ?", (slug, sentence)
        ).fetchone()
        return loads(row[0])

    # --- topics ------------------------------------------------------------------------------------

    def entity_totals(self) -> dict[str, tuple[int, int]]:
        """entity → (mentions, articles)."""
        found: dict[str, list[int]] = {}
        for entity, kind, count in self.db.execute("SELECT entity, kind, count FROM totals"):
            found.setdefault(entity, [0, 0])[kind == "articles"] = count
        return {entity: (mentions, articles) for entity, (mentions, articles) in found.items()}

    def topic_order(self, entity: str, limit: int = -1) -> list[tuple[str, str, str | None]]:
        """(slug, row digest, day) of the articles naming an entity: most mentions first, then newest.

        Read from a covering index; the digest covers all a topic page shows of a row.
        """
        rows = self.db.execute(
            "SELECT slug, digest, day FROM mentions WHERE entity = ? "
            "ORDER BY count DESC, day IS NULL, day DESC, slug LIMIT ?",
            (entity, limit),
        )
        return list(rows)

    def topic_rows_by_day(self, entity: str) -> list[tuple[str, str, str | None]]:
        """(slug, row digest, day) of the articles naming an entity, newest first (undated last).

        Read from a covering index, so that the pages of a topic named in thousands of
        articles are checked in milliseconds.
        """
        rows = self.db.execute(
            "SELECT slug, digest, day FROM mentions WHERE entity = ? "
            "ORDER BY IFNULL(day, '') = '', IFNULL(day, '') DESC, slug",
            (entity,),
        )
        return list(rows)

    def topic_rows(self, entity: str, slugs: list[str]) -> dict[str, tuple[int, str, str]]:
        """slug → (mentions, first sentence, its anchor) for some of the articles naming an entity."""
        rows = self._select_in(
            "SELECT slug, count, sentence, anchor FROM mentions WHERE entity = ? AND slug IN ({})",
            slugs,
            (entity,),
        )
        return {slug: (count, sentence, anchor) for slug, count, sentence, anchor in rows}

    def spellings(self, entity: str) -> list[tuple[str, int]]:
        return list(self.db.execute("SELECT text, count FROM spelled WHERE entity = ?", (entity,)))

    def cooccurring(self, entity: str) -> list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT other, count FROM cooccurrence WHERE entity = ? ORDER BY count DESC, other", (entity,)
        )
        return list(rows)

    def mentions_by_month(self, entity: str) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT substr(day, 1, 7), SUM(count) FROM mentions WHERE entity = ? AND day IS NOT NULL "
            "GROUP BY substr(day, 1, 7)",
            (entity,),
        )
        return dict(rows)

    def entity_days(self, entity: str) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT MIN(day), MAX(day) FROM mentions WHERE entity = ?", (entity,)
        ).fetchone()
        return row[0], row[1]

    def day_span(self) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT MIN(day), MAX(day) FROM articles").fetchone()
        return row[0], row[1]

    def top_events_of(self, entity: str, limit: int) -> list[EventBrief]:
        """The events naming an entity that the most articles report."""
        rows = self.db.execute(
            f"SELECT {_BRIEF} FROM event_entities x JOIN events e ON e.id = x.event WHERE x.entity = ? "
            "ORDER BY e.sources DESC, e.sort DESC, e.id LIMIT ?",
            (entity, limit),
        )
        return [EventBrief(*row) for row in rows]

    def latest_events(self, until: str, limit: int) -> list[EventBrief]:
        """The latest events dated up to ``until`` whose date does not rest on an inferred one."""
        rows = self.db.execute(
            f"SELECT {_BRIEF} FROM events e WHERE e.first_day <= ? AND e.inferred = 0 "
            "ORDER BY e.sort DESC, e.id DESC LIMIT ?",
            (until, limit),
        )
        return [EventBrief(*row) for row in rows]

    def event_count_of(self, entity: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM event_entities WHERE entity = ?", (entity,)).fetchone()[
            0
        ]

    def posting(self, entity: str) -> list[tuple[str, str]]:
        """(day, slug) of every article naming the entity, oldest first."""
        rows = self.db.execute(
            "SELECT IFNULL(day, ''), slug FROM mentions WHERE entity = ? ORDER BY IFNULL(day, ''), slug",
            (entity,),
        )
        return list(rows)

    def posting_window(
        self, entity: str, day: str, slug: str, before: int, after: int
    ) -> list[tuple[str, str]]:
        """Up to ``before`` entries of :meth:`posting` before (day, slug) and ``after`` from it on.

        (The conditions are spelled out, rather than a row-value comparison, so that SQLite
        reads just the neighbourhood from the index.)
        """
        earlier = self.db.execute(
            "SELECT IFNULL(day, ''), slug FROM mentions WHERE entity = ? AND IFNULL(day, '') <= ? "
            "AND (IFNULL(day, '') < ? OR slug < ?) ORDER BY IFNULL(day, '') DESC, slug DESC LIMIT ?",
            (entity, day, day, slug, before),
        ).fetchall()
        later = self.db.execute(
            "SELECT IFNULL(day, ''), slug FROM mentions WHERE entity = ? AND IFNULL(day, '') >= ? "
            "AND (IFNULL(day, '') > ? OR slug >= ?) ORDER BY IFNULL(day, ''), slug LIMIT ?",
            (entity, day, day, slug, after),
        ).fetchall()
        return earlier[::-1] + later

    def entity_sets(self, slugs: Iterable[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for slug, entity in self._select_in(
            "SELECT slug, entity FROM mentions WHERE slug IN ({})", list(slugs)
        ):
            found.setdefault(slug, set()).add(entity)
        return found

    def days(self, slugs: Iterable[str]) -> dict[str, str]:
        rows = self._select_in("SELECT slug, IFNULL(day, '') FROM articles WHERE slug IN ({})", list(slugs))
        return dict(rows)

    # --- related --------------------------------------------------------------------------------------

    def related(self, slug: str) -> list[str]:
        rows = self.db.execute("SELECT other FROM related WHERE slug = ? ORDER BY rank", (slug,))
        return [other for (other,) in rows]

    def related_lists(self, slugs: Iterable[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        rows = self._select_in(
            "SELECT slug, other FROM related WHERE slug IN ({}) ORDER BY slug, rank", list(slugs)
        )
        for slug, other in rows:
            found.setdefault(slug, []).append(other)
        return found

    def replace_related(self, slug: str, others: list[str]) -> None:
        self.db.execute("DELETE FROM related WHERE slug = ?", (slug,))
        self.db.executemany(
            "INSERT INTO related VALUES (?, ?, ?)", [(slug, i, o) for i, o in enumerate(others)]
        )

    def listing(self, other: str) -> list[str]:
        """The articles that list ``other`` among their related articles."""
        return [slug for (slug,) in self.db.execute("SELECT slug FROM related WHERE other = ?", (other,))]

    # --- tags, sources, authors ------------------------------------------------------------------------

    def tag_members(self, tag: str) -> tuple[str, list[tuple[str, str, str | None]]]:
        """The tag as first written, and (slug, card digest, day) of its articles, newest first."""
        row = self.db.execute("SELECT name FROM tags WHERE tag = ? ORDER BY day, slug LIMIT 1", (tag,))
        name = row.fetchone()
        rows = self.ordered_cards("JOIN tags t ON t.slug = a.slug WHERE t.tag = ?", (tag,))
        return (name[0] if name else tag), rows

    def all_tags(self) -> list[str]:
        return [t for (t,) in self.db.execute("SELECT DISTINCT tag FROM tags ORDER BY tag")]

    def statements(self, entity: str | None = None) -> list[tuple[str, str | None, Statement]]:
        """(slug, day, statement) of every statement (or of one speaking entity), newest first."""
        where, args = ("WHERE entity = ?", (entity,)) if entity else ("", ())
        rows = self.db.execute(
            f"SELECT slug, day, data FROM statements {where} ORDER BY day IS NULL, day DESC, slug, position",
            args,
        )
        return [(slug, day, loads(blob)) for slug, day, blob in rows]

    def figures(self) -> list[tuple[str, str | None, Figure]]:
        """(slug, day, figure) of every numeric claim, by quantity, then oldest first."""
        rows = self.db.execute(
            "SELECT slug, day, data FROM figures ORDER BY quantity, day IS NULL, day, slug, position"
        )
        return [(slug, day, loads(blob)) for slug, day, blob in rows]

    def entity_counts_by_source(self) -> list[tuple[str, str, int, int]]:
        """(source, entity, mentions, articles) for every outlet and entity it names."""
        return list(
            self.db.execute(
                "SELECT IFNULL(a.source, ''), m.entity, SUM(m.count), COUNT(*) FROM mentions m "
                "JOIN articles a ON a.slug = m.slug GROUP BY IFNULL(a.source, ''), m.entity"
            )
        )

    def source_days(self) -> list[tuple[str, str]]:
        """(source, day) of every dated article."""
        return list(
            self.db.execute("SELECT IFNULL(source, ''), day FROM articles WHERE day IS NOT NULL ORDER BY day")
        )

    def source_counts(self) -> list[tuple[str, int]]:
        return list(
            self.db.execute("SELECT IFNULL(source, ''), COUNT(*) FROM articles GROUP BY IFNULL(source, '')")
        )

    def author_counts(self) -> list[tuple[str, int]]:
        return list(self.db.execute("SELECT author, COUNT(*) FROM authors GROUP BY author"))

    def authors_of_source(self, source: str) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT a.author FROM articles r JOIN authors a ON a.slug = r.slug "
            "WHERE IFNULL(r.source, '') = ? ORDER BY a.author",
            (source,),
        )
        return [a for (a,) in rows]

    def source_authors(self) -> dict[str, list[str]]:
        """source → its authors, for every source ("" for articles that name none)."""
        found: dict[str, list[str]] = {}
        rows = self.db.execute(
            "SELECT DISTINCT IFNULL(r.source, ''), a.author FROM authors a "
            "JOIN articles r ON r.slug = a.slug ORDER BY 1, 2"
        )
        for source, author in rows:
            found.setdefault(source, []).append(author)
        return found

    def author_members(self, author: str) -> list[tuple[str, str, str | None]]:
        return self.ordered_cards("JOIN authors w ON w.slug = a.slug WHERE w.author = ?", (author,))

    def name_rows(self) -> list[tuple[str, str, str, int, str, int, str, str]]:
        rows = self.db.execute(
            "SELECT key, slug, path, position, text, initial, context, canon FROM names "
            "ORDER BY path, position"
        )
        return list(rows)

    def recurring_names(self) -> int:
        """How many recurring names the registry does not know (see :mod:`dossier.analyze.suggest`)."""
        return self.db.execute(RECURRING_SQL).fetchone()[0]

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def entity_exports(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT entity, text FROM entity_exports"))

    def store_entity_export(self, entity: str, text: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO entity_exports VALUES (?, ?)", (entity, text))

    def annotations(self) -> Iterator[str]:
        for (text,) in self.db.execute("SELECT annotations FROM articles ORDER BY path"):
            yield text

    # --- pages ----------------------------------------------------------------------------------------

    def page_fingerprints(self, group: str) -> dict[str, str]:
        return dict(self.db.execute("SELECT path, fingerprint FROM pages WHERE grp = ?", (group,)))

    def replace_pages(self, group: str, fingerprints: dict[str, str]) -> None:
        self.db.execute("DELETE FROM pages WHERE grp = ?", (group,))
        self.db.executemany(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?)",
            [(p, group, f) for p, f in sorted(fingerprints.items())],
        )

    # --- helpers ----------------------------------------------------------------------------------------

    def _select_in(self, sql: str, values: list[str], before: tuple = ()) -> list[tuple]:
        """Rows of ``sql`` with its ``IN ({})`` filled with ``values`` (after ``before`` parameters)."""
        rows: list[tuple] = []
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            rows.extend(self.db.execute(sql.format(",".join("?" * len(chunk))), (*before, *chunk)))
        return rows


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


_BRIEF = "e.id, e.label, e.date, e.inferred, e.first_day, e.within_month, e.sources, e.lead"


def _within(within_month: bool | None) -> str:
    return "" if within_month is None else f"AND within_month = {int(within_month)}"


def discard(path: Path) -> None:
    """Delete a cache file and its journal."""
    _discard(path)


def _discard(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
