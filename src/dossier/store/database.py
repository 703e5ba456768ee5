"""The build cache: what the last build knew, so the next one redoes only what changed.

It is one SQLite file beside the output, and this module is the only one that
speaks SQL to it. Each article's contribution (mention counts, dated sentences,
co-occurrences, …) is stored in rows keyed by its slug, so an edit is "delete
the old rows, insert the new ones", and the cross-article views are SQL
aggregates or are recomputed for the few keys an edit touched (see
:mod:`dossier.incremental`). Derived data (events, related articles, views,
page fingerprints) is stored too. Everything a build writes is one transaction:
an interrupted build leaves the cache as the previous build left it. A cache
from another dossier version, registry, configuration or a corrupt file is set
aside with a warning and the build starts afresh.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from dossier.changes import Contribution, Touched, touch
from dossier.model import (
    Card,
    Coverage,
    FigureGroup,
    FileHead,
    FindingKind,
    SentenceReport,
    TimelineEvent,
    TopicSummary,
    Voice,
)
from dossier.slugs import tag_slug as tag_key
from dossier.store.codec import shape_digest
from dossier.store.records import (
    ArticleVersion,
    Attached,
    AttachedSentence,
    BucketReports,
    CacheDamaged,
    DatedEvent,
    EventBrief,
    EventOfArticle,
    Filed,
    Found,
    FoundIn,
    GroupPage,
    Keyed,
    Listed,
    NameCount,
    NameSighting,
    NameTally,
    Neighbour,
    Origins,
    PeriodCount,
    Placed,
    Posting,
    Published,
    Redirect,
    SourceEntry,
    SourceTally,
    Span,
    Spelling,
    Stamp,
    StoredArticle,
    Tagged,
    Tally,
    TopicLine,
    Undated,
    dumps,
    loads,
)
from dossier.store.rows import ArticleCore, ArticleRows
from dossier.store.schema import ARTICLE_TABLES, COLUMNS, INDEXES, TABLES, schema_version

R = TypeVar("R")

SIGNATURE_KEYS = (
    "schema",
    "dossier",
    "code",
    "registry",
    "extraction",
    "base",
)  # a cache made under other values is discarded


# Every class the store keeps as JSON: a change of any one's shape changes the cache's version.
# (Findings are kept as their step made them: a change of their shape is one of the extractor's.)
STORED = (Card, SentenceReport, TimelineEvent, FileHead, ArticleCore, TopicSummary, Voice, FigureGroup,
          Coverage)  # fmt: skip


def version() -> str:
    """The cache's version: its tables and the shapes of the records it keeps."""
    return schema_version(shape_digest(*STORED))


def is_damage(error: Exception) -> bool:
    """Whether a database error means the cache file itself is damaged (not locked, not read-only)."""
    if isinstance(error, CacheDamaged):
        return True
    message = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and any(
        sign in message for sign in ("malformed", "no such table", "no such column", "not a database")
    )


def _in_month(month: str | None) -> tuple[str, tuple[str, ...]]:
    """A condition on the ``day`` column: rows dated in ``month`` ("2024-01"; "" for rows without a
    day; None: every row)."""
    if month is None:
        return "1", ()
    if not month:
        return "day IS NULL", ()
    return "day >= ? AND day < ?", (month, month + "~")  # a range an index on the day serves


def _tally(source: str | None, entity: str, mentions: int) -> dict[tuple[str, str, str], int]:
    """What one article's mentions of an entity add to the running totals of its outlet."""
    outlet = source or ""
    return {(outlet, entity, "mentions"): mentions, (outlet, entity, "articles"): 1}


def _finding_digests(
    rows: Iterable[tuple[str, str | None, str, str | None]],
) -> tuple[dict[str, str], dict[str, str]]:
    """What one article's findings give each topic page and each group (see FindingKind), from
    (kind, topic, digest of the finding, group) rows: entity → digest, and "kind:group" → digest."""
    shown: dict[str, list[str]] = {}
    grouped: dict[str, list[str]] = {}
    for kind, topic, text, group in rows:
        if topic:
            shown.setdefault(topic, []).append(f"{kind}\t{text}")
        if group is not None:
            grouped.setdefault(f"{kind}:{group}", []).append(text)
    return _digests(shown), _digests(grouped)


def _digests(texts: dict[str, list[str]]) -> dict[str, str]:
    return {key: hashlib.sha1("\n".join(found).encode("utf-8")).hexdigest() for key, found in texts.items()}


