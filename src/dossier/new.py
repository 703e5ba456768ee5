"""``python build.py new "Title"``: a new article file with every frontmatter key, ready to fill in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from dossier.config import load_config
from dossier.errors import BuildError
from dossier.slugs import RESERVED, slugify

TEMPLATE = """---
title: {title}
slug: {slug}        # the address, articles/<slug>.html: keep it when the title or the file name changes
date: {today}            # the publication date (YYYY-MM-DD), or unknown
source:                     # the publication, e.g. Reuters
author:                     # a name, or a list of names
url:                        # the original article, https://…
tags: []
summary:                    # one or two sentences for lists, previews and feeds
language: {language}
draft: true                 # left out of builds until this is false (or: build --drafts)
---

Paste the article's text here, one paragraph per block; section headings as `## Heading`.
"""


def create_article(site: Path, title: str, today: date | None = None) -> Path:
    """Write ``articles/<slug>.md`` with that slug in its frontmatter; refuses to overwrite a file.

    The slug is written out, not left to the file name, so that the address stays put when the
    file is later renamed or the headline fixed."""
    title = title.strip()
    slug = slugify(title)
    if not slug:
        raise BuildError(f"the title {title!r} has no letters or digits to make a file name from")
    config = load_config(site / "site.yaml")
    folder = site / config.articles
    path = folder / f"{slug}.md"
    if path.exists():
        raise BuildError(f"{path} already exists; choose another title or edit that file")
    text = TEMPLATE.format(
        title=_quoted(title),
        slug=_quoted(slug if slug not in RESERVED else f"{slug}-article"),
        today=(today or date.today()).isoformat(),
        language=config.language,
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _quoted(text: str) -> str:
    """A YAML string in double quotes: a title with a colon, or a slug like ``2024``, stays text."""
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10_000).strip()
