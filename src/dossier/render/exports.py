"""The JSON exports under data/: annotations (the evaluation contract), entities, timeline, TimelineJS.

Per-article and per-event entries are made when an article or event changes
and kept in the cache; an export is those entries joined, so writing it costs
little more than copying them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from html import escape
from typing import TypeVar

from dossier.config import SiteConfig
from dossier.model import FIGURES, STATEMENTS, Card, Entity, EventSource, TimelineEvent
from dossier.render import urls
from dossier.render.feeds import robots, sitemap_files
from dossier.render.pages import SOURCES_SHOWN, Page
from dossier.store.database import Store
from dossier.store.records import Filed, FoundIn

R = TypeVar("R")


def _joined(head: str, entries: Iterable[str], tail: str) -> Iterator[str]:
    """A JSON document in pieces: ``head``, the entries separated by commas, ``tail``."""
    yield head
    separator = ""
    for entry in entries:
        yield separator
        yield entry
        separator = ",\n"
    yield tail


def annotations_json(cache: Store, month: str | None = None) -> Iterator[str]:
    """Every article (or those of one month) with its mentions and dates; offsets index the body (or
    the title, where so marked)."""
    return _joined('{"articles": [\n', cache.annotations(month), "\n]}\n")


def entity_entry(cache: Store, entity: Entity, totals: Mapping[str, tuple[int, int]]) -> str:
    """One entity's entry in data/entities.json: what it is, how often and where it is named."""
    slugs = [slug for slug, *_ in cache.topic_order(entity.id)]
    record = {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "description": entity.description,
        "aliases": list(entity.aliases),
        "mentions": totals.get(entity.id, (0, 0))[0],
        "articles": slugs,
        "url": urls.topic(entity.id) if slugs else None,
    }
    return json.dumps(record, ensure_ascii=False)


def store_entity_entries(store: Store, registry: dict[str, Entity], touched: set[str] | None) -> None:
    """Make and store the entries of data/entities.json that an edit may have changed: those of the
    ``touched`` entities (None: all), and any not stored yet. Done before the pages are planned, so
    that making the exports only joins stored entries."""
    stored = store.entity_exports() if touched is not None else {}
    totals = store.entity_totals()
    for entity in registry.values():
        if entity.id not in stored or entity.id in (touched or ()):
            store.store_entity_export(entity.id, entity_entry(store, entity, totals))


def entities(store: Store, registry: dict[str, Entity]) -> str:
    """Every entity of the registry, from the stored entries."""
    stored = store.entity_exports()
    return "".join(_joined('{"entities": [\n', [stored[e] for e in registry], "\n]}\n"))


def event_fragments(event: TimelineEvent, cards: dict[str, Card], config: SiteConfig) -> tuple[str, str]:
    """The event's entries in data/timeline.json and data/timelinejs.json (``cards``: of the articles
    its slide quotes, :func:`slide_sources`)."""
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
    firsts = _first_sentences(event)
    shown = list(firsts.values())[:SOURCES_SHOWN]
    lead = next((s for s in sources if s.dated), sources[0])
    headline = (
        lead.sentence
        if len(lead.sentence) <= 110
        else lead.sentence[: lead.sentence.rfind(" ", 0, 110)] + "…"
    )
    paragraphs = []
    for source in shown:
        card = cards[source.slug]
        link = _site_link(config, f"{urls.article(source.slug)}#{source.anchor}")
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


def _first_sentences(event: TimelineEvent) -> dict[str, EventSource]:
    """The event's articles, each with its first sentence about it, in corpus order."""
    firsts: dict[str, EventSource] = {}
    for source in event.sources:
        firsts.setdefault(source.slug, source)
    return firsts


def slide_sources(event: TimelineEvent) -> list[str]:
    """The articles an event's TimelineJS slide quotes: the first ones, which its timeline entry names
    too, so that the event's stored digest changes whenever the names its entry shows do."""
    return list(_first_sentences(event))[:SOURCES_SHOWN]


