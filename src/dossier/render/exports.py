"""The JSON exports under data/: annotations (the evaluation contract), entities, timeline."""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import Any

from dossier.config import SiteConfig
from dossier.model import TITLE, AnnotatedArticle, Corpus, Event
from dossier.render import urls


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _published(annotated: AnnotatedArticle) -> dict[str, Any]:
    published = annotated.published
    fields: dict[str, Any] = {
        "published": published.day.isoformat() if published.day else None,
        "published_inferred": published.inferred,
    }
    if published.inferred and published.value is not None:
        fields["published_estimate"] = published.value.value
    return fields


def annotations(corpus: Corpus) -> dict[str, Any]:
    """Every article with its mentions and dates; offsets index the body (or the title, where so marked)."""
    articles = []
    for annotated in sorted(corpus.articles, key=lambda a: a.article.source_path):
        article = annotated.article
        mentions = []
        for m in annotated.mentions:
            item = {"entity": m.entity, "text": m.text, "start": m.start, "end": m.end}
            if m.field == TITLE:
                item["field"] = TITLE
            mentions.append(item)
        dates = []
        for d in annotated.dates:
            item = {"text": d.text, "value": d.value, "start": d.start, "end": d.end, "kind": d.kind}
            if d.mod:
                item["mod"] = d.mod
            if d.field == TITLE:
                item["field"] = TITLE
            dates.append(item)
        articles.append(
            {
                "slug": article.slug,
                "title": article.title,
                "source_path": article.source_path,
                **_published(annotated),
                "mentions": mentions,
                "dates": dates,
            }
        )
    return {"articles": articles}


def entities(corpus: Corpus) -> dict[str, Any]:
    records = []
    for entity in corpus.entities.values():
        topic = corpus.topics.get(entity.id)
        records.append(
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "description": entity.description,
                "aliases": list(entity.aliases),
                "mentions": topic.mentions if topic else 0,
                "articles": [a.slug for a in topic.articles] if topic else [],
                "url": urls.topic(entity.id) if topic else None,
            }
        )
    return {"entities": records}


def timeline(corpus: Corpus) -> dict[str, Any]:
    return {
        "events": [
            {
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
                    for s in event.sources
                ],
            }
            for event in corpus.timeline
        ]
    }


def _timelinejs_date(day: date, granularity: str) -> dict[str, int]:
    if granularity == "year" or granularity in ("decade", "century"):
        return {"year": day.year}
    if granularity == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _site_link(config: SiteConfig, path: str) -> str:
    """Absolute where the site's address is known, else relative to the site's root."""
    return f"{config.base_url.rstrip('/')}/{path}" if config.base_url else path


def _timelinejs_slide(event: Event, corpus: Corpus, config: SiteConfig) -> dict[str, Any]:
    lead = next((s for s in event.sources if s.dated), event.sources[0])
    headline = (
        lead.sentence
        if len(lead.sentence) <= 110
        else lead.sentence[: lead.sentence.rfind(" ", 0, 110)] + "…"
    )
    paragraphs = []
    for source in event.sources:
        article = corpus.by_slug[source.slug].article
        link = _site_link(config, urls.article(source.slug) + "#" + source.anchor)
        name = escape(article.source or article.title)
        paragraphs.append(f'<p>{escape(source.sentence)} — <a href="{escape(link)}">{name}</a></p>')
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _timelinejs_date(event.date.first_day, event.date.granularity),
        "display_date": event.label,
        "text": {"headline": escape(headline), "text": "".join(paragraphs)},
    }
    if event.date.granularity not in ("day", "month", "year"):
        slide["end_date"] = _timelinejs_date(event.date.last_day, "day")
    return slide


def timelinejs(corpus: Corpus, config: SiteConfig) -> dict[str, Any]:
    """The timeline in TimelineJS's JSON format, for embedding it elsewhere."""
    return {
        "title": {"text": {"headline": escape(config.title), "text": f"<p>{escape(config.description)}</p>"}},
        "events": [_timelinejs_slide(event, corpus, config) for event in corpus.timeline],
    }


def data_files(corpus: Corpus, config: SiteConfig) -> dict[str, str]:
    """Output path → JSON text."""
    return {
        urls.data("annotations.json"): to_json(annotations(corpus)),
        urls.data("entities.json"): to_json(entities(corpus)),
        urls.data("timeline.json"): to_json(timeline(corpus)),
        urls.data("timelinejs.json"): to_json(timelinejs(corpus, config)),
    }
