"""An article's facts as the rows of the cache: the codec between the extraction's record and the tables.

Made in the extraction worker, so that the build process only inserts them;
the digests here say when two versions of a row show the same thing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from dossier.model import ArticleFacts, Card, SentenceReport, primary_language
from dossier.slugs import tag_slug as tag_key
from dossier.store.codec import encode as dumps  # a record as stored: compact JSON


def report_signature(report: SentenceReport) -> str:
    """What makes two dated sentences the same report wherever they appear (not their place)."""
    parts = [report.text, report.date, report.mod, report.date_text, report.inferred, report.entities,
             sorted(report.features), sorted(report.local), report.language]  # fmt: skip
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def card_digest(card: Card, with_excerpt: bool = True) -> str:
    """A digest of everything a list shows of an article (without the excerpt: a one-line mention)."""
    fields = [card.slug, card.title, card.source, list(card.authors), card.published, card.inferred,
              card.excerpt if with_excerpt else None, card.language]  # fmt: skip
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class ArticleCore(NamedTuple):
    """What an article's page and the incremental refresh read back of it, in one stored record."""

    url: str | None
    tags: tuple[str, ...]
    summary: str | None
    counts: tuple[tuple[str, int], ...]  # entity → mentions
    pairs: tuple[tuple[str, str, int], ...]  # entities named in one sentence, how often
    spellings: tuple[tuple[str, str, int], ...]  # entity, as written, how often


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """An article's rows, made by :func:`article_rows`: each list holds rows of the table it is named
    after, their values in the order of that table's columns (``schema.COLUMNS``)."""

    slug: str
    day: str | None
    source: str | None
    card_digest: str  # of what lists show of it
    line_digest: str  # the same without the excerpt
    article: tuple[str | int | None, ...]
    mentions: list[tuple[str, str, str | None, int, str, str, str]]
    tags: list[tuple[str, str, str, str | None]]
    authors: list[tuple[str, str, str | None]]
    reports: list[tuple[str, str, str | None, int, str, str, str]]
    undated: list[tuple[str | None, str, int, str, str]]
    names: list[tuple[str, str, str, int, str, int, str, str]]
    pairs: tuple[tuple[str, str, int], ...]
    spellings: tuple[tuple[str, str, int], ...]
    entities: tuple[str, ...]
    buckets: tuple[str, ...]
    # (kind, slug, day, topic, position, digest, data, group)
    findings: list[tuple[str, str, str | None, str | None, int, str, str, str | None]] = field(
        default_factory=list
    )


def _row_digest(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class RowRules(NamedTuple):
    """The analysis's rules the rows are keyed by, handed in so that the store knows none of them."""

    bucket: Callable[[str], str]  # the bucket of a dated sentence's TIMEX value (see analyze/events.py)


def _kinds_found(facts: ArticleFacts) -> str:
    """The kinds of finding the article has, each between spaces (" statements figures "): what
    tells, from its row alone, which exports of findings it is in."""
    return "".join(f" {kind.name} " for kind, records in facts.findings if records)


def article_rows(facts: ArticleFacts, rules: RowRules) -> ArticleRows:
    """An article's rows for the cache, made in a worker process so the build process only inserts them."""
    slug, day, card = facts.slug, facts.day, facts.card
    line = card_digest(card, with_excerpt=False)
    counts = tuple((m.entity, m.count) for m in facts.mentions)
    core = ArticleCore(facts.url, facts.tags, facts.summary, counts, facts.pairs, facts.spellings)
    reports = [
        (rules.bucket(r.date), slug, day, r.sentence, r.anchor, report_signature(r), dumps(r))
        for r in facts.reports
        if r.date
    ]
    digest = card_digest(card)
    return ArticleRows(
        slug=slug,
        day=day,
        source=card.source,
        card_digest=digest,
        line_digest=line,
        article=(
            slug,
            facts.key,
            facts.path,
            day,
            card.source,
            dumps(card),
            digest,
            line,
            dumps(core),
            facts.body_html,
            facts.annotations,
            facts.mention_count,
            facts.date_count,
            primary_language(card.language),
            _kinds_found(facts),
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
        findings=[
            (
                kind.name,
                slug,
                day,
                kind.topic_of(record),
                record.start,
                _text_digest(text),
                text,
                kind.group_of(record),
            )
            for kind, records in facts.findings
            for record, text in ((record, dumps(record)) for record in records)
        ],
    )