def store_fragments(store: Store, event_ids: set[str], config: SiteConfig) -> None:
    """Make and store the export fragments of events stored anew (``Refreshed.reassembled``)."""
    for event in store.events(event_ids).values():
        cards = store.cards(slide_sources(event))
        store.store_fragments(event.id, *event_fragments(event, cards, config))


def timeline(cache: Store, year: str | None = None) -> Iterator[str]:
    """Every event (or those that end in one year), in timeline order."""
    return _joined('{"events": [\n', (export for export, _ in cache.event_exports(year)), "\n]}\n")


def timelinejs(cache: Store, config: SiteConfig) -> Iterator[str]:
    """The timeline in TimelineJS's JSON format, for embedding it elsewhere."""
    title = {"text": {"headline": escape(config.title), "text": f"<p>{escape(config.description)}</p>"}}
    slides = (slide for _, slide in cache.event_exports())
    return _joined(
        '{"title": ' + json.dumps(title, ensure_ascii=False) + ',\n"events": [\n', slides, "\n]}\n"
    )


def _key(*parts: object) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()


# A site of more articles than this writes its large exports in parts, one per month (the timeline
# one per year), each in the shape of the whole file, under an index at the documented name
# (``{"parts": [...]}``, see DESIGN.md): an edit rewrites the parts it changes, not 30 MB.
PARTS_ABOVE = 1000


def export_pages(cache: Store, config: SiteConfig, registry: dict[str, Entity]) -> list[Page]:
    """The JSON exports, joined from stored entries (see :func:`store_entity_entries`).

    Each export's key is made from the keys of its entries (article versions, event digests),
    so an export is joined and written only when one of its entries changed.
    """
    event_keys = cache.event_keys()
    entities_text = entities(cache, registry)
    entities_page = Page(urls.data("entities.json"), None, _key(entities_text), text=entities_text)
    timelinejs_page = Page(
        urls.data("timelinejs.json"),
        None,
        _key(event_keys, config.title, config.description, config.base_url),
        make=lambda: timelinejs(cache, config),
    )
    if cache.count("articles") > PARTS_ABOVE:
        return [
            *_parted("annotations", cache.article_stamps(), lambda month: annotations_json(cache, month)),
            entities_page,
            *_parted("timeline", cache.event_stamps(), lambda year: timeline(cache, year)),
            timelinejs_page,
            *_parted("voices", cache.article_stamps(STATEMENTS), lambda month: [voices(cache, month)]),
            *_parted("figures", cache.article_stamps(FIGURES), lambda month: [figures(cache, month)]),
        ]
    said, counted = cache.findings_digest(STATEMENTS), cache.findings_digest(FIGURES)
    return [
        Page(
            urls.data("annotations.json"),
            None,
            _key(cache.article_keys_by_path()),
            make=lambda: annotations_json(cache),
        ),
        entities_page,
        Page(urls.data("timeline.json"), None, _key(event_keys), make=lambda: timeline(cache)),
        timelinejs_page,
        # keyed by what the analysis's views of them are made from: an edit that changes no
        # statement (or figure) leaves the export alone
        Page(urls.data("voices.json"), None, _key(said), make=lambda: [voices(cache)]),
        Page(urls.data("figures.json"), None, _key(counted), make=lambda: [figures(cache)]),
    ]


def _parted(name: str, entries: list[Filed], part: Callable[[str], Iterable[str]]) -> list[Page]:
    """``data/<name>.json`` as an index of parts, one per period of its entries (oldest first, the
    undated last), each part keyed by its entries' digests and made by ``part(period)``."""
    periods: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        periods.setdefault(entry.period, []).append((entry.name, entry.key))
    order = sorted(periods, key=lambda period: (period == "", period))
    names = [f"{name}/{period or 'undated'}.json" for period in order]
    index = json.dumps({"parts": names}, indent=1) + "\n"
    pages = [Page(urls.data(f"{name}.json"), None, _key(index), text=index)]
    for period, path in zip(order, names, strict=True):
        pages.append(Page(urls.data(path), None, _key(periods[period]), make=functools.partial(part, period)))
    return pages


