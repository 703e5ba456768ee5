"""Which pages the site has, and what each shows: view-models built from the cache.

Pages come in groups (one article, one topic with its pages, the timeline of
one year, …). For each group the planner lists its pages. A page carries a
*key*: a digest of the raw data it shows (row tuples, stored digests of cards
and events), cheap to compute even for a hundred pages of a large topic. The
view-model, made of plain values, is built only for a page whose key differs
from the last build's, so only pages whose data changed are rendered and
written. Lists are paginated so that no page grows with the archive.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.analyze.claims import COVERAGE_EVENTS, COVERAGE_WINDOW, in_voice_order
from dossier.changes import Refreshed, Touched
from dossier.config import SiteConfig
from dossier.model import STATEMENTS, Card, Entity, TimelineEvent, chronological, primary_language
from dossier.render import urls
from dossier.render.charts import monthly_bars
from dossier.render.feeds import absolute_links, feed_entry, feed_view
from dossier.render.languages import language_name
from dossier.render.text import plain
from dossier.slugs import author_slug, name_slug, slugify, tag_slug
from dossier.store.database import Store
from dossier.store.records import DatedEvent, EventBrief, Listed
from dossier.timex import parse_timex

TOP_ARTICLES = 10  # the articles naming an entity most, listed first on its page when it has many
WITHIN_MONTH = ("day", "week", "month")  # granularities a busy year's month pages show
SOURCES_SHOWN = 10  # sources listed under one event on the timeline
EVENTS_ON_TOPIC = 10
UNATTRIBUTED = "Source not given"
# Bounds that keep the cross-article pages from growing with the archive; data/voices.json and
# data/figures.json hold everything.
SPEAKERS_SHOWN = 100  # speakers with a section on the Voices page (the others are listed by name)
STATEMENTS_SHOWN = 10  # newest statements per speaker there
QUANTITIES_SHOWN = 100  # quantities on the Figures page
CLAIMS_SHOWN = 25  # claims per quantity there
STATEMENTS_ON_TOPIC = 12  # what a speaking entity said, on its topic page (the rest on the Voices page)
COVERAGE_COLUMNS = 12  # entities in the sources × entities table: the most mentioned
COVERAGE_DAYS = COVERAGE_WINDOW.days
TYPE_ORDER = (
    "person", "armed-group", "political-group", "coalition", "military", "government", "organization",
    "country", "region", "province", "city", "military-base", "place",
)  # fmt: skip
TYPE_LABELS = {
    "person": "People", "armed-group": "Armed groups", "political-group": "Political groups",
    "coalition": "Coalitions", "military": "Military commands", "government": "Government bodies",
    "organization": "Organizations", "country": "Countries", "region": "Regions", "province": "Provinces",
    "city": "Cities", "military-base": "Military bases", "place": "Places",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    """One output file: a template and a view-model built on demand, or a text given whole."""

    path: str
    template: str | None
    key: str  # digest of the data the page shows
    build: Callable[[], dict[str, Any]] | None = None
    text: str | None = None
    make: Callable[[], Iterable[str]] | None = None  # a large text, made in pieces when it is written

    def content(self) -> Iterable[str]:
        """The text of a page that is not rendered from a template."""
        if self.text is not None:
            return [self.text]
        return self.make() if self.make is not None else []


def digest(*parts: Any) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind.replace("-", " ").capitalize() + "s")


def source_slug(source: str | None) -> str:
    return name_slug(source or UNATTRIBUTED, "source")


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def script_language(text: str) -> str | None:
    """``ar`` for a name in Arabic script, so that it is marked up (and read aloud) as such (a
    search, not a loop over the characters: every sentence of a topic's list goes through here)."""
    return "ar" if _ARABIC_SCRIPT.search(text) else None


def other_names(entity: Entity, seen: Iterable[str]) -> list[dict[str, str | None]]:
    """The registry's spellings of an entity that the articles do not use (native-script names too),
    shown on its page so that readers, and search, find it under any of them."""
    known = {name.casefold() for name in seen} | {entity.name.casefold()}
    names = []
    for alias in entity.aliases:
        if alias.casefold() not in known:
            known.add(alias.casefold())
            names.append({"text": alias, "lang": script_language(alias)})
    return names


def datetime_attr(value: str) -> str:
    """A value HTML's <time datetime> accepts: coarser values are given as their year."""
    timex = parse_timex(value)
    if timex is None:
        return value
    return value if timex.granularity in ("day", "week", "month", "year") else str(timex.year)


def day_anchor(day: str) -> str:
    """The timeline's anchor for the first event dated from ``day``."""
    return f"d{day}"


def month_label(month: str) -> str:
    timex = parse_timex(month)
    return timex.label() if timex else month


def _unnamed(voice: Any) -> bool:
    """A role ("witnesses") or a document named by no name ("military statement") speaks for no one
    the reader can look up: such statements are listed together as unnamed sources."""
    return voice.kind == "role" or (voice.kind == "document" and not voice.name[:1].isupper())


def in_date_order(briefs: list[Any]) -> list[Any]:
    """The events a topic page lists (its most reported ones), shown in the order they happened."""
    keyed = [(parse_timex(b.date), b) for b in briefs]
    return [b for t, b in sorted(keyed, key=lambda tb: (chronological(tb[0]) if tb[0] else "9999", tb[1].id))]


def published_label(card: Any) -> str:
    """When an article appeared, as lists show it: an estimated date as the period it is known to
    (with "estimated"), never as the exact last day of that period."""
    timex = parse_timex(card.published) if card.published else None
    if timex is None:
        return ""
    return f"{timex.label()} (estimated)" if card.inferred else timex.label()


def publication_count(source_counts: Iterable[tuple[str, int]]) -> int:
    """How many publications the articles come from, as the home page and the Sources page both
    say it: the articles whose source is not given are no publication."""
    return sum(1 for source, _ in source_counts if source)


def day_label(day: str | None) -> str:
    timex = parse_timex(day) if day else None
    return timex.label() if timex else ""


Row = Listed  # an article in a list: its slug, the digest of what the list shows of it, its day


def archive_path(first: str, key: str) -> str:
    """``topics/iraq.html`` → ``topics/iraq/2024-03.html``; ``articles/index.html`` → ``articles/page/…``."""
    base = (
        first[: -len("index.html")] + "page/"
        if first.endswith("/index.html")
        else first[: -len(".html")] + "/"
    )
    return f"{base}{key}.html"


@dataclass(frozen=True, slots=True)
class Paged:
    """One page of a long list: the first page shows the newest rows, archive pages one period each."""

    path: str
    rows: list[Row]  # newest first
    nav: dict[str, Any] | None
    label: str | None  # the archive page's period ("March 2024"); None for the first page


def _periods(rows: list[Row], size: int) -> list[tuple[str, str, list[Row]]]:
    """(key, label, rows newest first) of a list's archive pages, oldest first.

    A year is one page; a year with more than a page of rows is split by month,
    and a month with more still into parts (numbered from its oldest rows).
    """
    years: dict[str, list[Row]] = {}
    for row in rows:
        years.setdefault(row[2][:4] if row[2] else "", []).append(row)
    groups: list[tuple[str, str, list[Row]]] = []
    for year in sorted(years):
        found = years[year]
        if not year:
            groups.append(("undated", "Undated", found))
        elif len(found) <= size:
            groups.append((year, year, found))
        else:
            months: dict[str, list[Row]] = {}
            for row in found:
                months.setdefault(str(row[2])[:7], []).append(row)
            groups += [(m, month_label(m), months[m]) for m in sorted(months)]
    periods = []
    for key, label, found in groups:
        oldest_first = found[::-1]
        parts = -(-len(found) // size)
        for part in range(1, parts + 1):
            chunk = oldest_first[(part - 1) * size : part * size][::-1]
            if parts == 1:
                periods.append((key, label, chunk))
            else:
                periods.append(
                    (key if part == 1 else f"{key}-p{part}", f"{label}, part {part} of {parts}", chunk)
                )
    return periods


def paged(first: str, rows: list[Row], size: int) -> list[Paged]:
    """Split a list (newest first) into its first page and archive pages that stay put.

    The first page shows the newest hundred rows and an index of the archive;
    archive pages hold one period each (see :func:`_periods`). An article that
    comes, goes or changes alters the first page and its own period's page,
    whatever its date: counting pages from the newest row instead would move
    every row to another page at each addition, and rewrite every page.
    """
    if len(rows) <= size:
        return [Paged(first, rows, None, None)]
    periods = _periods(rows, size)
    paths = [archive_path(first, key) for key, _, _ in periods]
    index: list[dict[str, Any]] = []
    for (key, label, _), path in zip(periods, paths, strict=True):
        year = key[:4] if key[:1].isdigit() else label
        if not index or index[-1]["year"] != year:
            index.append({"year": year, "pages": []})
        index[-1]["pages"].append(
            {"label": label.replace(f" {year}", "") if label != year else year, "path": path}
        )
    first_nav = {"first": first, "label": None, "index": index, "older": paths[-1]}
    found = [Paged(first, rows[:size], first_nav, None)]
    for number, (_, label, chunk) in enumerate(periods):
        nav = {
            "first": first,
            "label": label,
            "newer": paths[number + 1] if number + 1 < len(paths) else first,
            "older": paths[number - 1] if number > 0 else None,
        }
        found.append(Paged(paths[number], chunk, nav, label))
    return found


class Planner:
    """Lists the pages of each group, from the cache, the registry and the configuration."""

    def __init__(self, store: Store, config: SiteConfig, entities: dict[str, Entity]) -> None:
        self.store = store
        self.config = config
        self.entities = entities
        self._cards: dict[str, Card] = {}
        self._year_counts: dict[str, int] | None = None

    # --- shared pieces ---------------------------------------------------------------------------

    def cards(self, slugs: Iterable[str]) -> dict[str, Card]:
        missing = [s for s in dict.fromkeys(slugs) if s not in self._cards]
        if missing:
            self._cards.update(self.store.cards(missing))
        return self._cards

    def card_view(self, card: Card) -> dict[str, Any]:
        timex = parse_timex(card.published) if card.published else None
        published = None
        if timex is not None:
            published = {
                "value": datetime_attr(timex.value),
                "label": timex.label(),
                "inferred": card.inferred,
            }
        return {
            "slug": card.slug,
            "title": card.title,
            "source": card.source,
            "source_slug": source_slug(card.source),
            "authors": [{"name": a, "slug": author_slug(a)} for a in card.authors],
            "published": published,
            "excerpt": card.excerpt,
            "language": card.language,
        }

    def entity_view(self, entity_id: str, count: int | None = None) -> dict[str, Any]:
        entity = self.entities[entity_id]
        view: dict[str, Any] = {"id": entity.id, "name": entity.name, "type": entity.type}
        if count is not None:
            view["count"] = count
        return view

    @property
    def year_counts(self) -> dict[str, int]:
        if self._year_counts is None:
            self._year_counts = self.store.year_counts()
        return self._year_counts

    @property
    def timeline_layout(self) -> str:
        """How the timeline is split, as a string that changes whenever any event's page does."""
        if sum(self.year_counts.values()) <= self.config.timeline_page_size:
            return "single"
        return "years:" + ",".join(sorted(y for y, n in self.year_counts.items() if self._split(y)))

    def _split(self, year: str) -> bool:
        """Whether a year of the timeline has too many events for one page, and gets one per month."""
        return self.year_counts.get(year, 0) > self.config.timeline_page_size

    def event_page(self, first_day: str, within_month: bool) -> str:
        """The timeline page that shows an event dated from ``first_day`` (to a day, week or month:
        ``within_month``)."""
        year = first_day[:4]
        if self.timeline_layout == "single":
            return urls.TIMELINE
        if within_month and self._split(year):
            return urls.timeline_page(first_day[:7])
        return urls.timeline_page(year)

    def event_target(self, first_day: str, within_month: bool) -> str:
        """Where the timeline shows events from ``first_day`` on: a day's anchor, stable however the
        events of that day are merged (an event's id changes with its earliest report)."""
        return f"{self.event_page(first_day, within_month)}#{day_anchor(first_day)}"

    def event_brief(self, brief: EventBrief) -> dict[str, Any]:
        return {
            "id": brief.id,
            "label": brief.label,
            "datetime": datetime_attr(brief.date),
            "inferred": bool(brief.inferred),
            "lead": plain(brief.lead),
            "target": self.event_target(brief.first_day, bool(brief.within_month)),
            "sources": brief.sources,
        }

    def event_view(self, event: TimelineEvent, outlets: list[str]) -> dict[str, Any]:
        """An event on the timeline: its first reports quoted, its first articles linked.

        ``outlets`` are the publications reporting it, stored with the event, so that
        an event reported by thousands of articles needs only a few cards.
        """
        sources = event.sources
        firsts: dict[str, str] = {}
        for s in sources:
            firsts.setdefault(s.slug, s.anchor)
        slugs = list(firsts)
        cards = self.cards([s.slug for s in sources[:SOURCES_SHOWN]] + slugs[:SOURCES_SHOWN])
        shown = [
            {
                "slug": s.slug,
                "name": cards[s.slug].source or cards[s.slug].title,
                "anchor": s.anchor,
                "sentence": plain(s.sentence),
                "dated": s.dated,
            }
            for s in sources[:SOURCES_SHOWN]
        ]
        return {
            **self.event_brief(
                EventBrief(
                    event.id,
                    event.label,
                    event.date.value,
                    event.inferred,
                    event.first_day,
                    event.date.granularity in WITHIN_MONTH,
                    len(slugs),
                    event.lead.sentence,
                )
            ),
            "entities": [self.entity_view(e) for e in event.entities[:8] if e in self.entities],
            "entity_ids": [e for e in event.entities if e in self.entities],
            "outlets": sorted({source_slug(o) for o in outlets}),
            "shown": shown,
            "more": len(sources) - len(shown),
            "articles": [
                {"slug": s, "name": cards[s].source or cards[s].title, "anchor": firsts[s]}
                for s in slugs[:SOURCES_SHOWN]
            ],
            "more_articles": max(0, len(slugs) - SOURCES_SHOWN),
            "day_anchor": None,  # set on the first event of its day on a timeline page
        }

    # --- groups ----------------------------------------------------------------------------------

    def plan(self, group: str) -> list[Page]:
        """The pages of one group: ``index``, or a kind and its key (``topic:isis``)."""
        name, _, key = group.partition(":")
        kind = PAGE_KINDS[name]
        return kind.plan(self, key) if ":" in group else kind.plan(self)

    def all_groups(self) -> list[str]:
        """Every page group of the site, kind by kind."""
        return [group for kind in PAGE_KINDS.values() for group in kind.groups(self)]

    def dirty_groups(self, touched: Touched, refreshed: Refreshed) -> list[str]:
        """The page groups an incremental build has to look at again, kind by kind."""
        changes = Changes(touched, refreshed)
        return sorted({group for kind in PAGE_KINDS.values() for group in kind.dirty(self, changes)})

    def _plan_index(self) -> list[Page]:
        context = self._index_context()
        return [Page(urls.INDEX, "index.html", digest(context), lambda: context), *self._site_feed()]

    def _site_feed(self) -> list[Page]:
        """The Atom feed of the newest articles, with their full text."""
        base = self.config.base_url
        if not base:
            return []
        slugs = self.store.latest_slugs(self.config.feed_items)
        keys = self.store.article_versions(slugs)

        def build() -> dict[str, Any]:
            entries = []
            for slug in slugs:
                card, _, _, summary, _, body = self.store.article(slug)
                url = urls.absolute(base, urls.article(slug))
                entries.append(feed_entry(card, url, summary, absolute_links(body, url)))
            return feed_view(
                urls.absolute(base, urls.FEED),
                urls.absolute(base, urls.INDEX),
                self.config.title,
                self.config.description,
                entries,
            )

        return [Page(urls.FEED, "feed.xml", digest(base, self.config.title, self.config.description,
                                                   slugs, keys), build)]  # fmt: skip

    def _topic_feed(self, entity: Entity, rows: list[Row]) -> list[Page]:
        """A topic's Atom feed: the newest articles naming it."""
        base = self.config.base_url
        if not base:
            return []
        newest = rows[: self.config.feed_items]

        def build() -> dict[str, Any]:
            cards = self.cards(slug for slug, *_ in newest)
            entries = [
                feed_entry(cards[slug], urls.absolute(base, urls.article(slug)), None, None)
                for slug, *_ in newest
            ]
            return feed_view(
                urls.absolute(base, urls.topic_feed(entity.id)),
                urls.absolute(base, urls.topic(entity.id)),
                f"{entity.name} · {self.config.title}",
                entity.description or f"Articles naming {entity.name}",
                entries,
            )

        key = digest(base, self.config.title, entity.name, entity.description, newest)
        return [Page(urls.topic_feed(entity.id), "feed.xml", key, build)]

    def _index_context(self) -> dict[str, Any]:
        cache, config = self.store, self.config
        latest = cache.latest_slugs(config.latest)
        first, last = cache.day_span()
        totals = cache.entity_totals()
        known = [e for e in totals if e in self.entities]
        top = sorted(known, key=lambda e: (-totals[e][0], self.entities[e].name))
        recent = cache.latest_events(last or "9999", config.latest)
        cards = self.cards(latest)
        return {
            "latest": [self.card_view(cards[s]) for s in latest],
            "top": [self.entity_view(e, totals[e][0]) for e in top[:16]],
            "recent": [self.event_brief(e) for e in recent],
            "stats": {
                "articles": cache.count("articles"),
                "sources": publication_count(cache.source_counts()),
                "topics": len(known),
                "events": cache.count("events"),
                "first_day": day_label(first),
                "last_day": day_label(last),
            },
        }

    def _listing(self, first: str, template: str, rows: list[Row], extra: dict[str, Any]) -> list[Page]:
        """Cards, newest first, over a first page and archive pages (see :func:`paged`)."""
        plans = []
        for part in paged(first, rows, self.config.page_size):
            shown = {**extra, "count": len(rows)} if part.label is None else extra

            def build(part: Paged = part, shown: dict[str, Any] = shown) -> dict[str, Any]:
                cards = self.cards(slug for slug, *_ in part.rows)
                return {
                    **shown,
                    "cards": [self.card_view(cards[slug]) for slug, *_ in part.rows],
                    "pagination": part.nav,
                }

            plans.append(Page(part.path, template, digest(shown, part.rows, part.nav), build))
        return plans

    def _plan_articles(self) -> list[Page]:
        return self._listing(urls.ARTICLES, "articles.html", self.store.ordered_cards(), {})

    def _plan_article(self, slug: str) -> list[Page]:
        row = self.store.article_version(slug)
        if row is None:
            return []
        events = self.store.events_of_article(slug)
        event_views = [
            {
                "label": label,
                "datetime": datetime_attr(value),
                "inferred": bool(inferred),
                "target": self.event_target(first_day, bool(within_month)),
                "anchor": anchor,
                "sentence": plain(sentence),
            }
            for label, value, inferred, first_day, within_month, anchor, sentence in events
        ]
        related = self.store.related(slug)
        related_digests = self.store.card_digests(related, with_excerpt=False)
        key = digest(row, event_views, [(s, related_digests.get(s)) for s in related])

        def build() -> dict[str, Any]:
            card, url, tags, summary, counts, body = self.store.article(slug)
            count_of = dict(counts)
            ranked = sorted(
                (e for e in count_of if e in self.entities),
                key=lambda e: (-count_of[e], self.entities[e].name),
            )
            cards = self.cards(related)
            return {
                "card": self.card_view(card),
                "url": url,
                "summary": summary,
                "tags": [{"name": t, "slug": tag_slug(t)} for t in tags],
                "body": body,
                "entities": [self.entity_view(e, count_of[e]) for e in ranked],
                "events": event_views,
                "related": [self.card_view(cards[s]) for s in related if s in cards],
            }

        return [Page(urls.article(slug), "article.html", key, build)]

    def _plan_topics(self) -> list[Page]:
        totals = self.store.entity_totals()
        by_type: dict[str, list[dict[str, Any]]] = {}
        for entity_id, (mentions, articles) in totals.items():
            if entity_id not in self.entities:
                continue
            entity = self.entities[entity_id]
            by_type.setdefault(entity.type, []).append(
                {"id": entity_id, "name": entity.name, "mentions": mentions, "articles": articles,
                 "names": "|".join([entity.name, *entity.aliases]).lower()}
            )  # fmt: skip

        def by_weight(topic: dict[str, Any]) -> tuple[int, str]:
            return (-topic["mentions"], topic["name"])

        def order(kind: str) -> tuple[int, str]:
            return (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER), kind)

        groups: list[dict[str, Any]] = [
            {
                "kind": kind,
                "label": type_label(kind),
                "topics": sorted(items, key=by_weight),
            }
            for kind, items in sorted(by_type.items(), key=lambda pair: order(pair[0]))
        ]
        context = {"groups": groups, "count": sum(len(g["topics"]) for g in groups)}
        return [Page(urls.TOPICS, "topics.html", digest(context), lambda: context)]

    def _plan_topic(self, entity_id: str) -> list[Page]:
        rows = self.store.topic_rows_by_day(entity_id) if entity_id in self.entities else []
        if not rows:
            return []
        entity = self.entities[entity_id]
        title = {**self.entity_view(entity_id), "description": entity.description,
                 "kind": entity.type.replace("-", " ").capitalize()}  # fmt: skip
        summary = self.store.summary_of(entity_id)
        if summary is None:  # named in articles, but summarized by no analysis: never so after a build
            return []
        said = self.store.findings(STATEMENTS, topic=entity_id, limit=STATEMENTS_ON_TOPIC)
        head = {
            "mentions": summary.mentions,
            "articles": summary.articles,
            "aliases": list(summary.aliases_seen),
            "other_names": other_names(entity, summary.aliases_seen),
            "first_seen": day_label(summary.first_seen),
            "last_seen": day_label(summary.last_seen),
            "chart": monthly_bars(summary.by_month, f"Mentions of {entity.name} per month"),
            "cooccurring": [
                self.entity_view(o, n) for o, n in summary.cooccurring[:24] if o in self.entities
            ],
            "events": [
                self.event_brief(e)
                for e in in_date_order(self.store.top_events_of(entity_id, EVENTS_ON_TOPIC))
            ],
            "event_count": self.store.event_count_of(entity_id),
            "said": [self.statement_view(*row) for row in said],
            "said_count": self.store.finding_count(STATEMENTS, entity_id),
        }
        feed = self._topic_feed(entity, rows)
        if len(rows) <= self.config.page_size:  # one page: all of them, most mentions first
            rows = self.store.topic_order(entity_id)
        parts = paged(urls.topic(entity_id), rows, self.config.page_size)
        top = self.store.topic_order(entity_id, TOP_ARTICLES) if len(parts) > 1 else []
        plans = []
        for part in parts:
            shown_head = {**head, "top": top} if part.label is None else {}

            def build(part: Paged = part, shown_head: dict = shown_head) -> dict[str, Any]:
                return {
                    "entity": title,
                    **shown_head,
                    "top": self._topic_rows(entity_id, shown_head.get("top", [])),
                    "rows": self._topic_rows(entity_id, part.rows),
                    "pagination": part.nav,
                }

            plans.append(Page(part.path, "topic.html", digest(title, shown_head, part.rows, part.nav), build))
        return plans + feed

    def _topic_rows(self, entity_id: str, rows: list[Row]) -> list[dict[str, Any]]:
        slugs = [slug for slug, *_ in rows]
        cards = self.cards(slugs)
        found = self.store.topic_rows(entity_id, slugs)
        return [
            {
                "card": self.card_view(cards[slug]),
                "mentions": found[slug][0],
                "sentence": plain(found[slug][1]),
                "anchor": found[slug][2],
            }
            for slug in slugs
        ]

    def _timeline_context(self, events: Sequence[DatedEvent], scope: str) -> dict[str, Any]:
        years: dict[str, dict[str, list[dict[str, Any]]]] = {}
        labels: dict[str, str] = {}
        entity_counts: dict[str, int] = {}
        outlets: dict[str, str] = {}
        # a language filter only where the page's events are in two languages or more: a page in one
        # language stays as a one-language site has it
        languages = {self._language(tag) for _, _, tags in events for tag in tags}
        if len(languages) < 2:
            languages.clear()
        anchored: set[str] = set()
        for event, event_outlets, event_languages in events:
            year = event.first_day[:4]
            if event.date.granularity in ("day", "week", "month"):
                key = event.first_day[:7]
                labels[key] = f"{event.date.first_day.strftime('%B')} {year}"
            else:
                key = f"{year}-00"
                labels[key] = (
                    event.label if event.date.granularity in ("decade", "century") else f"During {year}"
                )
            view = self.event_view(event, event_outlets)
            view["languages"] = sorted({self._language(tag) for tag in event_languages} if languages else ())
            if event.first_day not in anchored:
                anchored.add(event.first_day)
                view["day_anchor"] = day_anchor(event.first_day)
            years.setdefault(year, {}).setdefault(key, []).append(view)
            for e in view["entity_ids"]:
                entity_counts[e] = entity_counts.get(e, 0) + 1
            outlets.update((source_slug(o), o or UNATTRIBUTED) for o in event_outlets)
        ranked = sorted(entity_counts, key=lambda e: (-entity_counts[e], self.entities[e].name))
        return {
            "scope": scope,
            "years": [
                {
                    "year": y,
                    "count": sum(len(v) for v in months.values()),
                    "months": [{"key": k, "label": labels[k], "events": months[k]} for k in sorted(months)],
                }
                for y, months in sorted(years.items())
            ],
            "filter_entities": [{**self.entity_view(e), "count": entity_counts[e]} for e in ranked],
            "filter_outlets": [
                {"slug": s, "name": outlets[s]} for s in sorted(outlets, key=lambda s: outlets[s].casefold())
            ],
            "filter_languages": [
                {"tag": tag, "name": language_name(tag)}
                for tag in sorted(languages, key=lambda tag: language_name(tag).casefold())
            ],
        }

    def _language(self, tag: str) -> str:
        """An article's language for the reader: its own, or the site's when it gives none."""
        return tag or primary_language(self.config.language)

    def _year_index(self, counted: bool) -> dict[str, Any]:
        """The years of the timeline, linked; with their event counts on the timeline's own index only,
        so that a year's page does not change whenever another year gains an event."""
        single = self.timeline_layout == "single"
        return {
            "total": sum(self.year_counts.values()) if counted else None,
            "year_index": [
                {
                    "year": y,
                    "count": self.year_counts[y] if counted else None,
                    "page": f"{urls.TIMELINE}#y{y}" if single else urls.timeline_page(y),
                }
                for y in sorted(self.year_counts)
            ],
        }

    def _timeline_page(
        self,
        path: str,
        prefix: str,
        scope: str,
        index: dict[str, Any],
        within_month: bool | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Page:
        """A page of the timeline: the events dated in ``prefix`` (of a granularity, if given)."""
        events = self.store.event_digests(prefix, within_month)
        label = month_label(scope) if len(scope) == 7 else scope
        head = {**index, **(extra or {})}
        return Page(
            path,
            "timeline.html",
            digest(head, scope, events, self.timeline_layout),
            lambda: {
                **head,
                "scope_label": label,
                "scope_count": len(events),
                **self._timeline_context(self.store.events_dated(prefix, within_month), scope),
            },
        )

    def _plan_timeline(self, year: str | None = None) -> list[Page]:
        """The timeline index and, once it is long, one page per year (or per month of a busy year)."""
        if year is None:
            index = self._year_index(counted=True)
            if self.timeline_layout == "single":
                return [self._timeline_page(urls.TIMELINE, "", "all", index)]
            context = {**index, "scope": "index", "scope_label": "", "scope_count": 0, "years": []}
            return [Page(urls.TIMELINE, "timeline.html", digest(context), lambda: context)]
        if self.timeline_layout == "single" or year not in self.year_counts:
            return []
        index = self._year_index(counted=False)
        if not self._split(year):
            return [self._timeline_page(urls.timeline_page(year), year, year, index)]
        months = self.store.month_counts(year)
        # a busy year: its page holds what is dated to the year, a half, a quarter or a season,
        # and lists its months, each a page of what is dated to a day, a week or the month
        month_index = {
            "month_index": [
                {"key": m, "label": month_label(m), "count": n, "page": urls.timeline_page(m)}
                for m, n in months
            ]
        }
        plans = [
            self._timeline_page(urls.timeline_page(year), year, year, index, False, month_index),
        ]
        plans += [self._timeline_page(urls.timeline_page(m), m, m, index, True) for m, _ in months]
        return plans

    def _plan_tag(self, tag: str) -> list[Page]:
        name, rows = self.store.tag_members(tag)
        if not rows:
            return []
        return self._listing(urls.tag(tag), "listing.html", rows, {"kicker": "Tag", "title": name})

    def _plan_source(self, source: str) -> list[Page]:
        rows = self.store.source_members(source)
        if not rows:
            return []
        authors = [{"name": a, "slug": author_slug(a)} for a in self.store.authors_of_source(source)]
        extra = {"kicker": "Source", "title": source or UNATTRIBUTED, "authors": authors}
        return self._listing(urls.source(source_slug(source)), "listing.html", rows, extra)

    def _plan_author(self, author: str) -> list[Page]:
        rows = self.store.author_members(author)
        if not rows:
            return []
        return self._listing(
            urls.author(author_slug(author)),
            "listing.html",
            rows,
            {"kicker": "Author", "title": author},
        )

    def _plan_sources(self) -> list[Page]:
        by_source = self.store.source_authors()
        sources = [
            {"name": s or UNATTRIBUTED, "slug": source_slug(s), "count": n,
             "authors": [{"name": a, "slug": author_slug(a)}
                         for a in by_source.get(s, [])]}
            for s, n in sorted(self.store.source_counts(), key=lambda p: (p[0] == "", -p[1], p[0].casefold()))
        ]  # fmt: skip
        authors = [
            {"name": a, "slug": author_slug(a), "count": n}
            for a, n in sorted(self.store.author_counts(), key=lambda p: (-p[1], p[0].casefold()))
        ]
        counts = self.store.source_counts()
        unattributed = sum(n for s, n in counts if not s)
        context = {"sources": sources, "authors": authors, "publications": publication_count(counts),
                   "unattributed": unattributed}  # fmt: skip
        return [Page(urls.SOURCES, "sources.html", digest(context), lambda: context)]

    def source_line(self, slug: str) -> dict[str, Any]:
        """What a claim shows of its article: only this, so that an edit elsewhere in the article
        (its excerpt, say) does not make the page that lists the claim render again."""
        card = self.cards([slug])[slug]
        return {"slug": slug, "title": card.title, "source": card.source, "day": published_label(card)}

    def statement_view(self, slug: str, day: str | None, statement: Any) -> dict[str, Any]:
        return {
            "text": statement.text,
            "kind": statement.kind,
            "title": statement.title,
            "said_as": statement.said_as,
            "card": self.source_line(slug),
            "target": f"{urls.article(slug)}#s{statement.sentence + 1}",
            "day": self.source_line(slug)["day"],
        }

    def _plan_voices(self) -> list[Page]:
        grouped = in_voice_order(self.store.voices())
        named = [v for v in grouped if not _unnamed(v)]
        unnamed = {v.key: v.name for v in grouped if _unnamed(v)}
        sections = []
        for voice in named[:SPEAKERS_SHOWN]:
            entity = voice.entity if voice.entity in self.entities else None
            said = self.store.findings(STATEMENTS, groups=[voice.key], limit=STATEMENTS_SHOWN)
            sections.append({
                "anchor": "voice-" + (slugify(voice.key) or "speaker"),
                "name": voice.name,
                "entity": self.entity_view(entity) if entity else None,
                "titles": voice.titles[:3],
                "articles": voice.articles,
                "total": voice.statements,
                "statements": [self.statement_view(*row) for row in said],
            })  # fmt: skip
        newest = self.store.findings(STATEMENTS, groups=unnamed, limit=STATEMENTS_SHOWN * 3)
        context = {
            "named": sections,
            "others": [{"name": v.name, "count": v.statements} for v in named[SPEAKERS_SHOWN:]],
            "unnamed": [{**self.statement_view(*row), "speaker": unnamed[row[2].voice]} for row in newest],
            "unnamed_total": sum(v.statements for v in grouped if _unnamed(v)),
            "count": sum(v.statements for v in grouped),
        }
        return [Page(urls.VOICES, "voices.html", digest(context), lambda: context)]

    def _plan_figures(self) -> list[Page]:
        groups = []
        for group in self.store.figure_groups(QUANTITIES_SHOWN):
            place = self.entity_view(group.place) if group.place in self.entities else None
            claims = []
            for slug, _day, figure in group.claims[-CLAIMS_SHOWN:]:
                before, after = _around(figure.context, figure.text)
                claims.append({
                    "text": figure.text,
                    "before": before,
                    "after": after,
                    "value": _number(figure.value) + (f"–{_number(figure.high)}" if figure.high else ""),
                    "projection": figure.projection,
                    "hedge": figure.hedge,
                    "counted": figure.counted,
                    "when": figure.when,
                    "card": self.source_line(slug),
                    "day": self.source_line(slug)["day"],
                    "target": f"{urls.article(slug)}#s{figure.sentence + 1}",
                })  # fmt: skip
            groups.append({
                "anchor": "figure-" + (slugify(group.quantity) or "quantity"),
                "unit": UNIT_LABELS.get(group.unit, group.unit),
                "place": place,
                "disagree": group.disagree,
                "agree": group.agree,
                "sources": group.sources,
                "claims": claims,
                "total": len(group.claims),
            })  # fmt: skip
        context = {"groups": groups, "count": self.store.figure_claims()}
        return [Page(urls.FIGURES, "figures.html", digest(context), lambda: context)]

    def _plan_coverage(self) -> list[Page]:
        view = self.store.coverage()
        if view is None:
            return []
        totals = dict(view.ranking)
        columns = [entity for entity, _ in view.ranking[:COVERAGE_COLUMNS]]
        rows = [
            {"name": o.source, "slug": source_slug(o.source), "articles": o.articles,
             "cells": [o.cells.get(e, (0, 0)) for e in columns]}
            for o in view.outlets
        ]  # fmt: skip
        events = [
            {
                "label": event.label,
                "datetime": datetime_attr(event.date),
                "lead": plain(event.lead),
                "target": self.event_target(event.first_day, event.granularity in ("day", "week", "month")),
                "reported": list(event.reported_by),
                "silent": list(event.silent),
            }
            for event in view.events
        ]
        context = {
            "columns": [self.entity_view(e, totals[e]) for e in columns],
            "rows": rows,
            "events": events[::-1],  # newest first
            "limit": COVERAGE_EVENTS,
            "window": COVERAGE_DAYS,
        }
        return [Page(urls.COVERAGE, "coverage.html", digest(context), lambda: context)]

    def _plan_redirects(self) -> list[Page]:
        """A page at each past address of an article that sends the reader on to where it is now
        (see addresses.py); not in the sitemap, and marked noindex."""
        moves = self.store.redirects()
        cards = self.cards(new for _, new in moves)
        pages = []
        for old, new in moves:
            card = cards[new]
            context: dict[str, Any] = {
                "target": urls.article(new),
                "title": card.title,
                "language": card.language,
            }
            key = digest(old, context, self.config.base_url, self.config.title)
            pages.append(Page(urls.article(old), "redirect.html", key, functools.partial(dict, context)))
        return pages

    def _plan_404(self) -> list[Page]:
        return [Page(urls.NOT_FOUND, "404.html", "404", dict)]

    def _plan_search(self) -> list[Page]:
        return [Page(urls.SEARCH, "search.html", "search", dict)]


UNIT_LABELS = {"missiles-drones": "missiles and drones", "US dollars": "money (US dollars)",
               "euros": "money (euros)", "pounds": "money (pounds)", "injured": "injured people"}  # fmt: skip


def _around(context: str, text: str, width: int = 90) -> tuple[str, str]:
    """The words of a figure's sentence before and after it, cut to ``width`` characters each."""
    before, found, after = context.partition(" ".join(text.split()))
    if not found:
        return "", ""
    before = ("…" + before[-width:].lstrip()) if len(before) > width else before
    after = (after[:width].rstrip() + "…") if len(after) > width else after
    return before, after


def _number(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


@dataclass(frozen=True, slots=True)
class Changes:
    """What an incremental build changed, as the page kinds read it to say which pages are dirty."""

    touched: Touched
    refreshed: Refreshed

    @property
    def topics(self) -> set[str]:
        """Entities whose topic pages may show something else: their rows, summary or events."""
        return self.touched.entities | self.refreshed.event_entities | self.refreshed.summaries


@dataclass(frozen=True, slots=True)
class PageKind:
    """One kind of page: the groups of it the site has (one, ``index``, or one per key, ``topic:isis``),
    how the planner makes a group's pages, and which changes make a group dirty. A new kind of page
    is one entry in PAGE_KINDS below (and its template)."""

    name: str
    plan: Callable[..., list[Page]]
    groups: Callable[[Planner], Iterable[str]]
    dirty: Callable[[Planner, Changes], Iterable[str]] = lambda planner, changes: ()


def _single(name: str) -> Callable[[Planner], list[str]]:
    return lambda planner: [name]


def _keyed(name: str, keys: Iterable[str]) -> list[str]:
    return [f"{name}:{key}" for key in keys]


def _dirty_articles(planner: Planner, changes: Changes) -> list[str]:
    touched, refreshed = changes.touched, changes.refreshed
    slugs = set(touched.slugs) | refreshed.related | refreshed.event_slugs
    for slug in touched.lines:  # pages that list it among their related articles
        slugs.update(planner.store.listing(slug))
    return _keyed("article", slugs)


def _timeline_groups(planner: Planner) -> list[str]:
    years = [] if planner.timeline_layout == "single" else sorted(planner.year_counts)
    return ["timeline", *_keyed("timeline", years)]


def _dirty_timeline(planner: Planner, changes: Changes) -> list[str]:
    if not changes.refreshed.events:
        return []
    return ["timeline", *_keyed("timeline", changes.refreshed.years)]


def _always(name: str) -> Callable[[Planner, Changes], list[str]]:
    """Cross-article pages cheap to plan, which almost any edit may change."""
    return lambda planner, changes: [name]


def _when_view_changed(name: str) -> Callable[[Planner, Changes], list[str]]:
    """Pages of a cross-article view: dirty when the analysis made the view again."""
    return lambda planner, changes: [name] if name in changes.refreshed.views else []


PAGE_KINDS: dict[str, PageKind] = {
    kind.name: kind
    for kind in (
        PageKind("index", Planner._plan_index, _single("index"), _always("index")),
        PageKind(
            "articles", Planner._plan_articles, _single("articles"),
            lambda planner, changes: ["articles"] if changes.touched.listing else [],
        ),
        PageKind(
            "article", Planner._plan_article, lambda planner: _keyed("article", planner.store.slugs()),
            _dirty_articles,
        ),
        PageKind(
            "topics", Planner._plan_topics, _single("topics"),
            lambda planner, changes: ["topics"] if changes.topics else [],
        ),
        PageKind(
            "topic", Planner._plan_topic, lambda planner: _keyed("topic", planner.store.entities_named()),
            lambda planner, changes: _keyed("topic", changes.topics),
        ),
        PageKind("timeline", Planner._plan_timeline, _timeline_groups, _dirty_timeline),
        PageKind(
            "tag", Planner._plan_tag, lambda planner: _keyed("tag", planner.store.all_tags()),
            lambda planner, changes: _keyed("tag", changes.touched.tags),
        ),
        PageKind(
            "source", Planner._plan_source,
            lambda planner: _keyed("source", sorted(s for s, _ in planner.store.source_counts())),
            lambda planner, changes: _keyed("source", changes.touched.sources),
        ),
        PageKind(
            "author", Planner._plan_author,
            lambda planner: _keyed("author", sorted(a for a, _ in planner.store.author_counts())),
            lambda planner, changes: _keyed("author", changes.touched.authors),
        ),
        PageKind(
            "sources", Planner._plan_sources, _single("sources"),
            lambda planner, changes: ["sources"] if changes.touched.sources | changes.touched.authors else [],
        ),
        PageKind("voices", Planner._plan_voices, _single("voices"), _when_view_changed("voices")),
        PageKind("figures", Planner._plan_figures, _single("figures"), _when_view_changed("figures")),
        PageKind("coverage", Planner._plan_coverage, _single("coverage"), _when_view_changed("coverage")),
        PageKind("404", Planner._plan_404, _single("404")),
        PageKind("redirects", Planner._plan_redirects, _single("redirects"), _always("redirects")),
        PageKind(
            "search", Planner._plan_search,
            lambda planner: ["search"] if planner.config.search else [],
        ),
    )
}  # fmt: skip
