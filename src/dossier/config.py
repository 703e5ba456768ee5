"""``site.yaml`` → :class:`SiteConfig`, validated against a declared schema.

Every option is declared once below with its type, default and meaning.
Unknown keys are warnings; wrong types are errors, all reported at once.
Command-line flags override the file (see :func:`SiteConfig.with_overrides`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from dossier.errors import ConfigError, describe_value
from dossier.yamlfast import SafeLoader, YamlProblem, key_lines, read_yaml_file


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The options of one site; the docstring of each field is its user documentation."""

    title: str = "dossier"
    """Site title, shown in the header and the page titles."""
    description: str = ""
    """One or two sentences about the story the site follows."""
    language: str = "en"
    """Language of the site (BCP 47 tag, e.g. ``en``); articles may override it."""
    base_url: str | None = None
    """Absolute URL the site is published at; needed only for feeds and the sitemap."""
    output: str = "_site"
    """Output folder, relative to the site folder."""
    articles: str = "articles"
    """Folder holding the articles, relative to the site folder."""
    latest: int = 8
    """How many articles and events the front page lists."""
    related: int = 4
    """How many related articles each article page suggests."""
    page_size: int = 100
    """How many articles a list (a topic, a tag, a source) shows on a page; longer lists get archive pages."""
    timeline_page_size: int = 200
    """How many events the timeline shows on one page: a longer timeline gets a page per year,
    and a year with more events a page per month."""
    feed_items: int = 20
    """How many of the newest articles the Atom feeds carry (the site's feed and each topic's)."""
    search: bool = True
    """Index article and topic pages for full-text search (with Pagefind) and add a search page."""
    base_registry: bool = True
    """Add dossier's base registry under ``entities.yaml``: the countries, capitals and international
    bodies news names every day, with their usual spellings, acronyms and Arabic names. An entity of
    ``entities.yaml`` with the same id or name is the site's own and takes the base spellings."""
    allow_html: bool = False
    """Pass raw HTML in article bodies through, cleaned by an allowlist sanitizer (no scripts, styles,
    event handlers or script links). Off: raw HTML is shown as text."""


# The options only the pages' chrome shows (base.html: the header, the page titles, the default
# description): a page's view or export that shows one has it in its key, so that a change of these
# alone composes the published pages again around new chrome (render/layout.py).
CHROME_OPTIONS = ("title", "description")

_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "description": (str,),
    "language": (str,),
    "base_url": (str, type(None)),
    "output": (str,),
    "articles": (str,),
    "latest": (int,),
    "related": (int,),
    "page_size": (int,),
    "timeline_page_size": (int,),
    "feed_items": (int,),
    "search": (bool,),
    "base_registry": (bool,),
    "allow_html": (bool,),
}


_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", type(None): "empty"}

# A well-formed BCP 47 language tag (RFC 5646) whose language has two or three letters (the ones
# in use), with its extended language, script, region, variants, extensions and private use. It is
# written into every page's ``lang``, the feeds' ``xml:lang`` and the search index's language, so
# nothing else (a quote, a path) may pass.
LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?"
    r"(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(?:-[\dA-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*"
    r"(?:-[xX](?:-[A-Za-z\d]{1,8})+)?$"
)
# What an address may not hold to be written into attributes, feeds and the sitemap as it is.
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>\\^`{|}\x00-\x1f\x7f]")


def base_url_problem(url: str) -> str | None:
    """What is wrong with a ``base_url``, if anything: it must be an absolute http(s) address with a
    host, and hold nothing that could end the attribute or the element it is written into."""
    if _UNSAFE_IN_URL.search(url):
        return "must not contain spaces, quotes, angle brackets or backslashes"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "is not a valid address"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "must be an http:// or https:// address with a host, like https://example.org/story/"
    if parts.query or parts.fragment:
        return "must not have a query (?…) or a fragment (#…): the site's paths are added to it"
    return None


def load_config(path: Path, warnings: list[str] | None = None) -> SiteConfig:
    """Read and validate ``site.yaml``; a missing file gives the defaults."""
    if not path.exists():
        return SiteConfig()
    try:
        data, text = read_yaml_file(path)
    except YamlProblem as problem:
        at = "" if problem.line is None else f":{problem.line}"
        raise ConfigError(f"{path.name}{at}: {problem.message}") from None
    if data is None:
        return SiteConfig()
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name}: expected a mapping of options, found {type(data).__name__}")
    return config_from_mapping(data, path.name, warnings, key_lines(text))


def configured_options(path: Path) -> frozenset[str]:
    """The options ``site.yaml`` sets itself (rather than leaving to their defaults); called after
    :func:`load_config` has validated the file, so a file that cannot be read just sets none."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return frozenset()
    return frozenset(str(key) for key in data) if isinstance(data, dict) else frozenset()


def config_from_mapping(
    data: dict[str, Any],
    origin: str,
    warnings: list[str] | None = None,
    lines: dict[str, int] | None = None,
) -> SiteConfig:
    """Validate options; ``lines`` (option → line in the file) locate the messages."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    lines = lines or {}
    for key, value in data.items():
        where = f"{origin}:{lines[str(key).lower()]}" if str(key).lower() in lines else origin
        if key not in _TYPES:
            if warnings is not None:
                warnings.append(
                    f"{where}: unknown option {describe_value(key)} ignored (known: {', '.join(_TYPES)})"
                )
            continue
        expected = _TYPES[key]
        if isinstance(value, bool) != (bool in expected) or not isinstance(value, expected):
            names = " or ".join(_TYPE_NAMES[t] for t in expected)
            problems.append(f"{where}: option {key!r} must be {names}, found {describe_value(value)}")
            continue
        if isinstance(value, int) and value < 0:
            problems.append(f"{where}: option {key!r} must not be negative")
            continue
        values[key] = value
    if problems:
        raise ConfigError("\n".join(problems))
    for key in ("page_size", "timeline_page_size", "feed_items"):
        if values.get(key) == 0:
            problems.append(f"{origin}: option {key!r} must be at least 1")
    if problems:
        raise ConfigError("\n".join(problems))
    for key, check in (("base_url", base_url_problem), ("language", language_problem)):
        value = values.get(key)
        problem = check(value) if isinstance(value, str) else None
        if problem is not None:
            where = f"{origin}:{lines[key]}" if key in lines else origin
            problems.append(f"{where}: option {key!r} {problem}, found {describe_value(value)}")
    if problems:
        raise ConfigError("\n".join(problems))
    return SiteConfig(**values)


def language_problem(tag: str) -> str | None:
    """What is wrong with a ``language`` option, if anything (see :data:`LANGUAGE_TAG`)."""
    return None if LANGUAGE_TAG.match(tag) else "must be a language tag like en, ar or pt-BR"


def with_overrides(config: SiteConfig, **overrides: Any) -> SiteConfig:
    """Return ``config`` with the command-line options that were given."""
    given = {k: v for k, v in overrides.items() if v is not None}
    url = given.get("base_url")
    problem = base_url_problem(url) if isinstance(url, str) else None
    if problem is not None:
        raise ConfigError(f"--base-url {problem}, found {describe_value(url)}")
    return dataclasses.replace(config, **given) if given else config
