"""Per-article work, done in worker processes: read a file, extract, render the body, make facts.

A :class:`Workshop` holds what this work needs (the compiled matcher, the
Markdown parsers, the registry) and is built once per process.
"""

from __future__ import annotations

from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.extract.registry import Registry
from dossier.facts import article_facts
from dossier.features import FeatureWeights
from dossier.model import Article, ArticleFacts
from dossier.render import urls
from dossier.render.markup import markdown_parser, render_body, text_parser
from dossier.render.text import excerpt


class Workshop:
    def __init__(self, registry: Registry, allow_html: bool = False) -> None:
        self.entities = registry.entities
        self.matcher = Matcher(registry)
        self.parsers = {"markdown": markdown_parser(allow_html), "text": text_parser()}
        self.weight = FeatureWeights({e.id: e.type for e in registry.entities.values()})

    def facts(self, article: Article, key: str) -> ArticleFacts:
        annotated = extract_article(article, self.matcher)
        page = urls.article(article.slug)
        body = render_body(
            annotated, self.entities, lambda e: urls.relative(page, urls.topic(e)), self.parsers
        )
        return article_facts(annotated, key, body, excerpt(annotated), self.weight)
