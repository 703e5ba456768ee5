"""Pages → HTML: the Jinja environment, built once per process.

Templates lay out the view-models the planner builds (see pages.py); they
compute nothing but links and labels.
"""

from __future__ import annotations

import traceback
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
from dossier.render.feeds import xml_safe
from dossier.render.pages import Page, type_label


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (many or singular + 's')}"


@pass_context
def _link(context: Any, target: str) -> str:
    return urls.relative(context["page_path"], target)


class SiteRenderer:
    """Renders pages with one Jinja environment (templates compiled once)."""

    def __init__(self, config: SiteConfig, template_dirs: list[Path], compiled: Path | None = None) -> None:
        """``compiled``: a folder to keep compiled templates in between builds."""
        self.config = config
        self.template_dirs = template_dirs
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
        self.env.globals.update(
            link=_link,
            urls=urls,
            site=config,
            version=__version__,
            absolute_url=lambda path: urls.absolute(config.base_url or "", path),
        )
        self.env.filters.update(plural=plural, type_label=type_label)

    def render(self, page: Page, context: dict[str, Any] | None = None) -> str:
        if page.text is not None:
            return page.text
        assert page.template is not None and page.build is not None
        try:
            text = self.env.get_template(page.template).render(
                page_path=page.path, **(context or page.build())
            )
            return xml_safe(text) if page.template.endswith(".xml") else text
        except TemplateSyntaxError as exc:
            raise BuildError(
                f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
            ) from None
        except TemplateError as exc:
            raise BuildError(f"template {page.template} (rendering {page.path}): {exc}") from None
        except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
            where = self.template_line(exc)
            if where is None:
                raise  # not in a template: a bug in dossier, reported as one
            raise BuildError(
                f"{where}: template error (rendering {page.path}): {type(exc).__name__}: {exc}"
            ) from exc

    def template_line(self, error: BaseException) -> str | None:
        """``templates/x.html:LINE`` of the innermost template frame an error passed through, if any."""
        found = None
        for frame in traceback.extract_tb(error.__traceback__):
            path = Path(frame.filename)
            for folder in self.template_dirs:
                if path.is_relative_to(folder):
                    found = f"{folder.name}/{path.relative_to(folder).as_posix()}:{frame.lineno}"
        return found
