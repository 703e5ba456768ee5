"""The render stage: Corpus → pages (HTML) and data files (JSON), all as text in memory."""

from __future__ import annotations

from pathlib import Path

from dossier.config import SiteConfig
from dossier.model import Corpus
from dossier.render.exports import data_files
from dossier.render.site import Page, SiteRenderer

__all__ = ["Page", "SiteRenderer", "render_site"]


def render_site(corpus: Corpus, config: SiteConfig, template_dirs: list[Path]) -> list[Page]:
    renderer = SiteRenderer(config, template_dirs)
    pages = list(renderer.pages(corpus))
    pages.extend(Page(path, text) for path, text in data_files(corpus, config).items())
    return pages
