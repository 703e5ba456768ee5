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
(a ``scoped`` block in a loop), has no layout and is always rendered in full. Nor is a page composed
again whose templates (the ones it extends, imports or includes, and theirs) keep state outside their blocks
(``stateless``): a top-level ``{% set %}`` of anything but a constant (``site.title`` read before
any block runs, a ``namespace`` a block writes to), or a block placed in a loop or a ``with``. What
a block shows is then made of the page's view, the globals and what it reads itself, all watched.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, TemplateError, nodes
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
            layout = cls(
                template, length, tuple((name, start, end) for name, start, end in blocks), frozenset(reads)
            )
        except (ValueError, TypeError):
            return None
        well_formed = (
            isinstance(template, str)
            and type(length) is int
            and all(isinstance(n, str) and type(a) is int and type(b) is int for n, a, b in layout.blocks)
            and all(isinstance(r, str) for r in layout.reads)
        )
        return layout if well_formed else None

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


# What may stand outside the blocks of a template that can be composed again: the chrome's output
# and control flow, the templates it extends, imports and includes, and definitions of macros.
_CHROME_NODES = (
    nodes.Output,
    nodes.If,
    nodes.Extends,
    nodes.Import,
    nodes.FromImport,
    nodes.Include,
    nodes.Macro,
)
_NAMING = (nodes.Extends, nodes.Import, nodes.FromImport, nodes.Include)
_SCOPES = (nodes.For, nodes.With, nodes.FilterBlock, nodes.CallBlock, nodes.Scope, nodes.OverlayScope)


def stateless(env: Environment, name: str, seen: set[str] | None = None) -> bool:
    """Whether template ``name`` and every template it names keep no state outside their blocks
    (see the module's docstring): their top-level assignments are constants, their blocks stand
    outside loops and ``with``, and the templates they name are named by constants."""
    seen = set() if seen is None else seen
    if name in seen:
        return True
    seen.add(name)
    try:
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        body = env.parse(source, name, filename).body
    except TemplateError:  # missing or broken: rendering the page says so
        return False
    return _stateless_nodes(env, body, False, seen)


def _stateless_nodes(env: Environment, body: list[nodes.Node], scoped: bool, seen: set[str]) -> bool:
    for node in body:
        if isinstance(node, nodes.Block):
            if scoped:
                return False
        elif isinstance(node, nodes.Assign):
            if not isinstance(node.node, nodes.Const) or scoped:
                return False
        elif isinstance(node, _SCOPES):
            if not _stateless_nodes(env, list(node.iter_child_nodes()), True, seen):
                return False
        elif isinstance(node, _CHROME_NODES):
            for named in [node, *node.find_all(_NAMING)]:
                if not isinstance(named, _NAMING):
                    continue
                target = named.template
                if not isinstance(target, nodes.Const) or not stateless(env, target.value, seen):
                    return False
            if isinstance(node, nodes.If) and not _stateless_nodes(
                env, [*node.body, *node.elif_, *node.else_], scoped, seen
            ):
                return False
        elif not isinstance(node, nodes.Expr | nodes.Helper | nodes.TemplateData):
            return False
    return True
