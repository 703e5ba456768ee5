"""Bringing the derived data up to date after articles came, went or changed.

The cache holds each article's rows; :class:`Touched` says which keys an edit
touched. :func:`refresh` recomputes exactly what depends on them, in order:
the events of touched buckets, the undated reports of the days around changed
events, the related articles of neighbours in time, and the export fragments
of events whose sources changed. A full build is the same refresh with every
key touched, so an incremental build gives the same result as a clean one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from html import escape

from dossier.analyze.corroborate import attach_day
from dossier.analyze.events import (
    TimelineEvent,
    cluster_bucket,
    cluster_month,
    month_of,
    undated_source,
    weeks_of,
)
from dossier.analyze.related import affected_by, posting_window, related_to
from dossier.cache import BuildCache, Touched
from dossier.config import SiteConfig
from dossier.features import FeatureWeights
from dossier.model import EventSource
from dossier.render import urls
from dossier.render.pages import SOURCES_SHOWN

# Articles quoted on an event's TimelineJS slide: those its timeline entry names, so that the
# event's stored digest changes whenever the names its entry shows do.
SLIDE_SOURCES = SOURCES_SHOWN


@dataclass(slots=True)
class Refreshed:
    """What changed in the derived data: which pages need another look."""

    events: set[str] = field(default_factory=set)  # ids of events added, removed or changed
    years: set[str] = field(default_factory=set)  # years whose timeline changed
    event_entities: set[str] = field(default_factory=set)
    event_slugs: set[str] = field(default_factory=set)  # articles whose list of events changed
    related: set[str] = field(default_factory=set)  # articles whose related articles changed


@dataclass(slots=True)
class Context:
    cache: BuildCache
    config: SiteConfig
    weight: FeatureWeights
    entity_types: dict[str, str]
    refreshed: Refreshed = field(default_factory=Refreshed)
    windows: list[tuple[str, str]] = field(default_factory=list)  # report windows of removed events
    before: dict[str, TimelineEvent | None] = field(
        default_factory=dict
    )  # events as the last build left them


def refresh(
    cache: BuildCache, touched: Touched, config: SiteConfig, entity_types: dict[str, str]
) -> Refreshed:
    context = Context(cache, config, FeatureWeights(entity_types), entity_types)
    needs_sources = _recluster(context, sorted(touched.buckets))
    days = set(touched.days) | _window_days(context, needs_sources)
    needs_sources |= _reattach(context, sorted(days))
    relabelled = cache.event_ids_of(touched.lines)  # their exports and pages name the articles' outlets
    needs_sources |= relabelled
    _restore(context, needs_sources)
    _compare(context)
    _show_again(context, relabelled)
    _relate(context, touched)
    return context.refreshed


def _show_again(context: Context, event_ids: set[str]) -> None:
    """Events whose own data is unchanged but which cite an article whose title, outlet, authors
    or date changed: the timeline and topic pages that show them name those."""
    for event in context.cache.events(event_ids).values():
        context.refreshed.events.add(event.id)
        context.refreshed.years.add(event.first_day[:4])
        context.refreshed.event_entities.update(event.entities)


def _own_sentences(event: TimelineEvent) -> dict[str, tuple[str, str]]:
    own: dict[str, tuple[str, str]] = {}
    for source in event.sources:
        own.setdefault(source.slug, (source.anchor, source.sentence))
    return own


def _article_views(events: list[TimelineEvent]) -> dict[str, list[tuple]]:
    """slug → what its page shows of these events: date, label and its own sentence of each."""
    views: dict[str, list[tuple]] = {}
    for event in events:
        for slug, (anchor, sentence) in _own_sentences(event).items():
            views.setdefault(slug, []).append(
                (event.first_day, event.date, event.label, event.inferred, anchor, sentence)
            )
    return {slug: sorted(found, key=repr) for slug, found in views.items()}


def _compare(context: Context) -> None:
    """Note what changed between each touched event's last and new version, for the pages that show it.

    An article's page shows, of each of its events, the date, the label and its own
    sentence (not the event's id, which changes with its earliest report): only
    articles for which one of these changed need their page again.
    """
    refreshed = context.refreshed
    now = context.cache.events(context.before)
    olds, news = [], []
    for eid, old in context.before.items():
        new = now.get(eid)
        if old == new:
            continue
        refreshed.events.add(eid)
        for event in (old, new):
            if event is not None:
                refreshed.years.add(event.first_day[:4])
                refreshed.event_entities.update(event.entities)
        olds += [old] if old is not None else []
        news += [new] if new is not None else []
    before, after = _article_views(olds), _article_views(news)
    refreshed.event_slugs.update(s for s in before.keys() | after.keys() if before.get(s) != after.get(s))


def _recluster(context: Context, buckets: list[str]) -> set[str]:
    """New events for touched buckets; returns the ids whose sources must be (re)assembled.

    A month's bucket and its weeks' buckets are clustered together (a month-dated report may join
    a day's event, see ``cluster_month``): touching one of them re-decides all of them."""
    cache = context.cache
    changed: set[str] = set()
    months = sorted({m for m in map(month_of, buckets) if m is not None})
    grouped = {bucket for month in months for bucket in (month, *weeks_of(month))}
    fresh: dict[str, list[TimelineEvent]] = {}
    for month in months:
        data = {bucket: cache.bucket_reports(bucket) for bucket in (month, *weeks_of(month))}
        fresh.update(cluster_month(month, data, context.weight))
    for bucket in buckets:
        if bucket not in grouped:
            fresh[bucket] = cluster_bucket(bucket, *cache.bucket_reports(bucket), context.weight)
    for bucket in sorted(fresh):
        changed |= _store_bucket(context, bucket, fresh[bucket])
    return changed


def _store_bucket(context: Context, bucket: str, new: list[TimelineEvent]) -> set[str]:
    """Replace a bucket's stored events by ``new``; returns the ids that changed."""
    cache = context.cache
    changed: set[str] = set()
    old = cache.events_in_bucket(bucket)
    new_ids = {event.id for event in new}
    for eid, previous in old.items():
        if eid not in new_ids:
            context.before.setdefault(eid, previous)
            cache.delete_event(eid)
            if previous.precise:
                context.windows.append((previous.first_day, previous.window_end))
    for event in new:
        previous = old.get(event.id)
        if previous is None or previous._replace(attached=()) != event:
            context.before.setdefault(event.id, previous)
            cache.store_event(event)
            changed.add(event.id)
    return changed


def _window_days(context: Context, event_ids: set[str]) -> set[str]:
    """Publication days whose undated sentences may have to change happening."""
    cache = context.cache
    spans = [(e.first_day, e.window_end) for e in cache.events(event_ids).values() if e.precise]
    days: set[str] = set()
    for first, last in spans + context.windows:
        rows = cache.db.execute("SELECT DISTINCT day FROM undated WHERE day BETWEEN ? AND ?", (first, last))
        days.update(day for (day,) in rows)
    return days


def _reattach(context: Context, days: list[str]) -> set[str]:
    """Decide again, for each day, which happening each undated sentence recounts."""
    cache = context.cache
    changed: set[str] = set()
    totals: dict[str, int] = {}
    for day in days:
        found = attach_day(
            cache.undated_on(day),
            cache.precise_events_around(day),
            context.weight,
            context.entity_types,
            totals,
        )
        old = cache.attachments_on(day)
        new = {key: attachment.event for key, attachment in found.items()}
        if old != new:
            for key in old.keys() | new.keys():
                if old.get(key) != new.get(key):
                    changed.update(e for e in (old.get(key), new.get(key)) if e)
            cache.replace_attachments(day, found)
    return changed


def _restore(context: Context, event_ids: set[str]) -> None:
    """Store events with their undated reports and export fragments assembled afresh."""
    cache = context.cache
    for eid, event in sorted(cache.events(event_ids).items()):
        context.before.setdefault(eid, event)
        attached = tuple(undated_source(*row) for row in cache.attachments_of(eid))
        event = event.with_attached(attached)
        cache.store_event(event, _exports(context, event), cache.sources_of(event.slugs))


def _exports(context: Context, event: TimelineEvent) -> tuple[str, str]:
    """The event's entries in data/timeline.json and data/timelinejs.json."""
    sources = event.sources
    entry = {
        "id": event.id,
        "date": event.date.value,
        "label": event.label,
        "inferred": event.inferred,
        "entities": list(event.entities),
        "sources": [
            {
                "slug": s.slug,
                "sentence": s.sentence,
                "anchor": s.anchor,
                **({} if s.dated else {"dated": False}),
            }
            for s in sources
        ],
    }
    firsts: dict[str, EventSource] = {}
    for source in sources:
        firsts.setdefault(source.slug, source)
    # the first articles, each with its first sentence about it: the ones the timeline page names
    shown = list(firsts.values())[:SLIDE_SOURCES]
    cards = context.cache.cards({s.slug for s in shown})
    lead = next((s for s in sources if s.dated), sources[0])
    headline = (
        lead.sentence
        if len(lead.sentence) <= 110
        else lead.sentence[: lead.sentence.rfind(" ", 0, 110)] + "…"
    )
    paragraphs = []
    for source in shown:
        card = cards[source.slug]
        link = _site_link(context.config, f"{urls.article(source.slug)}#{source.anchor}")
        paragraphs.append(
            f"<p>{escape(source.sentence)} — "
            f'<a href="{escape(link)}">{escape(card.source or card.title)}</a></p>'
        )
    if len(firsts) > len(shown):
        paragraphs.append(f"<p>And {len(firsts) - len(shown)} more articles.</p>")
    slide: dict = {
        "unique_id": event.id,
        "start_date": _timelinejs_date(event.date.first_day, event.date.granularity),
        "display_date": event.label,
        "text": {"headline": escape(headline), "text": "".join(paragraphs)},
    }
    if event.date.granularity not in ("day", "month", "year"):
        slide["end_date"] = _timelinejs_date(event.date.last_day, "day")
    compact = (",", ":")
    return json.dumps(entry, ensure_ascii=False, separators=compact), json.dumps(
        slide, ensure_ascii=False, separators=compact
    )


def _timelinejs_date(day: date, granularity: str) -> dict[str, int]:
    if granularity in ("year", "decade", "century"):
        return {"year": day.year}
    if granularity == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _site_link(config: SiteConfig, path: str) -> str:
    """Absolute where the site's address is known, else relative to the site's root."""
    return urls.absolute(config.base_url, path) if config.base_url else path


def _relate(context: Context, touched: Touched) -> None:
    """Recompute the related articles of touched articles and of their neighbours in time."""
    cache = context.cache
    existing = cache.article_keys()
    large = len(touched.slugs) > len(existing) // 2
    postings: dict[str, list[tuple[str, str]]] = {}

    def window(entity: str, day: str, slug: str, before: int, after: int) -> list[tuple[str, str]]:
        if not large:  # a few articles: read just the neighbourhood from the index
            return cache.posting_window(entity, day, slug, before, after)
        if entity not in postings:
            postings[entity] = cache.posting(entity)
        return posting_window(postings[entity], day, slug, before, after)

    todo = {slug for slug in touched.slugs if slug in existing}
    for entity, day, slug in sorted(touched.positions):
        todo.update(affected_by(window, entity, day, slug))
    for slug in touched.slugs - existing.keys():
        cache.replace_related(slug, [])
    if not todo:
        return
    # entity sets and days of the articles and their candidates, loaded once
    known_sets: dict[str, set[str]] = {}
    known_days: dict[str, str] = {}

    def entity_sets(slugs: list[str]) -> dict[str, set[str]]:
        missing = [s for s in slugs if s not in known_sets]
        if missing:
            found = cache.entity_sets(missing)
            for s in missing:
                known_sets[s] = found.get(s, set())
        return known_sets

    def days(slugs: list[str]) -> dict[str, str]:
        missing = [s for s in slugs if s not in known_days]
        if missing:
            known_days.update(cache.days(missing))
        return known_days

    if large:  # a large refresh: everything at once
        entity_sets(list(existing))
        days(list(existing))
    old = cache.related_lists(todo)
    for slug in sorted(todo):
        others = related_to(
            slug,
            days([slug]).get(slug, ""),
            entity_sets([slug])[slug],
            window,
            entity_sets,
            days,
            context.weight,
            context.config.related,
        )
        if others != old.get(slug, []):
            cache.replace_related(slug, others)
            context.refreshed.related.add(slug)


def full(cache: BuildCache) -> Touched:
    """Every key of the cache, touched: a full refresh."""
    db = cache.db
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
    return touched
