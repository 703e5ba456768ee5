"""Feeds and discovery files: Atom feeds, the sitemap and robots.txt.

These need absolute URLs, so they are made only when the site has a
``base_url``; without one the build skips them with a warning rather than
publish links that lead nowhere. Dates come from the articles, never from the
clock, so the same articles always give the same feeds.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from dossier.model import Card
from dossier.render.urls import absolute
from dossier.timex import parse_timex

SITEMAP_LIMIT = 50_000  # URLs one sitemap file may list (sitemaps.org)
EPOCH = "1970-01-01T00:00:00Z"

# Characters XML 1.0 cannot hold, not even as a character reference: one in a title (a control
# character pasted from a PDF, an escape in YAML) would make the whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold (every field of a feed passes through here)."""
    return _NOT_XML.sub("", text)


_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def absolute_links(html: str, page_url: str) -> str:
    """``html`` from the page at ``page_url`` with its relative links made absolute, for feed readers."""

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if _SCHEME.match(target) or target.startswith("//"):
            return match.group(0)
        return match.group(1) + urljoin(page_url, target) + match.group(3)

    return _LINK.sub(fix, html)


def atom_time(card: Card) -> str | None:
    """The moment an article was published, as Atom wants it: the start of its day (or period), UTC."""
    timex = parse_timex(card.published) if card.published else None
    if timex is None:
        return None
    return f"{timex.first_day.isoformat()}T00:00:00Z"


def feed_entry(card: Card, url: str, summary: str | None, content: str | None) -> dict[str, Any]:
    return {
        "id": url,
        "url": url,
        "title": card.title,
        "updated": atom_time(card),
        "authors": list(card.authors),
        "source": card.source,
        "summary": summary or card.excerpt,
        "content": content,
        "language": card.language,
    }


def feed_view(
    feed_url: str, page_url: str, title: str, subtitle: str, entries: list[dict[str, Any]]
) -> dict[str, Any]:
    """An Atom feed's view-model; undated entries take the newest date in the feed."""
    newest = max((e["updated"] for e in entries if e["updated"]), default=EPOCH)
    for entry in entries:
        entry["updated"] = entry["updated"] or newest
    return {"id": feed_url, "self_url": feed_url, "alternate": page_url, "title": title,
            "subtitle": subtitle, "updated": newest, "entries": entries}  # fmt: skip


def sitemap_files(base_url: str, paths: list[str]) -> dict[str, str]:
    """``sitemap.xml`` for ``paths`` (sorted); past 50,000 URLs, an index of numbered sitemaps."""
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

    def urlset(chunk: list[str]) -> str:
        rows = "".join(f"  <url><loc>{_xml(absolute(base_url, p))}</loc></url>\n" for p in chunk)
        return f"{head}<urlset {namespace}>\n{rows}</urlset>\n"

    if len(paths) <= SITEMAP_LIMIT:
        return {"sitemap.xml": urlset(paths)}
    files = {}
    for number, start in enumerate(range(0, len(paths), SITEMAP_LIMIT), start=1):
        files[f"sitemaps/sitemap-{number}.xml"] = urlset(paths[start : start + SITEMAP_LIMIT])
    rows = "".join(f"  <sitemap><loc>{_xml(absolute(base_url, name))}</loc></sitemap>\n" for name in files)
    files["sitemap.xml"] = f"{head}<sitemapindex {namespace}>\n{rows}</sitemapindex>\n"
    return files


def robots(base_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    return text + f"\nSitemap: {absolute(base_url, 'sitemap.xml')}\n" if base_url else text


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
