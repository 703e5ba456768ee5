"""Where each page lives in the output, and relative links between pages.

Every internal link is relative and points at a file (never a bare folder),
so the site works at a domain root, under a sub-path and opened from disk.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

INDEX = "index.html"
ARTICLES = "articles/index.html"
TOPICS = "topics/index.html"
TIMELINE = "timeline/index.html"
SOURCES = "sources/index.html"
VOICES = "voices/index.html"
FIGURES = "figures/index.html"
COVERAGE = "coverage/index.html"
NOT_FOUND = "404.html"
SEARCH = "search.html"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def article(slug: str) -> str:
    return f"articles/{slug}.html"


def topic(entity_id: str) -> str:
    return f"topics/{entity_id}.html"


def topic_feed(entity_id: str) -> str:
    return f"topics/{entity_id}.xml"


def tag(slug: str) -> str:
    return f"tags/{slug}.html"


def source(slug: str) -> str:
    return f"sources/{slug}.html"


def author(slug: str) -> str:
    return f"authors/{slug}.html"


def timeline_page(period: str) -> str:
    """One year ("2024") or one month ("2024-03") of a long timeline."""
    return f"timeline/{period}.html"


def static(name: str) -> str:
    return f"static/{name}"


def data(name: str) -> str:
    return f"data/{name}"


def absolute(base_url: str, path: str) -> str:
    """The public URL of an output file (``path`` is relative to the site's root), for feeds and exports."""
    return base_url.rstrip("/") + "/" + quote(path, safe="/._-~#")


def relative(from_page: str, to_path: str) -> str:
    """The href from one output file to another, percent-encoded for non-ASCII slugs.

    Both are paths from the site's root without "." or ".." parts (the only kind the renderer makes).
    """
    return _relative_from(from_page.rpartition("/")[0], to_path)


@lru_cache(maxsize=1 << 16)
def _relative_from(folder: str, to_path: str) -> str:
    """:func:`relative` from a page in ``folder`` ("" for the root): a page's links depend only
    on its folder, and a site's thousands of pages sit in a few, so most links are made once."""
    target, _, fragment = to_path.partition("#")
    here = folder.split("/") if folder else []
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    link = "../" * (len(here) - common) + "/".join(there[common:])
    if not link.isascii() or " " in link or "?" in link:
        link = quote(link, safe="/._-~")
    return f"{link}#{fragment}" if fragment else link
