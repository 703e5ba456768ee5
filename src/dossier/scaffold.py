"""``dossier init [DIR]``: a new site folder that builds at once and explains itself.

The files are written from the templates below: ``site.yaml`` with every option
of :class:`dossier.config.SiteConfig` and its meaning, an ``entities.yaml`` that
documents the registry format, one example article that the example entities
match, and a ``.gitignore`` for what a build writes. Nothing is written into a
folder that already holds a site, and a write that fails part-way takes back
the files it made, so a folder is either untouched or a whole new site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.errors import BuildError
from dossier.pipeline import ARTICLES_FOLDER, CACHE_FOLDER, CONFIG_FILE, REGISTRY_FILE

EXAMPLE_ARTICLE = "2025-03-12-riverton-council-approves-river-path.md"

SITE_YAML = """\
# Settings of this dossier site. Every option is listed with its default value;
# change what you need. Command-line flags (--base-url, --output) override them.

# Site title, shown in the header and in every page title.
title: My dossier

# One or two sentences about the story the site follows (front page, feeds, previews).
description: An example site; replace this with the story you follow.

# Language of the site, as a BCP 47 tag (en, fr, ar-IQ); an article may set its own.
language: en

# Folder the articles are read from, and folder the site is written to, both
# relative to this folder.
articles: articles
output: _site

# How many articles and events the front page lists.
latest: 8

# How many related articles each article page suggests.
related: 4

# How many articles a list (a topic, a tag, a source) shows on one page; longer
# lists get archive pages by year.
page_size: 100

# How many events the timeline shows on one page; a longer timeline gets a page
# per year, and a busy year a page per month.
timeline_page_size: 200

# Full-text search over articles and topics (a Pagefind index and a search page).
search: true

# Countries, capitals and international bodies with their usual spellings ("U.S.",
# "Britain", "UN"), under the entities of entities.yaml; false leaves them out.
base_registry: true

# Raw HTML in article bodies: false shows it as text; true passes it through,
# cleaned of scripts, styles and event handlers.
allow_html: false

# Feeds and sitemap. With base_url, the absolute address the site will be
# published at, the build also writes Atom feeds (the site's and one per topic),
# sitemap.xml and canonical links; without it they are left out, with a note.
# feed_items is how many of the newest articles each feed carries. Setting
# feed_items without base_url turns that note into a warning.
# base_url: https://example.org/my-dossier/
# feed_items: 20
"""

ENTITIES_YAML = """\
# The entity registry: every person, organization and place this site tags.
# Each name the articles give is linked to its entity's topic page.
#
# An entity has:
#   id              a stable kebab-case id (lower-case words joined by hyphens);
#                   it names the topic page, so keep it once published
#   name            the name shown on the site
#   type            person, organization, place, country, armed-group, ... (free text)
#   description     optional: one neutral sentence
#   aliases         other spellings seen in the articles (a surname alone, an acronym,
#                   a transliteration); case and accents are ignored when matching
#   case_sensitive  aliases matched only exactly as written (short acronyms such as
#                   "RCC" that are also ordinary words in lower case)
#   draft           optional: true marks an entry that `dossier suggest --add` wrote
#                   and nobody has checked yet; it is matched like any other
#
# An alias may also be a mapping with rules, e.g. {text: Council, needs_anchor: true}
# (only in an article that names the entity another way too); the other rules are
# not_after, not_before, not_after_entity, in_caps, sticky_exclusion, always_before.
#
# `dossier suggest` lists recurring names this file does not know yet, and
# `dossier suggest --add` appends them here as draft entries to review.

# Words that may stand before a person's name ("Mayor Ana Lindqvist"); they are
# not part of the name.
titles: [Mayor, Councillor, President, Minister, Dr, Mr, Mrs, Ms]

# Whole names that are never tagged, nor anything inside them (news outlets,
# say, whose names contain a place of the story).
ignore:
  - Riverton Ledger

