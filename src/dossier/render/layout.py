"""Where a rendered page's blocks lie in it, and what they read of the site's options.

A page is its template's blocks (``title``, ``content``: what the page shows) set in the chrome of
the template it extends (``base.html``: the header, the navigation, the site's title). A change of
an option only the chrome shows (the site's title) leaves every block as it was, so the pages can be
composed again from the blocks of the published ones around new chrome, without planning or
rendering what they show (see ``SiteRenderer.compose``). What makes that exact, whatever the
templates say, is watched while a page renders:

- the text of each block of the page's own template, and one place in the page where it stands;
- the options of ``site`` read while a block runs (a block that shows the title is made again);
- the names the chrome looks up outside the blocks: a page is composed again only when they are
  all the environment's globals and the page's path, the only names composing gives it.

A page whose blocks cannot all be found in it, or a block that rendered two different texts
(a ``scoped`` block in a loop), has no layout and is always rendered in full.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2.runtime import Context
from jinja2.utils import missing

from dossier.config import SiteConfig

Block = Callable[[Context], Iterator[str]]


@dataclass(frozen=True, slots=True)
class Layout:
    """A page's template and length, where each block of that template stands in it (name, start,
    end), and the site options those blocks read."""

    template: str
    length: int
    blocks: tuple[tuple[str, int, int], ...]
    reads: frozenset[str]

    def encode(self) -> str:
        return json.dumps([self.template, self.length, [list(b) for b in self.blocks], sorted(self.reads)])

    @classmethod
    def decode(cls, text: str) -> Layout | None:
        """The layout a page was stored with; None for a page that had none (""), or one this code
        cannot read (the page is then rendered in full, which is always right)."""
        if not text:
            return None
        try:
            template, length, blocks, reads = json.loads(text)
            return cls(
                template, length, tuple((name, start, end) for name, start, end in blocks), frozenset(reads)
            )
        except (ValueError, TypeError):
            return None

    def texts(self, html: str) -> dict[str, str] | None:
        """The blocks' texts in ``html``, the page this layout was made of; None when the page is
        not that page (its length differs)."""
        if len(html) != self.length:
            return None
        return {name: html[start:end] for name, start, end in self.blocks}


@dataclass(slots=True)
class Watch:
    """What one page's rendering has done so far (see the module's docstring)."""

    path: str = ""  # the page's, in the site
    depth: int = 0  # blocks of the page's template running
    position: int = 0  # characters of the page yielded so far
    outputs: dict[str, str] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)
    reads: set[str] = field(default_factory=set)
    chrome: set[str] = field(default_factory=set)
    mixed: bool = False

    def block(self, name: str, run: Block) -> Block:
        """``run`` (a block of the page's template), with its text and its reads recorded."""

        def watched(context: Context) -> Iterator[str]:
            start = self.position  # exact when the chrome yields the block, as it places it
            self.depth += 1
            try:
                text = "".join(run(context))
            finally:
                self.depth -= 1
            if self.outputs.setdefault(name, text) != text:
                self.mixed = True
            self.starts.setdefault(name, start)
            yield text

        return watched

    def layout(
        self, template: str, html: str, allowed: set[str], reads: frozenset[str] = frozenset()
    ) -> Layout | None:
        """The layout of ``html``, the page just rendered from ``template``; None when it cannot be
        composed again."""
        if self.mixed or not self.chrome <= allowed:
            return None
        blocks = []
        for name, text in self.outputs.items():
            start = self.starts[name]
            if html[start : start + len(text)] != text:  # shown through self.name(), not placed
                start = html.find(text)
                if start < 0:  # shown changed (a filter), so nowhere to be found as it is
                    return None
            blocks.append((name, start, start + len(text)))
        return Layout(template, len(html), tuple(blocks), frozenset(self.reads) | reads)


class WatchedSite:
    """The site's options as templates see them (``site.title``), noting those a block reads."""

    __slots__ = ("_config", "_watch")

    def __init__(self, config: SiteConfig, watch: Callable[[], Watch]) -> None:
        self._config = config
        self._watch = watch

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._config, name)
        watch = self._watch()
        if watch.depth:
            watch.reads.add(name)
        return value


class WatchedContext(Context):
    """Jinja's template context, noting the names looked up outside the page's blocks (for an
    environment with a ``watch``, the renderer's). The lookup is the most frequent call of a page,
    so it is made here in full rather than through the parent class."""

    def resolve_or_missing(self, key: str) -> Any:
        watch: Watch = self.environment.watch  # type: ignore[attr-defined]
        if not watch.depth:
            watch.chrome.add(key)
        if key in self.vars:
            return self.vars[key]
        if key in self.parent:
            return self.parent[key]
        return missing