class Store:
    """A connection to the cache file (or an in-memory one): every query the build makes, and its
    only door to the tables. What it reads back are records (see :mod:`dossier.store.records`)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = connection
        self.path = path  # None for an in-memory cache
        self._pending_pairs: Counter[tuple[str, str]] = Counter()
        self._pending_spellings: Counter[tuple[str, str]] = Counter()
        self._pending_totals: Counter[tuple[str, str, str]] = Counter()  # (outlet, entity, kind)
        self._removed: dict[str, Contribution] = {}  # rows of articles removed in this build
        # Events read back, by their stored text: the days around a happening each read it, and
        # its text changes whenever the event does, so a text read before is never stale.
        self._events_read: dict[str, TimelineEvent] = {}

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | None, signature: dict[str, str], warnings: list[str], notes: list[str] | None = None
    ) -> Store:
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
    def reader(cls, path: Path) -> Store:
        """A read-only connection, for worker processes rendering pages from a committed cache."""
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True), path)

    def mark_incomplete(self) -> None:
        self._db.execute("UPDATE meta SET value = 'no' WHERE key = 'complete'")

    @classmethod
    def fresh(cls, connection: sqlite3.Connection, signature: dict[str, str], path: Path | None) -> Store:
        cache = cls(connection, path)
        cache._tune()
        connection.executescript(TABLES)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [*signature.items(), ("complete", "no")])
        connection.commit()
        return cache

    def _tune(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA temp_store = MEMORY")

    def ensure_indexes(self) -> None:
        for statement in INDEXES.split(";"):
            if statement.strip():
                self._db.execute(statement)

    def signature(self) -> dict[str, str]:
        rows = self._db.execute(
            f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(SIGNATURE_KEYS))})",
            SIGNATURE_KEYS,
        ).fetchall()
        return dict(rows)

    @property
    def is_complete(self) -> bool:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
        return row is not None and row[0] == "yes"

    def mark_complete(self) -> None:
        self._db.execute("UPDATE meta SET value = 'yes' WHERE key = 'complete'")

    def commit(self) -> None:
        self.flush()
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    def rollback(self) -> None:
        """Forget everything since the last commit (a look at the articles that saves nothing)."""
        self._db.rollback()

    # --- sources ----------------------------------------------------------------------------------

    def sources(self) -> dict[str, SourceEntry]:
        """Every article file of the last build, by path."""
        rows = self._db.execute("SELECT path, mtime_ns, size, digest, head FROM sources")
        return {
            path: SourceEntry(mtime, size, digest, loads(FileHead, head))
            for path, mtime, size, digest, head in rows
        }

    def stamps(self) -> dict[str, Stamp]:
        """Every article file of the last build, by path."""
        return {
            path: Stamp(mtime, size)
            for path, mtime, size in self._db.execute("SELECT path, mtime_ns, size FROM sources")
        }

    def replace_sources(self, entries: dict[str, tuple[int, int, str, Any]]) -> None:
        """Store the article files this build saw: path → (mtime_ns, size, digest, head)."""
        self._db.execute("DELETE FROM sources")
        self._db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
            [(p, m, s, d, dumps(h)) for p, (m, s, d, h) in sorted(entries.items())],
        )

    # --- addresses ------------------------------------------------------------------------------

    def redirects(self) -> list[Redirect]:
        """Every article served under a past address too."""
        return [Redirect(*row) for row in self._db.execute("SELECT old, new FROM redirects ORDER BY old")]

    def replace_redirects(self, pairs: Iterable[tuple[str, str]]) -> bool:
        """Store this build's redirects; whether they differ from the last build's."""
        pairs = sorted(pairs)
        if pairs == self.redirects():
            return False
        self._db.execute("DELETE FROM redirects")
        self._db.executemany("INSERT INTO redirects VALUES (?, ?)", pairs)
        return True

    def listed_pages(self) -> list[str]:
        """The HTML pages a sitemap lists: not the data files, nor the pages of moved addresses."""
        rows = self._db.execute(
            "SELECT path FROM pages WHERE grp NOT IN ('data', 'redirects') AND path LIKE '%.html' "
            "ORDER BY path"
        )
        return [path for (path,) in rows]

    # --- articles -------------------------------------------------------------------------------

    def article_keys(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT slug, key FROM articles"))

    def article_versions(self, slugs: list[str]) -> list[Keyed]:
        """The versions of some articles, in slug order: a digest of what their pages show."""
        rows = self._select_in("SELECT slug, key FROM articles WHERE slug IN ({})", slugs)
        return sorted(Keyed(*row) for row in rows)

    def remove_article(self, slug: str) -> None:
        """Delete every row the article contributed, keeping a note of them for :meth:`add_rows`."""
        db = self._db
        row = db.execute(
            "SELECT day, source, card_digest, line_digest, facts FROM articles WHERE slug = ?", (slug,)
        ).fetchone()
        if row is None:
            return
        day, source, card, line, core = row
        stored = loads(ArticleCore, core)
        tags, pairs, spellings = stored.tags, stored.pairs, stored.spellings
        self._pending_pairs.subtract({(a, b): n for a, b, n in pairs})
        self._pending_spellings.subtract({(e, t): n for e, t, n in spellings})
        reports: dict[str, list[tuple[int, str]]] = {}
        for bucket, *sentence in db.execute(
            "SELECT bucket, sentence, sig FROM reports WHERE slug = ? ORDER BY rowid", (slug,)
        ):
            reports.setdefault(bucket, []).append(tuple(sentence))
        for entity, count in db.execute("SELECT entity, count FROM mentions WHERE slug = ?", (slug,)):
            self._pending_totals.subtract(_tally(source, entity, count))
        topics, groups = _finding_digests(
            db.execute("SELECT kind, topic, digest, grp FROM findings WHERE slug = ? ORDER BY rowid", (slug,))
        )
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
            findings=topics,
            groups=groups,
        )
        for table in ARTICLE_TABLES:
            db.execute(f"DELETE FROM {table} WHERE slug = ?", (slug,))

    def add_rows(self, rows: ArticleRows, touched: Touched) -> None:
        """Insert an article's rows (made by :func:`article_rows`, in a worker), noting what that touches."""
        db = self._db
        for table in ARTICLE_TABLES:
            values = [rows.article] if table == "articles" else getattr(rows, table)
            if values:
                db.executemany(_INSERT[table], values)
        self._pending_pairs.update({(a, b): n for a, b, n in rows.pairs})
        self._pending_spellings.update({(e, t): n for e, t, n in rows.spellings})
        for entity, _, _, count, *_ in rows.mentions:
            self._pending_totals.update(_tally(rows.source, entity, count))
        reports: dict[str, list[tuple[int, str]]] = {}
        for bucket, _, _, sentence, _, sig, _ in rows.reports:
            reports.setdefault(bucket, []).append((sentence, sig))
        topics, groups = _finding_digests(
            (kind, topic, digest, group)
            for kind, _slug, _day, topic, _at, digest, _data, group in rows.findings
        )
        new = Contribution(
            day=rows.day,
            source=rows.source or "",
            card=rows.card_digest,
            line=rows.line_digest,
            mentions={e: [count, sentence, anchor] for e, _, _, count, sentence, anchor, _ in rows.mentions},
            pairs={(a, b): n for a, b, n in rows.pairs},
            spellings={(e, t): n for e, t, n in rows.spellings},
            reports=reports,
            undated=[(sentence, sig) for _, _, sentence, sig, _ in rows.undated],
            tags=frozenset(t[0] for t in rows.tags),
            authors=frozenset(a[0] for a in rows.authors),
            findings=topics,
            groups=groups,
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
        sums: tuple[tuple[str, tuple[str, ...], Counter[Any]], ...] = (
            ("cooccurrence", ("entity", "other"), self._pending_pairs),
            ("spelled", ("entity", "text"), self._pending_spellings),
            ("totals", ("source", "entity", "kind"), self._pending_totals),
        )
        for table, columns, pending in sums:
            changes = [(*key, n) for key, n in pending.items() if n]
            if changes:
                self._db.executemany(
                    f"INSERT INTO {table} VALUES ({', '.join('?' * (len(columns) + 1))}) "
                    f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET count = count + excluded.count",
                    changes,
                )
                self._db.execute(f"DELETE FROM {table} WHERE count = 0")
            pending.clear()

    def cards(self, slugs: Iterable[str] | None = None) -> dict[str, Card]:
        rows: Iterable[tuple[Any, ...]]
        if slugs is None:
            rows = self._db.execute("SELECT slug, card FROM articles")
        else:
            rows = self._select_in("SELECT slug, card FROM articles WHERE slug IN ({})", list(slugs))
        return {slug: loads(Card, card) for slug, card in rows}

    def article(self, slug: str) -> StoredArticle:
        """What an article's own page shows."""
        card, core, body = self._db.execute(
            "SELECT card, facts, body FROM articles WHERE slug = ?", (slug,)
        ).fetchone()
        stored = loads(ArticleCore, core)
        return StoredArticle(loads(Card, card), stored.url, stored.tags, stored.summary, stored.counts, body)

    def article_version(self, slug: str) -> ArticleVersion | None:
        """One article's version: what its page's key starts from; None if it is gone."""
        row = self._db.execute("SELECT key, card_digest FROM articles WHERE slug = ?", (slug,)).fetchone()
        return None if row is None else ArticleVersion(*row)

    def article_days(self) -> dict[str, str | None]:
        """slug → the day the article was published (None when it is not known)."""
        return dict(self._db.execute("SELECT slug, day FROM articles"))

    def article_languages(self) -> dict[str, str]:
        """slug → the primary language the article gives or is found in ("" when neither)."""
        return dict(self._db.execute("SELECT slug, language FROM articles"))

    def article_paths(self) -> dict[str, str]:
        """slug → the article's path in the site folder."""
        return dict(self._db.execute("SELECT slug, path FROM articles"))

    def article_keys_by_path(self) -> list[Keyed]:
        """Every article's path and version, in path order: what the per-article exports are made of."""
        return [Keyed(*row) for row in self._db.execute("SELECT path, key FROM articles ORDER BY path")]

    def slugs(self) -> list[str]:
        return [slug for (slug,) in self._db.execute("SELECT slug FROM articles ORDER BY slug")]

    def future_paths(self, today: str) -> list[str]:
        """The articles dated after ``today`` (an ISO day)."""
        rows = self._db.execute("SELECT path FROM articles WHERE day > ? ORDER BY path", (today,))
        return [path for (path,) in rows]

    def latest_slugs(self, limit: int) -> list[str]:
        """The newest articles; undated ones last."""
        rows = self._db.execute(
            "SELECT slug FROM articles ORDER BY day IS NULL, day DESC, slug LIMIT ?", (limit,)
        )
        return [slug for (slug,) in rows]

    def ordered_cards(self) -> list[Listed]:
        """Every article, newest first; undated ones last."""
        return self._listed()

    def _listed(self, where: str = "", args: tuple[str, ...] = ()) -> list[Listed]:
        sql = (
            f"SELECT a.slug, a.card_digest, a.day FROM articles a {where} "
            "ORDER BY a.day IS NULL, a.day DESC, a.slug"
        )
        return [Listed(*row) for row in self._db.execute(sql, args)]

    def source_members(self, source: str) -> list[Listed]:
        """The articles of one outlet ("" for those that name none), newest first."""
        return self._listed("WHERE IFNULL(source, '') = ?", (source,))

    def card_digests(self, slugs: Iterable[str], with_excerpt: bool = True) -> dict[str, str]:
        column = "card_digest" if with_excerpt else "line_digest"
        return dict(self._select_in(f"SELECT slug, {column} FROM articles WHERE slug IN ({{}})", list(slugs)))

    # --- reports and events -----------------------------------------------------------------------

    def bucket_reports(self, bucket: str) -> BucketReports:
        """A bucket's dated sentences where they stand, and one report per signature: wire copy
        repeated by a thousand outlets is read, and compared, once."""
        occurrences = [
            Placed(*row)
            for row in self._db.execute(
                "SELECT slug, day, sentence, anchor, sig FROM reports WHERE bucket = ?", (bucket,)
            )
        ]
        rows = self._db.execute("SELECT sig, data FROM reports WHERE bucket = ? GROUP BY sig", (bucket,))
        return BucketReports(occurrences, {sig: loads(SentenceReport, data) for sig, data in rows})

    def undated_on(self, day: str) -> list[Undated]:
        """The sentences of a day's articles that give no date but may recount a happening."""
        rows = self._db.execute(
            "SELECT slug, data FROM undated WHERE day = ? ORDER BY slug, sentence", (day,)
        )
        return [Undated(slug, loads(SentenceReport, data)) for slug, data in rows]

    def undated_days_between(self, first: str, last: str) -> set[str]:
        """The publication days from ``first`` to ``last`` with such sentences."""
        rows = self._db.execute("SELECT DISTINCT day FROM undated WHERE day BETWEEN ? AND ?", (first, last))
        return {day for (day,) in rows}

    def events_in_bucket(self, bucket: str) -> dict[str, TimelineEvent]:
        rows = self._db.execute("SELECT id, data FROM events WHERE bucket = ?", (bucket,))
        return {eid: self._event(data) for eid, data in rows}

    def precise_events_around(self, day: str) -> list[TimelineEvent]:
        """Day- and week-dated events whose report window (their date plus a fortnight) holds ``day``."""
        rows = self._db.execute(
            "SELECT data FROM events WHERE precise = 1 AND first_day <= ? AND window_end >= ? "
            "ORDER BY sort, id",
            (day, day),
        )
        return [self._event(data) for (data,) in rows]

    def _event_text(self, event: TimelineEvent) -> str:
        """The event as stored, remembered as read: the refresh reads back what it just stored."""
        text = dumps(event)
        self._events_read[text] = event
        return text

    def _event(self, text: str) -> TimelineEvent:
        found = self._events_read.get(text)
        if found is None:
            found = self._events_read[text] = loads(TimelineEvent, text)
        return found

    def events(self, ids: Iterable[str]) -> dict[str, TimelineEvent]:
        rows = self._select_in("SELECT id, data FROM events WHERE id IN ({})", list(ids))
        return {eid: self._event(data) for eid, data in rows}

    def delete_event(self, event_id: str) -> None:
        for table, column in (("events", "id"), ("event_entities", "event"), ("event_members", "event")):
            self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", (event_id,))

    def store_event(self, event: TimelineEvent, origins: Origins | None = None) -> None:
        """Store an event, with the outlets and languages of its articles once its sources are
        assembled (:meth:`origins_of`); its export fragments follow (:meth:`store_fragments`)."""
        self.delete_event(event.id)
        outlets, languages = origins or Origins([], [])
        self._db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.bucket, event.first_day, event.window_end, event.sort, int(event.precise),
             len(event.slugs), event.label, event.date.value, int(event.inferred), self._event_text(event),
             None, None, None, json.dumps(outlets, ensure_ascii=False),
             int(event.date.granularity in ("day", "week", "month")), event.lead.sentence,
             json.dumps(languages), event.date.last_day.isoformat()),
        )  # fmt: skip
        self._db.executemany(
            "INSERT INTO event_entities VALUES (?, ?)", [(event.id, e) for e in event.entities]
        )
        own: dict[str, tuple[str, str]] = {}
        for source in event.sources:
            own.setdefault(source.slug, (source.anchor, source.sentence))
        self._db.executemany(
            "INSERT INTO event_members VALUES (?, ?, ?, ?)",
            [(event.id, s, a, t) for s, (a, t) in own.items()],
        )

    def store_fragments(self, event_id: str, export: str, slide: str) -> None:
        """An event's entries in the timeline exports; with its outlets and languages, they are the
        digest that says when a page showing the event must be made again."""
        outlets, languages = self._db.execute(
            "SELECT outlets, languages FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        digest = hashlib.sha1(
            f"{export}\x00{slide}\x00{json.loads(outlets)}\x00{languages}".encode()
        ).hexdigest()
        self._db.execute(
            "UPDATE events SET export = ?, slide = ?, digest = ? WHERE id = ?",
            (export, slide, digest, event_id),
        )

    def event_digests(self, prefix: str, within_month: bool | None = None) -> list[Keyed]:
        """The ids and digests of the events dated in a period ("2024", "2024-03", "" for all), in
        order; only those dated to a day, week or month (``within_month``), or only the others."""
        rows = self._db.execute(
            f"SELECT id, digest FROM events WHERE first_day LIKE ? {_within(within_month)} ORDER BY sort, id",
            (prefix + "%",),
        )
        return [Keyed(*row) for row in rows]

    def events_dated(self, prefix: str, within_month: bool | None = None) -> list[DatedEvent]:
        """The events dated in a period, with their outlets and languages, in order (see
        :meth:`event_digests`)."""
        rows = self._db.execute(
            f"SELECT data, outlets, languages FROM events WHERE first_day LIKE ? {_within(within_month)} "
            "ORDER BY sort, id",
            (prefix + "%",),
        )
        return [
            DatedEvent(self._event(data), json.loads(outlets), json.loads(languages))
            for data, outlets, languages in rows
        ]

    def events_ending_last(self, limit: int) -> list[DatedEvent]:
        """The ``limit`` events that end last (by their last day, then their first), with their
        outlets and languages, in that order; ties in timeline order."""
        rows = self._db.execute(
            "SELECT data, outlets, languages FROM events "
            "ORDER BY last_day DESC, first_day DESC, sort DESC, id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [
            DatedEvent(self._event(data), json.loads(outlets), json.loads(languages))
            for data, outlets, languages in reversed(rows)
        ]

    def origins_of(self, slugs: Iterable[str]) -> Origins:
        """The distinct publications ("" for none given) and languages ("" for none given) of some
        articles."""
        rows = self._select_in(
            "SELECT DISTINCT IFNULL(source, ''), language FROM articles WHERE slug IN ({})", list(slugs)
        )
        outlets, languages = set(), set()
        for source, language in rows:
            outlets.add(source)
            languages.add(language)
        return Origins(sorted(outlets), sorted(languages))

    def event_keys(self) -> list[Keyed]:
        """Every event's id and digest, in timeline order: what the timeline exports are made of."""
        return [Keyed(*row) for row in self._db.execute("SELECT id, digest FROM events ORDER BY sort, id")]

    def month_counts(self, year: str) -> list[PeriodCount]:
        """The events of each month of a year dated to a day, a week or a month."""
        rows = self._db.execute(
            "SELECT substr(first_day, 1, 7), COUNT(*) FROM events WHERE first_day LIKE ? "
            "AND within_month = 1 GROUP BY 1 ORDER BY 1",
            (year + "%",),
        )
        return [PeriodCount(*row) for row in rows]

    def year_counts(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT substr(first_day, 1, 4), COUNT(*) FROM events GROUP BY 1"))

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def event_exports(self, year: str | None = None) -> Iterator[tuple[str, str]]:
        """Every event's entries of data/timeline.json and data/timelinejs.json, in timeline order (or
        those of the events that end in one year)."""
        where, args = ("WHERE substr(sort, 1, 4) = ?", (year,)) if year is not None else ("", ())
        yield from self._db.execute(f"SELECT export, slide FROM events {where} ORDER BY sort, id", args)

    def events_of_article(self, slug: str) -> list[EventOfArticle]:
        """An article's events, each with the article's own sentence about it."""
        rows = self._db.execute(
            "SELECT e.label, e.date, e.inferred, e.first_day, e.within_month, m.anchor, m.sentence "
            "FROM event_members m JOIN events e ON e.id = m.event WHERE m.slug = ? "
            # in date order, by what the article's page shows of them (their ids and first reports
            # change as other articles come and go; the page should not)
            "ORDER BY e.first_day, e.date, e.label, length(m.anchor), m.anchor",
            (slug,),
        )
        return [EventOfArticle(*row) for row in rows]

    def event_ids_of(self, slugs: Iterable[str]) -> set[str]:
        rows = self._select_in("SELECT DISTINCT event FROM event_members WHERE slug IN ({})", list(slugs))
        return {event for (event,) in rows}

    def attachments_on(self, day: str) -> dict[tuple[str, int], Attached]:
        """The undated sentences of a day's articles attached to an event, by (slug, sentence)."""
        rows = self._db.execute(
            "SELECT slug, sentence, event, anchor, text FROM attachments WHERE day = ?", (day,)
        )
        return {
            (slug, sentence): Attached(event, anchor, text) for slug, sentence, event, anchor, text in rows
        }

    def replace_attachments(self, day: str, found: dict[tuple[str, int], Any]) -> None:
        """Store the day's attachments (undated sentence → event), with each sentence's anchor and text."""
        self._db.execute("DELETE FROM attachments WHERE day = ?", (day,))
        rows = []
        for (slug, sentence), attachment in sorted(found.items()):
            report = self.undated_sentence(slug, sentence)
            rows.append((day, slug, sentence, attachment.event, attachment.score, report.anchor, report.text))
        self._db.executemany("INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def attachments_of(self, event_id: str) -> list[AttachedSentence]:
        """The undated sentences attached to an event."""
        rows = self._db.execute(
            "SELECT day, slug, sentence, anchor, text FROM attachments WHERE event = ? "
            "ORDER BY day, slug, sentence",
            (event_id,),
        )
        return [AttachedSentence(*row) for row in rows]

    def undated_sentence(self, slug: str, sentence: int) -> SentenceReport:
        row = self._db.execute(
            "SELECT data FROM undated WHERE slug = ? AND sentence = ?", (slug, sentence)
        ).fetchone()
        return loads(SentenceReport, row[0])

    # --- topics ------------------------------------------------------------------------------------

    def entity_totals(self) -> dict[str, Tally]:
        """How often each entity is named, from the running totals."""
        found: dict[str, list[int]] = {}
        rows = self._db.execute("SELECT entity, kind, SUM(count) FROM totals GROUP BY entity, kind")
        for entity, kind, count in rows:
            found.setdefault(entity, [0, 0])[kind == "articles"] = count
        return {entity: Tally(mentions, articles) for entity, (mentions, articles) in found.items()}

    def topic_order(self, entity: str, limit: int = -1) -> list[Listed]:
        """The articles naming an entity: most mentions first, then newest.

        Read from a covering index; the digest covers all a topic page shows of a row.
        """
        rows = self._db.execute(
            "SELECT slug, digest, day FROM mentions WHERE entity = ? "
            "ORDER BY count DESC, day IS NULL, day DESC, slug LIMIT ?",
            (entity, limit),
        )
        return [Listed(*row) for row in rows]

    def topic_rows_by_day(self, entity: str) -> list[Listed]:
        """The articles naming an entity, newest first (undated last).

        Read from a covering index, so that the pages of a topic named in thousands of
        articles are checked in milliseconds.
        """
        rows = self._db.execute(
            "SELECT slug, digest, day FROM mentions WHERE entity = ? "
            "ORDER BY IFNULL(day, '') = '', IFNULL(day, '') DESC, slug",
            (entity,),
        )
        return [Listed(*row) for row in rows]

    def topic_rows(self, entity: str, slugs: list[str]) -> dict[str, TopicLine]:
        """What a topic's page shows of some of the articles naming the entity, by slug."""
        rows = self._select_in(
            "SELECT slug, count, sentence, anchor FROM mentions WHERE entity = ? AND slug IN ({})",
            slugs,
            (entity,),
        )
        return {slug: TopicLine(count, sentence, anchor) for slug, count, sentence, anchor in rows}

    def topic_totals(self, entity: str) -> Tally:
        """How often an entity is named, counted from its rows."""
        total, articles = self._db.execute(
            "SELECT SUM(count), COUNT(*) FROM mentions WHERE entity = ?", (entity,)
        ).fetchone()
        return Tally(total or 0, articles)

    def entities_named(self) -> list[str]:
        """The entities some article names, in order."""
        return [e for (e,) in self._db.execute("SELECT DISTINCT entity FROM mentions ORDER BY entity")]

    def spellings(self, entity: str) -> list[Spelling]:
        rows = self._db.execute("SELECT text, count FROM spelled WHERE entity = ?", (entity,))
        return [Spelling(*row) for row in rows]

    def cooccurring(self, entity: str) -> list[Neighbour]:
        rows = self._db.execute(
            "SELECT other, count FROM cooccurrence WHERE entity = ? ORDER BY count DESC, other", (entity,)
        )
        return [Neighbour(*row) for row in rows]

    def mentions_by_month(self, entity: str) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT substr(day, 1, 7), SUM(count) FROM mentions WHERE entity = ? AND day IS NOT NULL "
            "GROUP BY substr(day, 1, 7)",
            (entity,),
        )
        return dict(rows)

    def entity_days(self, entity: str) -> Span:
        """The first and last publication day of the articles naming an entity."""
        row = self._db.execute(
            "SELECT MIN(day), MAX(day) FROM mentions WHERE entity = ?", (entity,)
        ).fetchone()
        return Span(*row)

    def day_span(self) -> Span:
        """The first and last publication day of all the articles."""
        return Span(*self._db.execute("SELECT MIN(day), MAX(day) FROM articles").fetchone())

    def top_events_of(self, entity: str, limit: int) -> list[EventBrief]:
        """The events naming an entity that the most articles report."""
        rows = self._db.execute(
            f"SELECT {_BRIEF} FROM event_entities x JOIN events e ON e.id = x.event WHERE x.entity = ? "
            "ORDER BY e.sources DESC, e.sort DESC, e.id LIMIT ?",
            (entity, limit),
        )
        return [EventBrief(*row) for row in rows]

    def latest_events(self, until: str, limit: int) -> list[EventBrief]:
        """The latest events dated up to ``until`` whose date does not rest on an inferred one."""
        rows = self._db.execute(
            f"SELECT {_BRIEF} FROM events e WHERE e.first_day <= ? AND e.inferred = 0 "
            "ORDER BY e.sort DESC, e.id DESC LIMIT ?",
            (until, limit),
        )
        return [EventBrief(*row) for row in rows]

    def event_count_of(self, entity: str) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM event_entities WHERE entity = ?", (entity,)).fetchone()
        return int(row[0])

    def posting(self, entity: str) -> list[Posting]:
        """Every article naming the entity, oldest first."""
        rows = self._db.execute(
            "SELECT IFNULL(day, ''), slug FROM mentions WHERE entity = ? ORDER BY IFNULL(day, ''), slug",
            (entity,),
        )
        return [Posting(*row) for row in rows]

    def posting_window(self, entity: str, day: str, slug: str, before: int, after: int) -> list[Posting]:
        """Up to ``before`` entries of :meth:`posting` before (day, slug) and ``after`` from it on.

        (The conditions are spelled out, rather than a row-value comparison, so that SQLite
        reads just the neighbourhood from the index.)
        """
        earlier = self._db.execute(
            "SELECT IFNULL(day, ''), slug FROM mentions WHERE entity = ? AND IFNULL(day, '') <= ? "
            "AND (IFNULL(day, '') < ? OR slug < ?) ORDER BY IFNULL(day, '') DESC, slug DESC LIMIT ?",
            (entity, day, day, slug, before),
        ).fetchall()
        later = self._db.execute(
            "SELECT IFNULL(day, ''), slug FROM mentions WHERE entity = ? AND IFNULL(day, '') >= ? "
            "AND (IFNULL(day, '') > ? OR slug >= ?) ORDER BY IFNULL(day, ''), slug LIMIT ?",
            (entity, day, day, slug, after),
        ).fetchall()
        return [Posting(*row) for row in earlier[::-1] + later]

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
        rows = self._db.execute("SELECT other FROM related WHERE slug = ? ORDER BY rank", (slug,))
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
        self._db.execute("DELETE FROM related WHERE slug = ?", (slug,))
        self._db.executemany(
            "INSERT INTO related VALUES (?, ?, ?)", [(slug, i, o) for i, o in enumerate(others)]
        )

    def listing(self, other: str) -> list[str]:
        """The articles that list ``other`` among their related articles."""
        return [slug for (slug,) in self._db.execute("SELECT slug FROM related WHERE other = ?", (other,))]

    # --- tags, sources, authors ------------------------------------------------------------------------

    def tag_members(self, tag: str) -> Tagged:
        """A tag's articles, newest first."""
        row = self._db.execute("SELECT name FROM tags WHERE tag = ? ORDER BY day, slug LIMIT 1", (tag,))
        name = row.fetchone()
        rows = self._listed("JOIN tags t ON t.slug = a.slug WHERE t.tag = ?", (tag,))
        return Tagged(name[0] if name else tag, rows)

    def all_tags(self) -> list[str]:
        return [t for (t,) in self._db.execute("SELECT DISTINCT tag FROM tags ORDER BY tag")]

    def findings(
        self,
        kind: FindingKind[R],
        topic: str | None = None,
        month: str | None = None,
        groups: Iterable[str] | None = None,
        limit: int = -1,
    ) -> list[FoundIn[R]]:
        """Every finding of a kind (or those shown on one entity's topic page, or those of the articles
        published in one month: "2024-01", or "" for the undated, or those of some ``groups``: the
        voices of statements, the quantities of figures), newest first; at most ``limit`` of them
        (-1: all)."""
        of_topic, topics = ("AND topic = ?", (topic,)) if topic else ("", ())
        of_groups, listed = (
            ("AND grp IN (SELECT value FROM json_each(?))", (json.dumps(sorted(groups)),))
            if groups is not None
            else ("", ())
        )
        in_month, months = _in_month(month)
        rows = self._db.execute(
            f"SELECT slug, day, data FROM findings WHERE kind = ? {of_topic} {of_groups} AND {in_month} "
            "ORDER BY day IS NULL, day DESC, slug, position LIMIT ?",
            (kind.name, *topics, *listed, *months, limit),
        )
        return [FoundIn(slug, day, loads(kind.record, blob)) for slug, day, blob in rows]

    def finding_count(self, kind: FindingKind[Any], topic: str) -> int:
        """How many findings of a kind one entity's topic page counts (see :meth:`findings`)."""
        row = self._db.execute(
            "SELECT COUNT(*) FROM findings WHERE kind = ? AND topic = ?", (kind.name, topic)
        ).fetchone()
        return int(row[0])

    def entity_counts_by_source(self) -> list[SourceTally]:
        """How often every outlet names every entity it names ("" for articles without a source), from
        the running totals."""
        rows = self._db.execute(
            "SELECT source, entity, SUM(CASE kind WHEN 'mentions' THEN count ELSE 0 END), "
            "SUM(CASE kind WHEN 'articles' THEN count ELSE 0 END) "
            "FROM totals GROUP BY source, entity ORDER BY source, entity"
        )
        return [SourceTally(*row) for row in rows]

    def source_days(self) -> list[Published]:
        """The outlet and day of every dated article."""
        rows = self._db.execute(
            "SELECT IFNULL(source, ''), day FROM articles WHERE day IS NOT NULL ORDER BY day"
        )
        return [Published(*row) for row in rows]

    def source_counts(self) -> list[NameCount]:
        """The articles of each outlet ("" for those that name none)."""
        rows = self._db.execute(
            "SELECT IFNULL(source, ''), COUNT(*) FROM articles GROUP BY IFNULL(source, '')"
        )
        return [NameCount(*row) for row in rows]

    def author_counts(self) -> list[NameCount]:
        rows = self._db.execute("SELECT author, COUNT(*) FROM authors GROUP BY author")
        return [NameCount(*row) for row in rows]

    def authors_of_source(self, source: str) -> list[str]:
        rows = self._db.execute(
            "SELECT DISTINCT a.author FROM articles r JOIN authors a ON a.slug = r.slug "
            "WHERE IFNULL(r.source, '') = ? ORDER BY a.author",
            (source,),
        )
        return [a for (a,) in rows]

    def source_authors(self) -> dict[str, list[str]]:
        """source → its authors, for every source ("" for articles that name none)."""
        found: dict[str, list[str]] = {}
        rows = self._db.execute(
            "SELECT DISTINCT IFNULL(r.source, ''), a.author FROM authors a "
            "JOIN articles r ON r.slug = a.slug ORDER BY 1, 2"
        )
        for source, author in rows:
            found.setdefault(source, []).append(author)
        return found

    def author_members(self, author: str) -> list[Listed]:
        return self._listed("JOIN authors w ON w.slug = a.slug WHERE w.author = ?", (author,))

    def name_rows(self) -> list[NameSighting]:
        rows = self._db.execute(
            "SELECT key, slug, path, position, text, initial, context, canon FROM names "
            "ORDER BY path, position"
        )
        return [NameSighting(*row) for row in rows]

    def name_tallies(self) -> list[NameTally]:
        """Each unknown name (by canonical key): how often it is seen, and whether only at sentence starts."""
        rows = self._db.execute(
            "SELECT canon, COUNT(*), MIN(initial) FROM names GROUP BY canon ORDER BY canon"
        )
        return [NameTally(canon, count, bool(initial)) for canon, count, initial in rows]

    def totals(self) -> Found:
        """What the extraction found in all the articles."""
        row = self._db.execute(
            "SELECT IFNULL(SUM(mentions), 0), IFNULL(SUM(dates), 0) FROM articles"
        ).fetchone()
        return Found(*row)

    def every_key(self) -> Touched:
        """Every key the store holds, touched: what a full refresh recomputes."""
        db = self._db
        touched = Touched(listing=True)
        touched.slugs = {s for (s,) in db.execute("SELECT slug FROM articles")}
        touched.cards = set(touched.slugs)
        touched.lines = set(touched.slugs)
        touched.entities = {e for (e,) in db.execute("SELECT DISTINCT entity FROM mentions")}
        touched.buckets = {b for (b,) in db.execute("SELECT DISTINCT bucket FROM reports")}
        touched.days = {d for (d,) in db.execute("SELECT DISTINCT day FROM undated")}
        touched.tags = {t for (t,) in db.execute("SELECT DISTINCT tag FROM tags")}
        touched.sources = {s for (s,) in db.execute("SELECT DISTINCT IFNULL(source, '') FROM articles")}
        touched.authors = {a for (a,) in db.execute("SELECT DISTINCT author FROM authors")}
        touched.groups = {
            f"{kind}:{group}"
            for kind, group in db.execute("SELECT DISTINCT kind, grp FROM findings WHERE grp IS NOT NULL")
        }
        return touched

    # --- derived views ----------------------------------------------------------------------------

    def summary_of(self, entity: str) -> TopicSummary | None:
        """The stored summary of a topic (see :mod:`dossier.analyze.topics`)."""
        row = self._db.execute("SELECT data FROM summaries WHERE entity = ?", (entity,)).fetchone()
        return None if row is None else loads(TopicSummary, row[0])

    def replace_summary(self, entity: str, summary: TopicSummary | None) -> None:
        self._db.execute("DELETE FROM summaries WHERE entity = ?", (entity,))
        if summary is not None:
            self._db.execute("INSERT INTO summaries VALUES (?, ?)", (entity, dumps(summary)))

    def voices(self) -> list[Voice]:
        """Every speaker, as the analysis summed them up (in no order)."""
        return [loads(Voice, data) for (data,) in self._db.execute("SELECT data FROM voices")]

    def replace_voices(self, keys: Iterable[str], voices: Iterable[Voice]) -> None:
        """The speakers ``keys`` made again: those left are ``voices``, the others have gone."""
        self._db.executemany("DELETE FROM voices WHERE key = ?", [(key,) for key in keys])
        self._db.executemany("INSERT INTO voices VALUES (?, ?)", [(v.key, dumps(v)) for v in voices])

    def figure_groups(self, limit: int = -1) -> list[FigureGroup]:
        """The figures by quantity, as the analysis grouped and compared them: those most articles
        give first, then those whose claims disagree; at most ``limit`` of them (-1: all)."""
        rows = self._db.execute(
            "SELECT data FROM figure_groups ORDER BY sources DESC, disagree DESC, quantity LIMIT ?", (limit,)
        )
        return [loads(FigureGroup, data) for (data,) in rows]

    def figure_claims(self) -> int:
        """How many claims the figure groups hold."""
        return int(self._db.execute("SELECT IFNULL(SUM(claims), 0) FROM figure_groups").fetchone()[0])

    def replace_figure_groups(self, quantities: Iterable[str], groups: Iterable[FigureGroup]) -> None:
        """The quantities ``quantities`` grouped again: those left are ``groups``, the others have gone."""
        self._db.executemany("DELETE FROM figure_groups WHERE quantity = ?", [(q,) for q in quantities])
        self._db.executemany(
            "INSERT INTO figure_groups VALUES (?, ?, ?, ?, ?)",
            [(g.quantity, g.sources, int(g.disagree), len(g.claims), dumps(g)) for g in groups],
        )

    def coverage(self) -> Coverage | None:
        """Which outlets cover what (None before the analysis first made it)."""
        found: Coverage | None = self._view("coverage", Coverage)
        return found

    def _view(self, name: str, cls: Any) -> Any:
        row = self._db.execute("SELECT data FROM views WHERE name = ?", (name,)).fetchone()
        return None if row is None else loads(cls, row[0])

    def view_inputs(self, name: str) -> str | None:
        """The digest of the inputs a stored view (voices, figures, coverage) was made from."""
        row = self._db.execute("SELECT inputs FROM views WHERE name = ?", (name,)).fetchone()
        return None if row is None else row[0]

    def replace_view(self, name: str, inputs: str, view: object) -> None:
        self._db.execute("INSERT OR REPLACE INTO views VALUES (?, ?, ?)", (name, inputs, dumps(view)))

    def findings_digest(self, kind: FindingKind[Any]) -> str:
        """A digest of every finding of a kind and of what lists show of its article (read from the
        findings' own digests, not their text)."""
        return self._digest_of(
            "SELECT f.slug, a.line_digest, f.digest FROM findings f JOIN articles a ON a.slug = f.slug "
            "WHERE f.kind = ? ORDER BY f.slug, f.position",
            args=(kind.name,),
        )

    def coverage_digest(self) -> str:
        """A digest of what the coverage view is made of: outlets' mentions and days, and the events."""
        return self._digest_of(
            "SELECT source, entity, kind, count FROM totals ORDER BY source, entity, kind",
            "SELECT IFNULL(source, ''), day, COUNT(*) FROM articles GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT id, digest FROM events ORDER BY sort, id",
        )

    def _digest_of(self, *queries: str, args: tuple[str, ...] = ()) -> str:
        """A digest of the rows the queries give (their text, a C-speed pass over every row)."""
        digest = hashlib.sha1()
        for sql in queries:
            digest.update(repr(self._db.execute(sql, args).fetchall()).encode("utf-8"))
        return digest.hexdigest()

    def count(self, table: str) -> int:
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def entity_exports(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT entity, text FROM entity_exports"))

    def store_entity_export(self, entity: str, text: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO entity_exports VALUES (?, ?)", (entity, text))

    def annotations(self, month: str | None = None) -> Iterator[str]:
        """Every article's entry of data/annotations.json, by path (or those published in one month:
        "2024-01", or "" for the undated)."""
        in_month, args = _in_month(month)
        rows = self._db.execute(f"SELECT annotations FROM articles WHERE {in_month} ORDER BY path", args)
        for (text,) in rows:
            yield text

    def article_stamps(self, having: FindingKind[Any] | None = None) -> list[Filed]:
        """Every article's month ("" when undated), path and version, in path order; or only those of
        the articles ``having`` findings of a kind. An article's findings are made, and changed,
        only with its version, so these stand for them at a row per article, not per finding."""
        only, kind = ("WHERE instr(kinds, ?) > 0", (f" {having.name} ",)) if having else ("", ())
        rows = self._db.execute(
            f"SELECT IFNULL(substr(day, 1, 7), ''), path, key FROM articles {only} ORDER BY path", kind
        )
        return [Filed(*row) for row in rows]

    def event_stamps(self) -> list[Filed]:
        """Every event's year (that of its last day: the timeline is in that order), id and digest, in
        timeline order."""
        rows = self._db.execute("SELECT substr(sort, 1, 4), id, digest FROM events ORDER BY sort, id")
        return [Filed(*row) for row in rows]

    # --- pages ----------------------------------------------------------------------------------------

    def group_pages(self, prefix: str) -> list[GroupPage]:
        """The pages of every group whose name starts with ``prefix`` ("article:"), in path order."""
        rows = self._db.execute(
            "SELECT grp, path, fingerprint, indexed FROM pages WHERE substr(grp, 1, ?) = ? ORDER BY path",
            (len(prefix), prefix),
        )
        return [GroupPage(*row) for row in rows]

    def page_fingerprints(self, group: str) -> dict[str, str]:
        return dict(self._db.execute("SELECT path, fingerprint FROM pages WHERE grp = ?", (group,)))

    def indexed_digests(self, group: str) -> dict[str, str]:
        """path → the digest of what search indexes of each page of a group ("" for none)."""
        return dict(self._db.execute("SELECT path, indexed FROM pages WHERE grp = ?", (group,)))

    def forget_groups_except(self, groups: list[str]) -> None:
        """Drop the fingerprints of page groups the site no longer has."""
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (grp TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM kept")
        self._db.executemany("INSERT OR IGNORE INTO kept VALUES (?)", [(g,) for g in groups])
        self._db.execute("DELETE FROM pages WHERE grp NOT IN (SELECT grp FROM kept)")

    def page_layouts(self, group: str) -> dict[str, str]:
        """path → the encoded layout of each page of a group (see render/layout.py; "" for none)."""
        return dict(self._db.execute("SELECT path, layout FROM pages WHERE grp = ?", (group,)))

    def replace_pages(
        self,
        group: str,
        fingerprints: dict[str, str],
        indexed: dict[str, str] | None = None,
        layouts: dict[str, str] | None = None,
    ) -> None:
        """The pages of a group, their fingerprints, what search indexes of them (see
        :func:`dossier.search.indexed_part`; none for pages it does not index) and their layouts."""
        found, laid = indexed or {}, layouts or {}
        self._db.execute("DELETE FROM pages WHERE grp = ?", (group,))
        self._db.executemany(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?)",
            [(p, group, f, found.get(p, ""), laid.get(p, "")) for p, f in sorted(fingerprints.items())],
        )

    # --- helpers ----------------------------------------------------------------------------------------

    def _select_in(self, sql: str, values: list[str], before: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` with its ``IN ({})`` filled with ``values`` (after ``before`` parameters)."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            rows.extend(self._db.execute(sql.format(",".join("?" * len(chunk))), (*before, *chunk)))
        return rows


_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for table, columns in COLUMNS.items()
}
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
