"""Where each page lives in the output, and relative links between pages.

Every internal link is relative and points at a file (never a bare folder),
so the site works at a domain root, under a sub-path and opened from disk.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

INDEX = "index.html"
ARTICLES = "articles/index.html"
TOPICS = "topics/index.html"
TIMELINE = "timeline/index.html"
SOURCES = "sources/index.html"
NOT_FOUND = "404.html"


def article(slug: str) -> str:
    return f"articles/{slug}.html"


def topic(entity_id: str) -> str:
    return f"topics/{entity_id}.html"


def tag(slug: str) -> str:
    return f"tags/{slug}.html"


def static(name: str) -> str:
    return f"static/{name}"


def data(name: str) -> str:
    return f"data/{name}"


def relative(from_page: str, to_path: str) -> str:
    """The href from one output file to another, percent-encoded for non-ASCII slugs."""
    target, _, fragment = to_path.partition("#")
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    link = quote(link, safe="/._-~")
    return f"{link}#{fragment}" if fragment else link
