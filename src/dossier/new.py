"""``python build.py new "Title"``: a new article file with every frontmatter key, ready to fill in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from dossier.config import load_config
from dossier.errors import BuildError
from dossier.slugs import slugify

TEMPLATE = """---
title: {title}
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
    """Write ``articles/<slug>.md``; refuses to overwrite an existing file."""
    title = title.strip()
    slug = slugify(title)
    if not slug:
        raise BuildError(f"the title {title!r} has no letters or digits to make a file name from")
    config = load_config(site / "site.yaml")
    folder = site / config.articles
    path = folder / f"{slug}.md"
    if path.exists():
        raise BuildError(f"{path} already exists; choose another title or edit that file")
    quoted = yaml.safe_dump(title, allow_unicode=True, default_style='"', width=10_000).strip()
    text = TEMPLATE.format(title=quoted, today=(today or date.today()).isoformat(), language=config.language)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
