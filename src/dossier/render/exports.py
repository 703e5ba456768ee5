"""The JSON exports under data/: annotations (the evaluation contract), entities, timeline, TimelineJS.

Per-article and per-event entries are made when an article or event changes
and kept in the cache; an export is those entries joined, so writing it costs
little more than copying them.
"""

from __future__ import annotations

import hashlib
import json
from html import escape

from dossier.cache import BuildCache
from dossier.config import SiteConfig
from dossier.model import Entity
from dossier.render import urls
from dossier.render.pages import Page


def _joined(head: str, entries: list[str], tail: str) -> str:
    return head + ",\n".join(entries) + tail


def annotations(cache: BuildCache) -> str:
    """Every article with its mentions and dates; offsets index the body (or the title, where so marked)."""
    return _joined('{"articles": [\n', list(cache.annotations()), "\n]}\n")


def entities(cache: BuildCache, registry: dict[str, Entity]) -> str:
    records = []
    for entity in registry.values():
        rows = cache.topic_rows(entity.id)
        record = {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "description": entity.description,
            "aliases": list(entity.aliases),
            "mentions": sum(n for _, n, *_ in rows),
            "articles": [slug for slug, *_ in rows],
            "url": urls.topic(entity.id) if rows else None,
        }
        records.append(json.dumps(record, ensure_ascii=False))
    return _joined('{"entities": [\n', records, "\n]}\n")


def timeline(cache: BuildCache) -> tuple[str, list[str]]:
    exports, slides = [], []
    for export, slide in cache.event_exports():
        exports.append(export)
        slides.append(slide)
    return _joined('{"events": [\n', exports, "\n]}\n"), slides


def timelinejs(config: SiteConfig, slides: list[str]) -> str:
    """The timeline in TimelineJS's JSON format, for embedding it elsewhere."""
    title = {"text": {"headline": escape(config.title), "text": f"<p>{escape(config.description)}</p>"}}
    return _joined(
        '{"title": ' + json.dumps(title, ensure_ascii=False) + ',\n"events": [\n', slides, "\n]}\n"
    )


def export_pages(cache: BuildCache, config: SiteConfig, registry: dict[str, Entity]) -> list[Page]:
    timeline_text, slides = timeline(cache)
    texts = {
        urls.data("annotations.json"): annotations(cache),
        urls.data("entities.json"): entities(cache, registry),
        urls.data("timeline.json"): timeline_text,
        urls.data("timelinejs.json"): timelinejs(config, slides),
    }
    return [
        Page(path, None, hashlib.sha1(text.encode("utf-8")).hexdigest(), text=text)
        for path, text in texts.items()
    ]
