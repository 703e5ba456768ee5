"""Corpus → pages: the Jinja environment and one small function per kind of page.

Templates lay out what they are given; the few presentation choices made here
(how many items a list shows, how events are grouped by month) are kept out
of the templates so those stay easy to override per site.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)

from dossier import __version__
from dossier.analyze import UNATTRIBUTED
from dossier.config import SiteConfig
from dossier.errors import BuildError
from dossier.model import AnnotatedArticle, Corpus, Event, PublicationDate
from dossier.render import urls
from dossier.render.charts import monthly_bars
from dossier.render.markup import markdown_parser, render_body, text_parser
from dossier.slugs import slugify
from dossier.timex import MONTH_NAMES

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
    path: str
    content: str


@dataclass(frozen=True, slots=True)
class MonthGroup:
    key: str
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class YearGroup:
    year: int
    months: tuple[MonthGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


def group_by_year_and_month(events: tuple[Event, ...]) -> tuple[YearGroup, ...]:
    """Years, then months; events vaguer than a month open their year under "During <year>"."""
    years: dict[int, dict[str, list[Event]]] = {}
    labels: dict[str, str] = {}
    for event in events:
        year = event.date.first_day.year
        if event.date.granularity in ("day", "week", "month"):
            key = f"{year}-{event.date.first_day.month:02d}"
            labels[key] = f"{MONTH_NAMES[event.date.first_day.month - 1]} {year}"
        else:
            key = f"{year}-00"
            labels[key] = f"During {year}" if event.date.granularity != "decade" else event.label
        years.setdefault(year, {}).setdefault(key, []).append(event)
    return tuple(
        YearGroup(year, tuple(MonthGroup(k, labels[k], tuple(v)) for k, v in sorted(months.items())))
        for year, months in sorted(years.items())
    )


def day_label(value: date | None) -> str:
    return "" if value is None else f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def published_label(published: PublicationDate) -> str:
    return "date unknown" if published.value is None else published.value.label()


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind.replace("-", " ").capitalize() + "s")


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """A sentence of Markdown as plain text: link targets and emphasis markers removed."""
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text).replace("\\", "")


def excerpt(annotated: AnnotatedArticle, limit: int = 260) -> str:
    """The summary, or the opening sentences of the body, cut at a word."""
    if annotated.article.summary:
        text = annotated.article.summary
    else:
        prose = [
            s.text for s in annotated.sentences if s.text.rstrip().endswith((".", "!", "?", "”", '"', "’"))
        ]
        text = ""
        for sentence in prose:
            text = f"{text} {plain(sentence)}".strip()
            if len(text) > limit * 0.6:
                break
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)].rstrip(",;:—– ") + "…"


def _type_rank(kind: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER), kind)


@pass_context
def _link(context: Any, target: str) -> str:
    return urls.relative(context["page_path"], target)


class SiteRenderer:
    """Renders every page of a corpus with one Jinja environment, built once."""

    def __init__(self, config: SiteConfig, template_dirs: list[Path]) -> None:
        self.config = config
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(link=_link, urls=urls, site=config, version=__version__)
        self.env.filters.update(
            day=day_label, published=published_label, type_label=type_label, plural=plural,
            plain=plain, excerpt=excerpt, slug=slugify,
        )  # fmt: skip
        self.parsers = {"markdown": markdown_parser(), "text": text_parser()}

    def render_page(self, template: str, path: str, **context: Any) -> Page:
        try:
            html = self.env.get_template(template).render(page_path=path, **context)
        except TemplateSyntaxError as exc:
            raise BuildError(
                f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
            ) from None
        except TemplateError as exc:
            raise BuildError(f"template {template} (rendering {path}): {exc}") from None
        return Page(path, html)

    def pages(self, corpus: Corpus) -> Iterator[Page]:
        common = {
            "corpus": corpus,
            "source_count": len([s for s in corpus.sources if s.name != UNATTRIBUTED]),
        }
        yield self.render_page("index.html", urls.INDEX, **common, **self.front_page(corpus))
        yield self.render_page("articles.html", urls.ARTICLES, **common)
        for annotated in corpus.articles:
            yield self.article_page(corpus, annotated, common)
        yield self.render_page("topics.html", urls.TOPICS, **common, groups=self.topic_groups(corpus))
        for topic in corpus.topics.values():
            path = urls.topic(topic.entity.id)
            chart = monthly_bars(topic.by_month, f"Mentions of {topic.entity.name} per month")
            yield self.render_page(
                "topic.html",
                path,
                **common,
                topic=topic,
                chart=chart,
                years=group_by_year_and_month(topic.events),
            )
        for tag in corpus.tags:
            yield self.render_page("tag.html", urls.tag(tag.slug), **common, tag=tag)
        yield self.render_page(
            "timeline.html", urls.TIMELINE, **common, years=group_by_year_and_month(corpus.timeline),
            filter_entities=self.timeline_entities(corpus),
        )  # fmt: skip
        yield self.render_page("sources.html", urls.SOURCES, **common)
        yield self.render_page("404.html", urls.NOT_FOUND, **common)

    def front_page(self, corpus: Corpus) -> dict[str, Any]:
        days = [a.published.day for a in corpus.articles if a.published.day]
        top = sorted(corpus.topics.values(), key=lambda t: (-t.mentions, t.entity.name))
        newest = max(days, default=None)
        # what has happened by the newest article, latest first (not what articles expect to come)
        past = [
            e for e in corpus.timeline if not e.inferred and (newest is None or e.date.first_day <= newest)
        ]
        recent = past[-self.config.latest :][::-1]
        return {
            "latest": corpus.articles[: self.config.latest],
            "top_topics": top[:16],
            "recent_events": recent,
            "first_day": min(days, default=None),
            "last_day": max(days, default=None),
        }

    def article_page(self, corpus: Corpus, annotated: AnnotatedArticle, common: dict[str, Any]) -> Page:
        path = urls.article(annotated.slug)
        body = render_body(
            annotated, corpus.entities, lambda entity: urls.relative(path, urls.topic(entity)), self.parsers
        )
        counts = Counter(m.entity for m in annotated.mentions if m.entity in corpus.entities)
        entities = sorted(counts, key=lambda e: (-counts[e], corpus.entities[e].name))
        events = [e for e in corpus.timeline if annotated.slug in e.slugs]
        related = [corpus.by_slug[s] for s in corpus.related.get(annotated.slug, ())]
        return self.render_page(
            "article.html", path, **common, item=annotated, body=body,
            entity_counts=[(corpus.entities[e], counts[e]) for e in entities], events=events, related=related,
        )  # fmt: skip

    def topic_groups(self, corpus: Corpus) -> list[tuple[str, list[Any]]]:
        by_type: dict[str, list[Any]] = {}
        for topic in corpus.topics.values():
            by_type.setdefault(topic.entity.type, []).append(topic)
        return [
            (kind, sorted(by_type[kind], key=lambda t: (-t.mentions, t.entity.name)))
            for kind in sorted(by_type, key=_type_rank)
        ]

    def timeline_entities(self, corpus: Corpus) -> list[tuple[str, str, int]]:
        """Entities that appear in the timeline, most events first: (id, name, event count)."""
        counts = Counter(e for event in corpus.timeline for e in event.entities)
        ids = sorted(counts, key=lambda e: (-counts[e], corpus.entities[e].name))
        return [(e, corpus.entities[e].name, counts[e]) for e in ids if e in corpus.entities]