def voices(cache: Store, month: str | None = None) -> str:
    """Every attributed statement (or those of the articles of one month): who, in what capacity,
    what, quoted or reported, and where."""
    records = [
        {"article": slug, "day": day, "speaker": s.speaker, "entity": s.entity, "title": s.title,
         "said_as": s.said_as or None, "speaker_kind": s.speaker_kind, "kind": s.kind, "text": s.text,
         "start": s.start, "end": s.end, "sentence": f"s{s.sentence + 1}"}
        for slug, day, s in _in_article_order(cache.findings(STATEMENTS, month=month))
    ]  # fmt: skip
    return json.dumps({"statements": records}, ensure_ascii=False, indent=1) + "\n"


def figures(cache: Store, month: str | None = None) -> str:
    """Every numeric claim (or those of the articles of one month): the value, its hedge, what it
    counts, where and when, and where it is said."""
    records = [
        {"article": slug, "day": day, "quantity": f.quantity, "value": f.value, "high": f.high,
         "hedge": f.hedge, "unit": f.unit, "noun": f.noun or None, "counted": f.counted, "place": f.place,
         "holds_for": f.holds, "when": f.when, "projection": f.projection, "text": f.text,
         "start": f.start, "end": f.end, "sentence": f"s{f.sentence + 1}"}
        for slug, day, f in _in_article_order(cache.findings(FIGURES, month=month))
    ]  # fmt: skip
    return json.dumps({"figures": records}, ensure_ascii=False, indent=1) + "\n"


def _in_article_order(found: list[FoundIn[R]]) -> list[FoundIn[R]]:
    """Findings by article, then in the order the article gives them."""
    return sorted(found, key=lambda row: (row.slug, getattr(row.record, "start")))  # noqa: B009


NOT_LISTED = (urls.NOT_FOUND, urls.SEARCH)

_APOSTROPHES = re.compile(r"[’'ʼʻʿʾ`´]")
_SEPARATORS = re.compile(r"[\W_]+")
_DOUBLED = re.compile(r"([^\W\d_])\1+")
_ARTICLE = re.compile(r"(?:^| )(?:al|el) ")


def search_key(text: str) -> str:
    """A spelling reduced to what readers vary least: no case, diacritics, apostrophes, doubled
    letters or leading "al-". ``static/search.js`` reduces queries the same way."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    folded = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", folded.lower())).strip()
    return _ARTICLE.sub(" ", _DOUBLED.sub(r"\1", folded)).strip()


def search_names(registry: dict[str, Entity]) -> str:
    """``data/names.json``: every spelling of every entity, so that the search page can look for an
    entity under all its names whichever one the reader typed (short, ambiguous keys left out)."""
    owners: dict[str, set[str]] = {}
    for entity in registry.values():
        for name in (entity.name, *entity.aliases):
            key = search_key(name)
            if len(key) >= 3:
                owners.setdefault(key, set()).add(entity.id)
    keys = {key: ids.pop() for key, ids in sorted(owners.items()) if len(ids) == 1}
    names = {e.id: [e.name, *e.aliases] for e in registry.values() if e.id in keys.values()}
    return json.dumps({"keys": keys, "names": names}, ensure_ascii=False, sort_keys=True) + "\n"


def discovery_pages(cache: Store, config: SiteConfig, registry: dict[str, Entity]) -> list[Page]:
    """``robots.txt``, the names the search page expands queries with and, for a site with a
    ``base_url``, the sitemap of every HTML page."""
    pages = [Page(urls.ROBOTS, None, _key(config.base_url), text=robots(config.base_url))]
    if config.search:
        names = search_names(registry)
        pages.append(Page(urls.data("names.json"), None, _key(names), text=names))
    if not config.base_url:
        return pages
    paths = [path for path in cache.listed_pages() if path not in NOT_LISTED]
    for name, text in sitemap_files(config.base_url, paths).items():
        pages.append(Page(name, None, _key(text), text=text))
    return pages
