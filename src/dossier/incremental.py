"""The analysis step: bringing the derived data up to date after articles came, went or changed.

The store holds each article's rows; :class:`Touched` says which keys an edit
touched. :func:`refresh` reads what depends on them, hands it to the pure
functions of :mod:`dossier.analyze` and stores their results, in order: the
events of touched buckets, the undated reports of the days around changed
events, the related articles of neighbours in time, the summaries of touched
topics and the cross-article views (voices, figures, coverage) whose inputs
changed. A full build is the same refresh with every key touched, so an
incremental build gives the same result as a clean one. Nothing here makes
HTML or knows about pages: the pages' stage reads what :class:`Refreshed` says
changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dossier.analyze.claims import COVERAGE_EVENTS, coverage, group_figures, voices_of
from dossier.analyze.corroborate import attach_day
from dossier.analyze.events import (
    cluster_bucket,
    cluster_month,
    month_of,
    undated_source,
    weeks_of,
)
from dossier.analyze.related import Posting, affected_by, posting_window, related_to
from dossier.analyze.topics import topic_summary
from dossier.changes import Refreshed, Touched
from dossier.config import SiteConfig
from dossier.features import FeatureWeights
from dossier.model import FIGURES, STATEMENTS, Entity, FindingKind, TimelineEvent
from dossier.store.database import Store


@dataclass(slots=True)
class Context:
    cache: Store
    config: SiteConfig
    weight: FeatureWeights
    entity_types: dict[str, str]
    entities: dict[str, Entity]
    refreshed: Refreshed = field(default_factory=Refreshed)
    windows: list[tuple[str, str]] = field(default_factory=list)  # report windows of removed events
    before: dict[str, TimelineEvent | None] = field(
        default_factory=dict
    )  # events as the last build left them


def refresh(
    cache: Store, touched: Touched, config: SiteConfig, entities: dict[str, Entity], span_changed: bool
) -> Refreshed:
    """Bring the derived data up to date with what ``touched`` says changed; ``span_changed``: the
    months the corpus spans changed, and with them every topic's chart."""
    types = {e.id: e.type for e in entities.values()}
    context = Context(cache, config, FeatureWeights(types), types, entities)
    needs_sources = _recluster(context, sorted(touched.buckets))
    days = set(touched.days) | _window_days(context, needs_sources)
    needs_sources |= _reattach(context, sorted(days))
    relabelled = cache.event_ids_of(touched.lines)  # their exports and pages name the articles' outlets
    needs_sources |= relabelled
    _restore(context, needs_sources)
    _compare(context)
    _show_again(context, relabelled)
    _relate(context, touched)
    _summarize(context, set(cache.entities_named()) if span_changed else touched.entities)
    _review_voices(context, touched.groups)
    _review_figures(context, touched.groups)
    _review_views(context)
    return context.refreshed


def _summarize(context: Context, entities: set[str]) -> None:
    """Summaries of the topics whose rows changed (see :mod:`dossier.analyze.topics`)."""
    store = context.cache
    span = store.day_span()
    for entity in sorted(entities):
        mentions, articles = store.topic_totals(entity)
        summary = None
        if articles:
            summary = topic_summary(
                entity, mentions, articles, store.entity_days(entity),
                store.mentions_by_month(entity) if span[0] and span[1] else {},
                store.spellings(entity), store.cooccurring(entity), span,
            )  # fmt: skip
        store.replace_summary(entity, summary)
        context.refreshed.summaries.add(entity)


@dataclass(frozen=True, slots=True)
class View:
    """A cross-article view the analysis keeps: a digest of its inputs in the store (cheap: read, not
    decoded), and how to make it from them. A new view is one entry in VIEWS, and a page kind that
    shows it (``render/pages.py``)."""

    name: str
    inputs: Callable[[Store], str]
    make: Callable[[Store, dict[str, str]], object]  # from the store and the registry's names


VIEWS = (
    View(
        "coverage", Store.coverage_digest,
        lambda store, names: coverage(
            store.entity_counts_by_source(), dict(store.source_counts()), store.source_days(),
            store.events_ending_last(COVERAGE_EVENTS), names,
        ),
    ),
)  # fmt: skip


