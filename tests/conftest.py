"""Shared fixtures: the repository's own site, its registry, and a built copy of its site."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dossier.errors import ContentError
from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.extract.registry import Registry, load_registry
from dossier.model import Article, Mention
from dossier.pipeline import BuildOptions, BuildResult, build
from dossier.scan import articles_to_extract, list_article_files, scan_articles

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry(ROOT / "entities.yaml")


@pytest.fixture(scope="session")
def matcher(registry: Registry) -> Matcher:
    return Matcher(registry)


def mentions_in(matcher: Matcher, body: str, title: str = "") -> tuple[Mention, ...]:
    """The mentions the build finds in an article with this title and body (title first)."""
    article = Article("a.md", "a", title, body, "markdown", date(2024, 1, 1))
    return extract_article(article, matcher).mentions


@dataclass
class Loaded:
    """What a build reads from an articles folder: the articles it keeps, the errors and warnings."""

    articles: list[Article]
    errors: list[ContentError]
    warnings: list[str]


def load_folder(folder: Path, site: Path, drafts: bool = False) -> Loaded:
    """Read ``folder`` as a build with no cache does (paths in messages relative to ``site``)."""
    warnings: list[str] = []
    scan = scan_articles(list_article_files(folder, site, warnings), {}, drafts, "", jobs=1)
    articles = [article for article, _ in articles_to_extract(scan, list(scan.keys), site)]
    return Loaded(articles, scan.errors, [*warnings, *scan.warnings])


def copy_site(destination: Path) -> Path:
    """A copy of the repository's site (config, registry, articles) to build without touching the checkout."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("site.yaml", "entities.yaml", "addresses.yaml"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, destination / name)
    shutil.copytree(ROOT / "articles", destination / "articles")
    return destination


@pytest.fixture(scope="session")
def built_seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site, built once: each test that edits it gets a copy (:func:`built_copy`)."""
    site = copy_site(tmp_path_factory.mktemp("built") / "site")
    build(BuildOptions(site=site, jobs=1))
    return site


def built_copy(built: Path, tmp_path: Path) -> Path:
    """A built site of the test's own, with its output and cache (copied with its files' times, so
    nothing in it reads as changed: the next build sees exactly what the first one left)."""
    return Path(shutil.copytree(built, tmp_path / "site", symlinks=True))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = copy_site(tmp_path_factory.mktemp("seed-site"))
    return build(BuildOptions(site=site, output=site / "_site"))
