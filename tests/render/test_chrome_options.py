"""The options only the chrome shows (CHROME_OPTIONS) reach a page's view only through its key.

A change of them alone composes the published pages again from their blocks, trusting that a page
whose key is unchanged shows what it showed: so for every page and export of a real site, planned
under two values of each, an equal key must come with an equal view and equal text.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from dossier.config import CHROME_OPTIONS, SiteConfig
from dossier.pipeline import BuildOptions, cache_file, prepare
from dossier.render.exports import discovery_pages, export_pages
from dossier.render.pages import Page, Planner
from dossier.render.site import SiteRenderer
from dossier.store.database import Store
from tests.conftest import built_copy


def planned_pages(planner: Planner) -> dict[str, Page]:
    return {page.path: page for group in planner.all_groups() for page in planner.plan(group)}


def views(planner: Planner) -> dict[str, tuple[str, str]]:
    """path → (key, view) of every page the planner makes."""
    return {path: (page.key, shown(page)) for path, page in planned_pages(planner).items()}


def shown(page: Page) -> str:
    if page.build is not None:
        return json.dumps(page.build(), sort_keys=True, default=str)
    return "".join(page.content())


def test_an_unchanged_key_means_an_unchanged_view_whatever_the_chrome_options(
    tmp_path: Path, built_seed_site: Path
) -> None:
    site = built_copy(built_seed_site, tmp_path)
    prepared = prepare(BuildOptions(site=site))
    entities = prepared.registry.entities
    base = replace(prepared.config, base_url="https://example.org/dossier/")  # feeds and sitemap too
    other: dict[str, Any] = {option: f"Another {option} & <more>" for option in CHROME_OPTIONS}
    configs = [base, replace(base, **other)]
    assert all(isinstance(getattr(SiteConfig(), option), str) for option in CHROME_OPTIONS)
    cache = Store.reader(cache_file(prepared.output))
    try:
        planned = [views(Planner(cache, config, entities)) for config in configs]
        exported = [
            {
                p.path: (p.key, shown(p))
                for p in export_pages(cache, c, entities) + discovery_pages(cache, c, entities)
            }
            for c in configs
        ]
        laid_out = {
            path: SiteRenderer(base, prepared.templates).render_laid_out(page)[1] is not None
            for path, page in planned_pages(Planner(cache, base, entities)).items()
        }
    finally:
        cache.close()
    for before, after in [(planned[0], planned[1]), (exported[0], exported[1])]:
        assert before.keys() == after.keys()
        same_key = [path for path in before if before[path][0] == after[path][0]]
        assert len(same_key) > len(before) // 2  # most pages do not show these options
        for path in same_key:
            assert before[path][1] == after[path][1], path
    changed = {path for path in planned[0] if planned[0][path][0] != planned[1][path][0]}
    assert "feed.xml" in changed  # the feeds show the title, and say so in their keys
    # and no page that can be composed again does (redirects show the title, and are rendered in
    # full): so a group of those whose data is unchanged is composed without being planned
    assert not [path for path in changed if laid_out[path]]
    assert any(path.endswith(".html") for path in changed)