def _groups_of(kind: FindingKind[Any], groups: set[str]) -> set[str]:
    """The groups of one kind of finding among the touched "kind:group" keys."""
    prefix = f"{kind.name}:"
    return {group.removeprefix(prefix) for group in groups if group.startswith(prefix)}


def _review_voices(context: Context, groups: set[str]) -> None:
    """Sum up again the speakers whose statements an edit changed (an archive has thousands of
    speakers; an edit touches a few), and drop those with nothing left."""
    keys = _groups_of(STATEMENTS, groups)
    if not keys:
        return
    names = {e.id: e.name for e in context.entities.values()}
    made = voices_of(context.cache.findings(STATEMENTS, groups=keys), names)
    context.cache.replace_voices(keys, made)
    context.refreshed.views.add("voices")


def _review_figures(context: Context, groups: set[str]) -> None:
    """Group and compare again the claims about the quantities an edit changed, as the voices are
    summed up again: each quantity's comparison reads its own claims only."""
    quantities = _groups_of(FIGURES, groups)
    if not quantities:
        return
    made = group_figures(context.cache.findings(FIGURES, groups=quantities))
    context.cache.replace_figure_groups(quantities, made)
    context.refreshed.views.add("figures")


def _review_views(context: Context) -> None:
    """Make again each cross-article view whose inputs changed since it was made."""
    store = context.cache
    names = {e.id: e.name for e in context.entities.values()}
    for view in VIEWS:
        digest = view.inputs(store)
        if store.view_inputs(view.name) != digest:
            store.replace_view(view.name, digest, view.make(store, names))
            context.refreshed.views.add(view.name)


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
        last = old.get(event.id)
        if last is None or last._replace(attached=()) != event:
            context.before.setdefault(event.id, last)
            cache.store_event(event)
            changed.add(event.id)
    return changed


def _window_days(context: Context, event_ids: set[str]) -> set[str]:
    """Publication days whose undated sentences may have to change happening."""
    cache = context.cache
    spans = [(e.first_day, e.window_end) for e in cache.events(event_ids).values() if e.precise]
    days: set[str] = set()
    for first, last in spans + context.windows:
        days |= cache.undated_days_between(first, last)
    return days


def _reattach(context: Context, days: list[str]) -> set[str]:
    """Decide again, for each day, which happening each undated sentence recounts."""
    cache = context.cache
    changed: set[str] = set()
    totals: dict[str, int] = {}
    for day in days:
        undated = cache.undated_on(day)
        found = attach_day(
            undated, cache.precise_events_around(day), context.weight, context.entity_types, totals
        )
        # what an event shows of each sentence attached to it: a typo fixed in one is a change too
        shown = {(u.slug, u.report.sentence): (u.report.anchor, u.report.text) for u in undated}
        old = {key: tuple(attached) for key, attached in cache.attachments_on(day).items()}
        new = {key: (attachment.event, *shown[key]) for key, attachment in found.items()}
        if old != new:
            for key in old.keys() | new.keys():
                if old.get(key) != new.get(key):
                    changed.update(version[0] for version in (old.get(key), new.get(key)) if version)
            cache.replace_attachments(day, found)
    return changed


def _restore(context: Context, event_ids: set[str]) -> None:
    """Store events with their undated reports assembled afresh, and the outlets reporting them;
    their export fragments follow (``Refreshed.reassembled``)."""
    cache = context.cache
    for eid, event in sorted(cache.events(event_ids).items()):
        context.before.setdefault(eid, event)
        attached = tuple(undated_source(*row) for row in cache.attachments_of(eid))
        event = event.with_attached(attached)
        cache.store_event(event, cache.origins_of(event.slugs))
        context.refreshed.reassembled.add(eid)


def _relate(context: Context, touched: Touched) -> None:
    """Recompute the related articles of touched articles and of their neighbours in time."""
    cache = context.cache
    existing = cache.article_keys()
    large = len(touched.slugs) > len(existing) // 2
    postings: dict[str, Posting] = {}

    def window(entity: str, day: str, slug: str, before: int, after: int) -> Posting:
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
