"""URL-safe names for articles, tags and sources."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’‘ʼ](?=\w)")
_ABBREVIATION = re.compile(r"(?<![\w.])((?:\w\.){2,})")
_TRAILING_SMALL_WORDS = re.compile(r"(?:-(?:a|an|the|of|and|or|to|in|on|for|with|amid|at|by|from))+$")
MAX_SLUG = 64
MAX_FILE_SLUG = 200  # a file name is short enough to be an address already; only a pathological one is cut
RESERVED = frozenset({"index"})  # every section's own list lives at <section>/index.html


@lru_cache(maxsize=4096)
def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """Lower-case words joined by hyphens; diacritics dropped, other scripts kept.

    "Iraq’s call" → "iraqs-call"; "Al-Sudani" → "al-sudani"; Arabic stays
    Arabic, so non-Latin titles still get readable, distinct slugs.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ABBREVIATION.sub(lambda m: m.group(1).replace(".", ""), text)  # "U.S." → "US"
    text = _APOSTROPHES.sub("", text).lower().replace("_", " ")
    slug = _NON_WORD.sub("-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
        slug = _TRAILING_SMALL_WORDS.sub("", slug) or slug
    return unicodedata.normalize("NFC", slug)


def name_slug(name: str, kind: str) -> str:
    """The page name of a tag, source or author (``kind``): never a reserved name, and a name with
    no letters or digits ("!!!") gets one made from its characters, so two such names never share
    a page."""
    slug = slugify(name)
    if not slug:
        return f"{kind}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
    return f"{slug}-{kind}" if slug in RESERVED else slug


def tag_slug(tag: str) -> str:
    return name_slug(tag, "tag")


def author_slug(author: str) -> str:
    return name_slug(author, "author")
