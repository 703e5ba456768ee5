"""The build, as a script of the pipeline: config → load → extract → analyze → render → write.

Everything is read and enriched before anything is rendered, so cross-page
data is consistent; all problems with the input are collected and reported
together; the output is replaced only once every page has been rendered.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dossier.analyze import analyze
from dossier.config import SiteConfig, load_config, with_overrides
from dossier.errors import BuildError
from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry
from dossier.load import load_articles
from dossier.model import Corpus
from dossier.render import Page, render_site
from dossier.report import Reporter
from dossier.write import check_output, write_site

CONFIG_FILE = "site.yaml"
REGISTRY_FILE = "entities.yaml"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    site: Path
    output: Path | None = None
    drafts: bool = False
    base_url: str | None = None


@dataclass(slots=True)
class BuildResult:
    output: Path
    corpus: Corpus
    files: int
    seconds: float
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        corpus = self.corpus
        return {
            "articles": len(corpus.articles),
            "entities": len(corpus.topics),
            "mentions": sum(len(a.mentions) for a in corpus.articles),
            "dates": sum(len(a.dates) for a in corpus.articles),
            "events": len(corpus.timeline),
            "unknown names": len(corpus.suggestions),
            "files": self.files,
            "warnings": len(self.warnings),
        }


def builtin_templates() -> Path:
    """The default templates: packaged with dossier, or the checkout's templates/ folder."""
    packaged = Path(str(resources.files("dossier") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def template_dirs(site: Path) -> list[Path]:
    """A site's own templates/ first, so it can override any built-in template."""
    own = site / "templates"
    builtin = builtin_templates()
    return [own, builtin] if own.is_dir() and own.resolve() != builtin.resolve() else [builtin]


def site_config(options: BuildOptions, warnings: list[str]) -> SiteConfig:
    config = load_config(options.site / CONFIG_FILE, warnings)
    return with_overrides(config, base_url=options.base_url)


def output_folder(options: BuildOptions, config: SiteConfig) -> Path:
    return options.output if options.output is not None else options.site / config.output


@dataclass(slots=True)
class Analysis:
    """Everything read and analyzed, before anything is rendered."""

    config: SiteConfig
    output: Path
    corpus: Corpus
    warnings: list[str]


def analyze_site(options: BuildOptions, reporter: Reporter) -> Analysis:
    """config → load → extract → analyze; raise :class:`DossierError` listing every input problem."""
    warnings: list[str] = []
    site = options.site
    if not site.is_dir():
        raise BuildError(f"site folder not found: {site}")

    reporter.start("config")
    config = site_config(options, warnings)
    registry = load_registry(site / REGISTRY_FILE)
    output = output_folder(options, config)
    reporter.finish("config", f"{len(registry.entities)} entities in the registry")

    reporter.start("load")
    loaded = load_articles(site / config.articles, site, include_drafts=options.drafts)
    warnings.extend(loaded.warnings)
    if loaded.errors:
        raise BuildError(f"{len(loaded.errors)} of the articles cannot be used", problems=list(loaded.errors))
    reporter.finish("load", f"{len(loaded.articles)} articles")

    reporter.start("extract", total=len(loaded.articles))
    matcher = Matcher(registry)
    annotated = []
    for article in loaded.articles:
        annotated.append(extract_article(article, matcher))
        reporter.advance()
    reporter.finish(
        "extract",
        f"{sum(len(a.mentions) for a in annotated)} mentions, {sum(len(a.dates) for a in annotated)} dates",
    )

    reporter.start("analyze")
    corpus = analyze(annotated, registry.entities, config.related)
    reporter.finish("analyze", f"{len(corpus.timeline)} events, {len(corpus.topics)} topics")
    return Analysis(config=config, output=output, corpus=corpus, warnings=warnings)


def build(options: BuildOptions, reporter: Reporter | None = None) -> BuildResult:
    """Build a site; raise :class:`DossierError` (with every problem listed) if it cannot be built."""
    reporter = reporter or Reporter()
    started = time.perf_counter()
    if options.site.is_dir():
        # refuse a bad output folder before doing any work
        check_output(output_folder(options, site_config(options, [])), options.site)
    analysis = analyze_site(options, reporter)

    reporter.start("render")
    pages: list[Page] = render_site(analysis.corpus, analysis.config, template_dirs(options.site))
    reporter.finish("render", f"{len(pages)} pages and data files")

    reporter.start("write")
    static = [d / "static" for d in template_dirs(options.site)]
    files = write_site(pages, static, analysis.output)
    reporter.finish("write", f"{files} files in {analysis.output}")
    return BuildResult(
        output=analysis.output,
        corpus=analysis.corpus,
        files=files,
        seconds=time.perf_counter() - started,
        warnings=analysis.warnings,
    )
