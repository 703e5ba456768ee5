"""Rendering page groups: plan, compare fingerprints, and render what changed.

The same function runs in the build process or, for large builds, in worker
processes that read the committed cache themselves; either way it reports
each group's fingerprints back so the build can record them. What is rendered
goes to the ``put`` it is handed (the write stage's, into the build's private
folder), so that pages are not sent back through a pipe: render writes nothing
itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dossier.config import SiteConfig
from dossier.model import Entity
from dossier.render.pages import Page, Planner
from dossier.render.site import SiteRenderer
from dossier.search import indexed_digest
from dossier.store.database import Store

Put = Callable[[str, str], None]  # a page's path in the site, and its text


def fingerprint(page: Page, templates_sum: str) -> str:
    return hashlib.sha1(f"{templates_sum}|{page.template}|{page.key}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class GroupJob:
    group: str
    before: dict[str, str]  # the last build's fingerprints of the group's pages
    indexed: dict[str, str]  # and the digests of what search indexes of them (search.indexed_part)


@dataclass(frozen=True, slots=True)
class GroupResult:
    group: str
    fingerprints: dict[str, str]
    indexed: dict[str, str]  # of every page of the group, as rendered now or before
    written: tuple[str, ...]  # the pages rendered and written
    removed: tuple[str, ...]  # pages the group no longer has


class GroupRenderer:
    """Plans groups of pages and renders the changed ones, handing each to ``put``."""

    def __init__(
        self,
        cache: Store,
        config: SiteConfig,
        entities: dict[str, Entity],
        templates: list[Path],
        templates_sum: str,
        put: Put,
        rewrite: bool,
    ) -> None:
        self.planner = Planner(cache, config, entities)
        compiled = Path(cache.path).parent / "templates" if cache.path else None
        self.renderer = SiteRenderer(config, templates, compiled)
        self.templates_sum = templates_sum
        self.put = put
        self.rewrite = rewrite

    @classmethod
    def in_worker(
        cls,
        cache_path: Path,
        config: SiteConfig,
        entities: dict[str, Entity],
        templates: list[Path],
        templates_sum: str,
        put: Put,
        rewrite: bool,
    ) -> GroupRenderer:
        return cls(Store.reader(cache_path), config, entities, templates, templates_sum, put, rewrite)

    def render(self, job: GroupJob) -> GroupResult:
        pages = self.planner.plan(job.group)
        now = {page.path: fingerprint(page, self.templates_sum) for page in pages}
        indexed = {}
        written = []
        for page in pages:
            if self.rewrite or job.before.get(page.path) != now[page.path]:
                html = self.renderer.render(page)
                self.put(page.path, html)
                indexed[page.path] = indexed_digest(html)
                written.append(page.path)
            else:
                indexed[page.path] = job.indexed.get(page.path, "")
        gone = tuple(sorted(job.before.keys() - now.keys()))
        return GroupResult(job.group, now, indexed, tuple(written), gone)


def render_group(renderer: GroupRenderer, job: GroupJob) -> GroupResult:
    return renderer.render(job)
