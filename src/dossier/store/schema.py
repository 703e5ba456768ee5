"""The tables of the build cache, and the version that a cache made under other tables is discarded by.

One row set per article, keyed by its slug, so that an edit deletes the
article's old rows and inserts its new ones; cross-article tables (totals,
co-occurrences, spellings) are kept as running sums; every kind of finding
(statements, figures, …: see ``model.FindingKind``) shares one table; derived
tables (events, attachments, related articles, views, page fingerprints) are
replaced key by key.
"""

from __future__ import annotations

import hashlib
import re

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, digest TEXT, head TEXT);
CREATE TABLE articles (
    slug TEXT PRIMARY KEY, key TEXT NOT NULL, path TEXT NOT NULL, day TEXT, source TEXT,
    card TEXT NOT NULL, card_digest TEXT NOT NULL, line_digest TEXT NOT NULL, facts TEXT NOT NULL,
    body TEXT NOT NULL, annotations TEXT NOT NULL, mentions INTEGER NOT NULL, dates INTEGER NOT NULL,
    language TEXT NOT NULL, kinds TEXT NOT NULL
);
CREATE TABLE mentions (entity TEXT, slug TEXT, day TEXT, count INTEGER, sentence TEXT, anchor TEXT,
                       digest TEXT, PRIMARY KEY (entity, slug));
CREATE TABLE totals (source TEXT, entity TEXT, kind TEXT, count INTEGER, PRIMARY KEY (source, entity, kind));
CREATE TABLE spelled (entity TEXT, text TEXT, count INTEGER, PRIMARY KEY (entity, text));
CREATE TABLE cooccurrence (entity TEXT, other TEXT, count INTEGER, PRIMARY KEY (entity, other));
CREATE TABLE tags (tag TEXT, name TEXT, slug TEXT, day TEXT);
CREATE TABLE authors (author TEXT, slug TEXT, day TEXT);
CREATE TABLE reports (bucket TEXT, slug TEXT, day TEXT, sentence INTEGER, anchor TEXT, sig TEXT, data TEXT);
CREATE TABLE undated (day TEXT, slug TEXT, sentence INTEGER, sig TEXT, data TEXT);
CREATE TABLE names (key TEXT, slug TEXT, path TEXT, position INTEGER, text TEXT, initial INTEGER,
                    context TEXT, canon TEXT);
CREATE TABLE events (id TEXT PRIMARY KEY, bucket TEXT, first_day TEXT, window_end TEXT, sort TEXT,
                     precise INTEGER, sources INTEGER, label TEXT, date TEXT, inferred INTEGER,
                     data TEXT, export TEXT, slide TEXT, digest TEXT, outlets TEXT, within_month INTEGER,
                     lead TEXT, languages TEXT, last_day TEXT);
CREATE TABLE event_entities (event TEXT, entity TEXT);
CREATE TABLE event_members (event TEXT, slug TEXT, anchor TEXT, sentence TEXT);
CREATE TABLE attachments (day TEXT, slug TEXT, sentence INTEGER, event TEXT, score REAL, anchor TEXT,
                          text TEXT);
CREATE TABLE related (slug TEXT, rank INTEGER, other TEXT);
CREATE TABLE findings (
    kind TEXT, slug TEXT, day TEXT, topic TEXT, position INTEGER, digest TEXT, data TEXT, grp TEXT
);
CREATE TABLE summaries (entity TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE views (name TEXT PRIMARY KEY, inputs TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE voices (key TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE figure_groups (
    quantity TEXT PRIMARY KEY, sources INTEGER NOT NULL, disagree INTEGER NOT NULL, claims INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE entity_exports (entity TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE pages (
    path TEXT PRIMARY KEY, grp TEXT NOT NULL, fingerprint TEXT NOT NULL, indexed TEXT NOT NULL,
    layout TEXT NOT NULL
);
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
CREATE INDEX IF NOT EXISTS findings_slug ON findings (slug);
CREATE INDEX IF NOT EXISTS findings_day ON findings (kind, day);
-- a topic's or a speaker's findings, newest first, read a page at a time (see Store.findings)
CREATE INDEX IF NOT EXISTS findings_topic
    ON findings (kind, topic, day IS NULL, day DESC, slug, position);
CREATE INDEX IF NOT EXISTS findings_group
    ON findings (kind, grp, day IS NULL, day DESC, slug, position);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path);
-- the articles' short columns, in path order: a scan of them (versions, stamps, totals) never reads
-- the long ones (bodies, annotations), which fill most of the table's pages
CREATE INDEX IF NOT EXISTS articles_brief
    ON articles (path, slug, key, day, source, language, kinds, mentions, dates, line_digest);
CREATE INDEX IF NOT EXISTS articles_order ON articles (day IS NULL, day DESC, slug, card_digest);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
CREATE INDEX IF NOT EXISTS reports_bucket ON reports (bucket, sig);
CREATE INDEX IF NOT EXISTS reports_slug ON reports (slug);
CREATE INDEX IF NOT EXISTS undated_day ON undated (day);
CREATE INDEX IF NOT EXISTS undated_slug ON undated (slug, sentence);
CREATE INDEX IF NOT EXISTS names_slug ON names (slug);
CREATE INDEX IF NOT EXISTS names_canon ON names (canon, initial);
CREATE INDEX IF NOT EXISTS events_bucket ON events (bucket);
-- the events' short columns in timeline order, for the same reason as articles_brief
CREATE INDEX IF NOT EXISTS events_brief ON events (sort, id, digest, first_day, within_month);
CREATE INDEX IF NOT EXISTS events_latest ON events (last_day, first_day, sort, id);
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
CREATE INDEX IF NOT EXISTS figure_groups_order ON figure_groups (sources DESC, disagree DESC, quantity);
"""
SCHEMA = TABLES + INDEXES


def _columns(tables: str) -> dict[str, tuple[str, ...]]:
    """table → its column names, read from the CREATE TABLE statements above."""
    found: dict[str, tuple[str, ...]] = {}
    for statement in tables.split(";"):
        match = re.match(r"\s*CREATE TABLE (\w+) \((.*)\)\s*$", statement, re.DOTALL)
        if match:
            names = []
            for part in match.group(2).split(","):
                if part.split()[:2] == ["PRIMARY", "KEY"]:  # a table constraint: no more columns
                    break
                names.append(part.split()[0])
            found[match.group(1)] = tuple(names)
    return found


COLUMNS = _columns(TABLES)
# The tables of an article's own rows, each a field of ``rows.ArticleRows``: what adding and removing
# an article inserts and deletes.
ARTICLE_TABLES = (
    "articles", "mentions", "tags", "authors", "reports", "undated", "names", "findings",
)  # fmt: skip


def schema_version(records: str) -> str:
    """The tables and the shapes of the stored records (``records``, a digest of their classes):
    a cache made under other ones is discarded."""
    return hashlib.sha1(f"{SCHEMA}|{records}".encode()).hexdigest()[:12]
