"""Pages → HTML: the Jinja environment, built once per process.

Templates lay out the view-models the planner builds (see pages.py); they
compute nothing but links and labels.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)

from dossier import __version__
from dossier.config import SiteConfig
from dossier.errors import BuildError
from dossier.render import urls
from dossier.render.pages import Page, type_label


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (many or singular + 's')}"


@pass_context
def _link(context: Any, target: str) -> str:
    return urls.relative(context["page_path"], target)


def templates_digest(template_dirs: list[Path]) -> str:
    """A digest of every template and static file a build may use."""
    digest = hashlib.sha1(__version__.encode("utf-8"))
    for folder in template_dirs:
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(path.relative_to(folder).as_posix().encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()


class SiteRenderer:
    """Renders pages with one Jinja environment (templates compiled once)."""

    def __init__(self, config: SiteConfig, template_dirs: list[Path], compiled: Path | None = None) -> None:
        """``compiled``: a folder to keep compiled templates in between builds."""
        self.config = config
        bytecode = None
        if compiled is not None:
            compiled.mkdir(parents=True, exist_ok=True)
            bytecode = FileSystemBytecodeCache(str(compiled))
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs]),
            bytecode_cache=bytecode,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(link=_link, urls=urls, site=config, version=__version__)
        self.env.filters.update(plural=plural, type_label=type_label)

    def render(self, page: Page, context: dict[str, Any] | None = None) -> str:
        if page.text is not None:
            return page.text
        assert page.template is not None and page.build is not None
        try:
            return self.env.get_template(page.template).render(
                page_path=page.path, **(context or page.build())
            )
        except TemplateSyntaxError as exc:
            raise BuildError(
                f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
            ) from None
        except TemplateError as exc:
            raise BuildError(f"template {page.template} (rendering {page.path}): {exc}") from None
