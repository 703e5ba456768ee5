"""Composing a published page again around new chrome equals rendering it in full, or is refused.

Each case is a pair of templates (a chrome, ``base.html``, and a page extending it), the page's
view, and whether a new site title (and description) lets the page be composed from its old text.
Whenever it does, the composed page must be byte for byte the full render under the new options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.config import SiteConfig
from dossier.render.layout import Layout
from dossier.render.pages import Page
from dossier.render.site import SiteRenderer

BASE = (
    "<title>{% block title %}{% endblock %}{% if self.title() %} · {% endif %}{{ site.title }}</title>"
    '<meta content="{{ self.title() or site.title }}">'
    '<nav><a href="{{ link("index.html") }}">{{ site.title }}</a></nav>'
    "<main>{% block content %}{% endblock %}</main>"
)
MACROS = (
    "{% macro feed(name) %}{% if site.base_url %}<link title='{{ name }}'>{% endif %}{% endmacro %}"
    "{% macro signed() %}— {{ site.title }}{% endmacro %}"
)
PAGE = '{% extends "base.html" %}{% import "macros.html" as m with context %}'

CASES: list[tuple[str, dict[str, str], dict[str, Any], bool]] = [
    (
        "blocks that read no option that changed",
        {
            "page.html": PAGE
            + "{% block title %}{{ name }}{% endblock %}{% block content %}<p>{{ name }}</p>"
            "{{ m.feed(name) }}{% endblock %}"
        },
        {"name": "Kataib <Hezbollah>"},
        True,
    ),
    (
        "a page without a title of its own",
        {"page.html": PAGE + "{% block content %}<p>{{ name }}</p>{% endblock %}"},
        {"name": "Index"},
        True,
    ),
    (
        "a block calling its parent's",
        {
            "base.html": BASE.replace(
                "<main>", "{% block head %}<h>{{ site.base_url }}</h>{% endblock %}<main>"
            ),
            "page.html": PAGE + "{% block head %}{{ super() }}<link>{% endblock %}"
            "{% block content %}{{ name }}{% endblock %}",
        },
        {"name": "Iraq"},
        True,
    ),
    (
        "the content shows the site's title",
        {"page.html": PAGE + "{% block content %}<h1>{{ site.title }}</h1>{% endblock %}"},
        {},
        False,
    ),
    (
        "a macro called in a block shows the site's title",
        {"page.html": PAGE + "{% block content %}<p>{{ name }}</p>{{ m.signed() }}{% endblock %}"},
        {"name": "Iraq"},
        False,
    ),
    (
        "the chrome shows a value of the page's view",
        {
            "base.html": BASE + "<footer>{{ name }}</footer>",
            "page.html": PAGE + "{% block content %}{{ name }}{% endblock %}",
        },
        {"name": "Iraq"},
        False,
    ),
    (
        "a block rendered in a loop, a text each time",
        {
            "base.html": BASE.replace(
                "<main>", "{% for n in [1, 2] %}{% block item scoped %}{% endblock %}{% endfor %}<main>"
            ),
            "page.html": PAGE
            + "{% block item %}<i>{{ n }}</i>{% endblock %}{% block content %}x{% endblock %}",
        },
        {},
        False,
    ),
    (
        "a block shown only through a filter",
        {
            "base.html": BASE + "{% if site.search == 'never' %}{% block name %}{% endblock %}{% endif %}"
            "<h1>{{ self.name()|upper }}</h1>",
            "page.html": PAGE + "{% block name %}Iraq{% endblock %}{% block content %}x{% endblock %}",
        },
        {},
        False,
    ),
    (
        "a block the old chrome did not show and the new one does",
        {
            "base.html": BASE + "{% if site.title == 'New <b>' %}{% block extra %}{% endblock %}{% endif %}",
            "page.html": PAGE + "{% block extra %}<aside>{{ name }}</aside>{% endblock %}"
            "{% block content %}x{% endblock %}",
        },
        {"name": "Iraq"},
        False,
    ),
    (
        "a page of its own, not extending the chrome, showing only the site's options",
        {"page.html": "<p>{{ site.title }} {{ link('x.html') }}</p>"},
        {},
        True,
    ),
    (
        "a page of its own showing its view",
        {"page.html": "<title>{{ name }} · {{ site.title }}</title>"},
        {"name": "Moved"},
        False,
    ),
]

OLD = SiteConfig(title="Old", description="The old one")
NEW = SiteConfig(title="New <b>", description="A new one")
CHANGED = frozenset({"title", "description"})


def renderers(tmp_path: Path, templates: dict[str, str]) -> tuple[SiteRenderer, SiteRenderer]:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name, text in {"base.html": BASE, "macros.html": MACROS, **templates}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return SiteRenderer(OLD, [folder]), SiteRenderer(NEW, [folder])


def page_of(view: dict[str, Any]) -> Page:
    return Page("topics/page.html", "page.html", "key", build=lambda: dict(view))


@pytest.mark.parametrize(("case", "templates", "view", "composable"), CASES, ids=[c[0] for c in CASES])
def test_a_composed_page_is_the_full_render_or_refused(
    tmp_path: Path, case: str, templates: dict[str, str], view: dict[str, Any], composable: bool
) -> None:
    old, new = renderers(tmp_path, templates)
    page = page_of(view)
    published, layout = old.render_laid_out(page)
    full, full_layout = new.render_laid_out(page)
    composed = None
    if layout is not None and not layout.reads & CHANGED:
        composed = new.compose(page, published, layout)
    assert (composed is not None) is composable
    if composed is not None:
        assert composed == (full, full_layout)
        assert full != published  # the chrome did change


def test_a_published_text_that_is_not_the_page_is_not_composed(tmp_path: Path) -> None:
    _, templates, view, _ = CASES[0]
    old, new = renderers(tmp_path, templates)
    page = page_of(view)
    published, layout = old.render_laid_out(page)
    assert layout is not None
    assert new.compose(page, published + "\n", layout) is None  # edited by hand, or another page
    assert new.compose(page, published, layout) is not None


def test_a_layout_reads_back_as_it_was_stored() -> None:
    layout = Layout("topic.html", 120, (("title", 7, 11), ("content", 40, 100)), frozenset({"base_url"}))
    assert Layout.decode(layout.encode()) == layout
    assert Layout.decode("") is None
    assert Layout.decode('[120, [["title", 7, 11]], []]') is None  # not a layout this code writes
    assert layout.texts("x" * 119) is None
