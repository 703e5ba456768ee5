"""Pages → HTML: the Jinja environment, built once per process.

Templates lay out the view-models the planner builds (see pages.py); they
compute nothing but links and labels.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from jinja2.environment import Template
from markupsafe import Markup

from dossier import __version__
from dossier.config import SiteConfig
from dossier.errors import BuildError
from dossier.model import primary_language
from dossier.render import urls
from dossier.render.feeds import xml_safe
from dossier.render.layout import Block, Layout, Watch, WatchedContext, WatchedSite, stateless
from dossier.render.pages import Page, script_language, type_label


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (many or singular + 's')}"


# Languages written right to left, by their primary subtag ("ar-IQ" is Arabic).
RIGHT_TO_LEFT = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})


def direction(language: str | None) -> str:
    """``rtl`` for a language written right to left, else ``ltr`` (the writing direction of a page
    or a text in ``language``)."""
    return "rtl" if primary_language(language) in RIGHT_TO_LEFT else "ltr"


def lang_attribute(text: str) -> Markup:
    """`` lang="ar"`` for a text in Arabic script shown in a page of another language (a sentence
    quoted on the timeline), so that it gets its fonts and is read aloud as Arabic; else nothing."""
    language = script_language(text)
    return Markup(f' lang="{language}"') if language else Markup("")


# What a template's expressions raise on values they cannot handle (a missing key, a wrong type).
_TEMPLATE_FAILURES = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError)


class _CompiledTemplates(BytecodeCache):
    """Compiled templates, kept for the life of the process in front of the site's folder of them
    (``compiled``): a process that builds many sites (``serve``, the tests) compiles each template
    once. Keyed as Jinja keys them, by the template's name, file and a digest of its source, so a
    changed template is compiled again; a memo that cannot change what a build writes."""

    _kept: ClassVar[dict[tuple[str, str], bytes]] = {}
    KEEP = 512  # templates: far more than a site has

    def __init__(self, folder: Path | None) -> None:
        self.folder = FileSystemBytecodeCache(str(folder)) if folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._kept.get((bucket.key, bucket.checksum))
        if kept is not None:
            bucket.bytecode_from_string(kept)
        elif self.folder is not None:
            self.folder.load_bytecode(bucket)
            if bucket.code is not None:
                self._keep(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._keep(bucket)
        if self.folder is not None:
            self.folder.dump_bytecode(bucket)

    def _keep(self, bucket: Bucket) -> None:
        if len(self._kept) >= self.KEEP:
            self._kept.clear()
        self._kept[bucket.key, bucket.checksum] = bucket.bytecode_to_string()


class _ViewEnvironment(Environment):
    """Jinja's environment, looking keys up first in the plain dicts the planner makes its views of
    (``card.title``): Jinja tries an attribute first, and a dict's missing attribute costs an
    exception on every lookup, the most frequent operation of a page. Anything else, and a dict
    without the key, is looked up as Jinja does. ``watch`` notes what the page being rendered reads
    (see layout.py)."""

    context_class = WatchedContext
    watch: Watch

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class SiteRenderer:
    """Renders pages with one Jinja environment (templates compiled once)."""

    def __init__(self, config: SiteConfig, template_dirs: list[Path], compiled: Path | None = None) -> None:
        """``compiled``: a folder to keep compiled templates in between builds."""
        self.config = config
        self.template_dirs = template_dirs
        if compiled is not None:
            compiled.mkdir(parents=True, exist_ok=True)
        bytecode = _CompiledTemplates(compiled)
        self.env = _ViewEnvironment(
            loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs]),
            bytecode_cache=bytecode,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.watch = Watch()
        site = WatchedSite(config, lambda: self.env.watch)
        self.env.globals.update(
            link=lambda target: urls.relative(self.env.watch.path, target),  # from the page rendered
            urls=urls,
            site=site,
            version=__version__,
            absolute_url=lambda path: urls.absolute(site.base_url or "", path),
        )
        self.composable_names = {*self.env.globals, "page_path"}  # all composing gives a page
        self._stateless: dict[str, bool] = {}  # template → whether it keeps state outside its blocks
        self.env.filters.update(
            plural=plural, type_label=type_label, direction=direction, lang_attribute=lang_attribute
        )

    def render(self, page: Page) -> str:
        return self.render_laid_out(page)[0]

    def render_laid_out(self, page: Page) -> tuple[str, Layout | None]:
        """A page's text, and its layout (None for a page that cannot be composed again)."""
        if page.text is not None:
            return page.text, None
        assert page.template is not None and page.build is not None
        try:
            template = self.env.get_template(page.template)
            text, watch = self._run(page, template, template.blocks, page.build())
            if page.template.endswith(".xml"):
                return xml_safe(text), None
            return text, watch.layout(page.template, text, self.composable_names)
        except TemplateSyntaxError as exc:
            raise BuildError(
                f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
            ) from None
        except TemplateError as exc:
            raise BuildError(f"template {page.template} (rendering {page.path}): {exc}") from None
        except _TEMPLATE_FAILURES as exc:
            where = self.template_line(exc)
            if where is None:
                raise  # not in a template: a bug in dossier, reported as one
            raise BuildError(
                f"{where}: template error (rendering {page.path}): {type(exc).__name__}: {exc}"
            ) from exc

    def compose(self, page: Page, before: str, layout: Layout) -> tuple[str, Layout] | None:
        """The page again, its blocks taken from ``before`` (its published text, of ``layout``) and
        set in the chrome as the site's options now make it: what rendering it in full would give,
        as long as its blocks read none of the options that changed (the caller's check). None when
        it cannot be composed so (the chrome now needs more than the page's path), for a full render."""
        texts = layout.texts(before)
        if texts is None or not self.is_stateless(layout.template):  # (feeds have no layout)
            return None
        try:
            template = self.env.get_template(layout.template)
            blocks = {name: _given(texts[name]) if name in texts else _unplaced for name in template.blocks}
            text, watch = self._run(page, template, blocks, {})
        except (_Unplaced, TemplateError, *_TEMPLATE_FAILURES):
            return None
        composed = watch.layout(layout.template, text, self.composable_names, layout.reads)
        return None if composed is None else (text, composed)

    def is_stateless(self, template: str) -> bool:
        """Whether pages of ``template`` may be composed again (see layout.stateless): asked only by
        a build that composes pages, since it parses the templates."""
        if template not in self._stateless:
            self._stateless[template] = stateless(self.env, template)
        return self._stateless[template]

    def _run(
        self, page: Page, template: Template, blocks: dict[str, Block], values: dict[str, Any]
    ) -> tuple[str, Watch]:
        """Renders ``template`` with its own blocks replaced by ``blocks``, watched."""
        watch = self.env.watch = Watch(page.path)
        context = template.new_context({"page_path": page.path, **values})
        for name, block in blocks.items():
            context.blocks[name] = [watch.block(name, block), *context.blocks.get(name, [])]
        parts = []
        try:
            for part in template.root_render_func(context):
                parts.append(part)
                watch.position += len(part)
        except Exception:
            self.env.handle_exception()  # re-raised, its traceback at the template's lines
        finally:
            self.env.watch = Watch()
        return "".join(parts), watch

    def template_line(self, error: BaseException) -> str | None:
        """``templates/x.html:LINE`` of the innermost template frame an error passed through, if any."""
        found = None
        for frame in traceback.extract_tb(error.__traceback__):
            path = Path(frame.filename)
            for folder in self.template_dirs:
                if path.is_relative_to(folder):
                    found = f"{folder.name}/{path.relative_to(folder).as_posix()}:{frame.lineno}"
        return found


class _Unplaced(Exception):
    """A block the page's published text does not hold (it was not shown then) is shown now."""


def _given(text: str) -> Block:
    def block(context: Any) -> Iterator[str]:
        yield text

    return block


def _unplaced(context: Any) -> Iterator[str]:
    raise _Unplaced