entities:
  - id: riverton-city-council
    name: Riverton City Council
    type: organization
    description: The elected council of the town of Riverton (an example entity).
    aliases:
      - Riverton council
      - RCC
    case_sensitive: [RCC]

  - id: ana-lindqvist
    name: Ana Lindqvist
    type: person
    description: Mayor of Riverton (an example entity).
    aliases:
      - Lindqvist
"""

ARTICLE = """\
---
title: Riverton council approves a riverside path after a long debate
date: 2025-03-12
source: Riverton Ledger
author: Example Desk
url: https://example.org/2025/03/12/riverton-river-path
tags: [Local politics]
summary: The council voted seven to two for a walking and cycling path along the river.
---

The Riverton City Council voted seven to two on Tuesday to build a walking and cycling
path along the east bank of the river. Construction is due to start in June.

Mayor Ana Lindqvist said the path would connect the old mill district with the town
centre. "People have asked for this for years," Lindqvist said after the vote.

Two councillors voted against the plan, saying the budget of 1.2 million should go to
road repairs first. The RCC will review the costs again in September.

## What comes next

The council will publish the route on its website next week and hold a public
meeting in April.
"""

GITIGNORE_LINES = (
    "# what `dossier build` writes: the site, its cache, and the folders of an interrupted build",
    "_site/",
    f"{CACHE_FOLDER}/",
    "._site.*/",
)


@dataclass(frozen=True, slots=True)
class SiteFile:
    """One file of the new site, relative to its folder."""

    path: str
    text: str


def site_files() -> tuple[SiteFile, ...]:
    """The files a new site starts with (``.gitignore`` is merged, not replaced: see below)."""
    return (
        SiteFile(CONFIG_FILE, SITE_YAML),
        SiteFile(REGISTRY_FILE, ENTITIES_YAML),
        SiteFile(f"{ARTICLES_FOLDER}/{EXAMPLE_ARTICLE}", ARTICLE),
    )


def existing_site_files(folder: Path) -> list[str]:
    """The files of a site already in ``folder``: any one of them means a site lives there."""
    names = (CONFIG_FILE, REGISTRY_FILE, f"{ARTICLES_FOLDER}/")
    return [name for name in names if (folder / name.rstrip("/")).exists()]


def gitignore_text(existing: str) -> str:
    """``.gitignore`` with the build's folders: an existing file keeps its lines, gaining those it lacks."""
    present = {line.strip() for line in existing.splitlines()}
    comment, *patterns = GITIGNORE_LINES
    missing = [line for line in patterns if line not in present]
    if not missing:
        return existing
    prefix = existing if not existing or existing.endswith("\n") else existing + "\n"
    return prefix + "\n".join([comment, *missing]) + "\n"


def create_site(folder: Path) -> list[Path]:
    """Write a new site into ``folder`` (made if need be); return the files written.

    Refuses a folder that already holds a site's files, naming them, before writing anything.
    """
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{folder} is a file, not a folder; choose another place for the new site")
    found = existing_site_files(folder)
    if found:
        raise BuildError(
            f"{folder} already holds a site ({', '.join(found)} found); nothing was written. "
            "Build it as it is, or choose an empty folder for a new one"
        )
    created_folder = not folder.exists()
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for item in site_files():
            path = folder / item.path
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:  # "x": never replace a file
                written.append(path)
                handle.write(item.text)
        gitignore = folder / ".gitignore"
        before = gitignore.read_text(encoding="utf-8") if gitignore.exists() else None
        gitignore.write_text(gitignore_text(before or ""), encoding="utf-8")
        if before is None:
            written.append(gitignore)
    except OSError as exc:
        take_back(written, folder, created_folder)
        raise BuildError(f"cannot write the new site in {folder}: {exc.strerror or exc}") from None
    return written


def take_back(written: list[Path], folder: Path, created_folder: bool) -> None:
    """Remove what a failed ``init`` wrote, so the folder is as it was."""
    for path in reversed(written):
        path.unlink(missing_ok=True)
    for empty in (folder / ARTICLES_FOLDER, folder if created_folder else None):
        if empty is not None and empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()
