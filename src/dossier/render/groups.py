"""Rendering page groups: plan, compare fingerprints, and render what changed.

The same function runs in the build process or, for large builds, in worker
processes that read the committed cache themselves; either way it reports
each group's fingerprints back so the build can record them. What is rendered
goes to the ``put`` it is handed (the write stage's, into the build's private
folder), so that pages are not sent back through a pipe: render writes nothing
itself.

A change of site options only the chrome shows (``recompose``: the title) rewrites every page, but
composes an unchanged one from its published text (``published``) around the new chrome when its
blocks read none of those options (see layout.py), instead of rendering it again. A group whose
data did not change and whose pages can all be composed so is not even planned: its pages and their
keys are the ones the last build stored (no page's key holds those options but a feed's, and a feed
has no layout, so its group is planned).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dossier.config import SiteConfig
from dossier.model import Entity
from dossier.render.layout import Layout
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
    layouts: dict[str, str]  # and their encoded layouts ("" for none)
    changed: bool = True  # whether the data the group shows may have changed since the last build


@dataclass(frozen=True, slots=True)
class GroupResult:
    group: str
    fingerprints: dict[str, str]
    indexed: dict[str, str]  # of every page of the group, as rendered now or before
    layouts: dict[str, str]  # likewise
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
        recompose: frozenset[str] = frozenset(),
        published: Path | None = None,
    ) -> None:
        """``rewrite``: every page, changed or not; ``recompose``: the options whose change makes it
        so, when only the chrome shows them, and ``published`` the site to take the pages' blocks from."""
        self.planner = Planner(cache, config, entities)
        compiled = Path(cache.path).parent / "templates" if cache.path else None
        self.renderer = SiteRenderer(config, templates, compiled)
        self.templates_sum = templates_sum
        self.put = put
        self.rewrite = rewrite
        self.recompose = recompose if published is not None else frozenset()
        self.published = published

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
        recompose: frozenset[str] = frozenset(),
        published: Path | None = None,
    ) -> GroupRenderer:
        return cls(
            Store.reader(cache_path),
            config,
            entities,
            templates,
            templates_sum,
            put,
            rewrite,
            recompose,
            published,
        )

    def render(self, job: GroupJob) -> GroupResult:
        if not job.changed and self.recompose and job.before:
            composed = self._composed_group(job)
            if composed is not None:
                return composed
        pages = self.planner.plan(job.group)
        now = {page.path: fingerprint(page, self.templates_sum) for page in pages}
        indexed = {}
        layouts = {}
        written = []
        for page in pages:
            unchanged = job.before.get(page.path) == now[page.path]
            if unchanged and not self.rewrite:
                indexed[page.path] = job.indexed.get(page.path, "")
                layouts[page.path] = job.layouts.get(page.path, "")
                continue
            made = self._composed(page, job.layouts.get(page.path, "")) if unchanged else None
            html, layout = made or self.renderer.render_laid_out(page)
            self.put(page.path, html)
            indexed[page.path] = indexed_digest(html)
            layouts[page.path] = layout.encode() if layout is not None else ""
            written.append(page.path)
        gone = tuple(sorted(job.before.keys() - now.keys()))
        return GroupResult(job.group, now, indexed, layouts, tuple(written), gone)

    def _composed_group(self, job: GroupJob) -> GroupResult | None:
        """Every page of an unchanged group composed from its published text, as the last build
        stored them; None when one of them cannot be (the group is then planned)."""
        made = {}
        for path in sorted(job.before):
            composed = self._composed(Page(path, None, job.before[path]), job.layouts.get(path, ""))
            if composed is None:
                return None
            made[path] = composed
        for path, (html, _) in made.items():
            self.put(path, html)
        indexed = {path: indexed_digest(html) for path, (html, _) in made.items()}
        layouts = {path: layout.encode() for path, (_, layout) in made.items()}
        return GroupResult(job.group, dict(job.before), indexed, layouts, tuple(made), ())

    def _composed(self, page: Page, stored: str) -> tuple[str, Layout] | None:
        """The unchanged ``page`` composed from its published text, when the options that changed
        are read by none of its blocks."""
        layout = Layout.decode(stored) if self.recompose else None
        if layout is None or layout.reads & self.recompose or self.published is None:
            return None
        try:  # as written: a carriage return in a page is no newline
            with (self.published / page.path).open(encoding="utf-8", newline="") as published:
                before = published.read()
        except (OSError, UnicodeDecodeError):
            return None
        return self.renderer.compose(page, before, layout)


def render_group(renderer: GroupRenderer, job: GroupJob) -> GroupResult:
    return renderer.render(job)
