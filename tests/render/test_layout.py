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
from dossier.pipeline import builtin_templates
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

# Templates that keep state outside their blocks: what a block shows may come from the site's
# options read before it ran, or the chrome may show what a block did. Never composed.
STATEFUL: list[tuple[str, dict[str, str]]] = [
    (
        "a top-level set of the page",
        {"page.html": PAGE + "{% set brand = site.title %}{% block content %}{{ brand }}{% endblock %}"},
    ),
    (
        "a top-level set of the chrome",
        {
            "base.html": "{% set brand = site.title|upper %}" + BASE,
            "page.html": PAGE + "{% block content %}{{ brand }}{% endblock %}",
        },
    ),
    (
        "a set of a template between",
        {
            "mid.html": '{% extends "base.html" %}{% set brand = site.title %}',
            "page.html": '{% extends "mid.html" %}{% block content %}{{ brand }}{% endblock %}',
        },
    ),
    (
        "a macro module's set",
        {
            "macros.html": "{% set brand = site.title %}{% macro sig() %}{{ brand }}{% endmacro %}",
            "page.html": '{% extends "base.html" %}{% import "macros.html" as m %}'
            "{% block content %}{{ m.sig() }}{% endblock %}",
        },
    ),
    (
        "a set imported by name",
        {
            "macros.html": "{% set brand = site.title %}",
            "page.html": '{% extends "base.html" %}{% from "macros.html" import brand %}'
            "{% block content %}{{ brand }}{% endblock %}",
        },
    ),
    (
        "the site handed to a macro at the top",
        {"page.html": PAGE + "{% set t = m.feed(site) %}{% block content %}{{ t }}{% endblock %}"},
    ),
    (
        "a namespace a block writes to",
        {
            "base.html": "{% set ns = namespace(toc=false) %}"
            + BASE
            + "{% if ns.toc %}<script></script>{% endif %}",
            "page.html": PAGE + "{% block content %}{% set ns.toc = true %}x{% endblock %}",
        },
    ),
    (
        "a cycler shared with the chrome",
        {
            "base.html": "{% set c = cycler('a', 'b') %}" + BASE + "{{ c.next() }}",
            "page.html": PAGE + "{% block content %}{{ c.next() }}{% endblock %}",
        },
    ),
    (
        "a block scoped in a with",
        {
            "base.html": BASE
            + "{% with n = site.title %}{% block brand scoped %}{% endblock %}{% endwith %}",
            "page.html": PAGE
            + "{% block brand %}<b>{{ n }}</b>{% endblock %}{% block content %}x{% endblock %}",
        },
    ),
    (
        "a template named by a variable",
        {
            "page.html": '{% extends site.language ~ "/../base.html" if false else "base.html" %}'
            "{% block content %}x{% endblock %}"
        },
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


@pytest.mark.parametrize(("case", "templates"), STATEFUL, ids=[c[0] for c in STATEFUL])
def test_a_page_whose_templates_keep_state_outside_their_blocks_is_not_composed(
    tmp_path: Path, case: str, templates: dict[str, str]
) -> None:
    old, new = renderers(tmp_path, templates)
    page = page_of({})
    published, layout = old.render_laid_out(page)
    if layout is not None:
        assert new.compose(page, published, layout) is None
    assert new.render(page) != published  # the title, wherever it went, is the new one


def test_the_stock_templates_keep_no_state_outside_their_blocks() -> None:
    folder = builtin_templates()
    renderer = SiteRenderer(OLD, [folder])
    names = [path.name for path in folder.glob("*.html")]
    assert len(names) > 10
    assert [name for name in names if not renderer.is_stateless(name)] == []
