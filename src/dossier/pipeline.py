"""The build, as a script of the pipeline.

    scan → extract (new and changed articles, in parallel) → update the cache
    → refresh derived data → plan pages → render what changed → write → commit

A first build and a build after any edit run the same steps; the cache
decides how much each has to do. Everything is read and enriched before
anything is rendered; all problems with the input are collected and reported
together, before the output is touched. A first build (or one after a change
of templates) writes a fresh folder and swaps it in; later builds replace
only the files whose content changed, each atomically.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier import __version__, parallel
from dossier.addresses import LEDGER_FILE, Ledger, read_ledger, write_ledger
from dossier.changes import Refreshed, Touched
from dossier.config import CHROME_OPTIONS, SiteConfig, configured_options, load_config, with_overrides
from dossier.errors import BuildError, ContentError, NotASiteError, RegistryError, printable
from dossier.lock import one_build_at_a_time
from dossier.model import primary_language
from dossier.paths import outside_note
from dossier.render import templates_digest
from dossier.report import Reporter, plural
from dossier.scan import Scan, articles_to_extract, list_article_files, scan_articles, stamps_match
from dossier.search import FOLDER as SEARCH_FOLDER
from dossier.search import TOPICS, Searchable, article_shard, index_site, shard_digests
from dossier.store.database import Store, discard, is_damage
from dossier.store.database import version as store_version
from dossier.store.records import CacheDamaged, NameSighting
from dossier.versions import base_registry_version, code_versions
from dossier.write import SiteWriter, check_output, is_generated, static_files, write_page

if TYPE_CHECKING:
    from dossier.extract.registry import Registry
    from dossier.model import Suggestion
    from dossier.store.rows import ArticleRows
    from dossier.work import Workshop

# The extract, analyze and render stages are imported where a build first needs them: a build
# that finds nothing changed (the most common one) then starts in a fraction of the time.

CONFIG_FILE = "site.yaml"
REGISTRY_FILE = "entities.yaml"
CACHE_FOLDER = ".dossier-cache"
ARTICLES_FOLDER = "articles"  # the default of SiteConfig.articles, before a site.yaml can say otherwise


@dataclass(frozen=True, slots=True)
class BuildOptions:
    site: Path
    output: Path | None = None
    drafts: bool = False
    base_url: str | None = None
    clean: bool = False  # ignore the cache and write a fresh site
    jobs: int = 0  # worker processes; 0: one per core
    strict: bool = False  # warnings fail the build, before anything is written
    keep_going: bool = False  # leave out articles that cannot be used (each one a warning) instead of failing


@dataclass(slots=True)
class BuildResult:
    output: Path
    summary: dict[str, int]
    written: int
    removed: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, but nothing to fix (not for --strict)
    nothing_changed: bool = False
    future: list[str] = field(default_factory=list)  # articles dated after today (built, and flagged)
    left_out: list[str] = field(default_factory=list)  # articles that could not be used (--keep-going)


@dataclass
class Prepared:
    """A build's inputs, read and checked."""

    config: SiteConfig
    registry_path: Path
    output: Path
    templates: list[Path]
    signature: dict[str, str]
    warnings: list[str]
    ledger_path: Path  # the addresses published so far (addresses.yaml, an input the owner keeps)
    ledger_digest: str
    program: str = ""  # the digest of dossier's code (versions.program_code)
    notes: list[str] = field(default_factory=list)

    @cached_property
    def ledger(self) -> Ledger:
        """Read when first needed: a build whose files and ledger are as the last one saw them does
        not need it (its digest is checked), and an archive's ledger is thousands of entries."""
        try:
            return read_ledger(self.ledger_path)
        except ContentError as error:
            raise BuildError(f"{LEDGER_FILE} cannot be read", problems=[error]) from None

    @cached_property
    def registry(self) -> Registry:
        """Read when first needed: a build with nothing to do does not need it (its digest is checked)."""
        from dossier.extract.registry import load_registry  # the extract stage: only when there is work

        return load_registry(self.registry_path, base=self.config.base_registry)


def builtin_templates() -> Path:
    """The default templates: packaged with dossier, or the checkout's templates/ folder."""
    packaged = Path(__file__).resolve().parent / "templates"  # the package is a folder
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def template_dirs(site: Path) -> list[Path]:
    """A site's own templates/ first, so it can override any built-in template."""
    own = site / "templates"
    builtin = builtin_templates()
    return [own, builtin] if own.is_dir() and own.resolve() != builtin.resolve() else [builtin]


def cache_file(output: Path) -> Path:
    """The cache lives next to the output folder (or beside it, for an output inside the cache folder)."""
    folder = output.parent if output.parent.name == CACHE_FOLDER else output.parent / CACHE_FOLDER
    return folder / f"{output.name}.sqlite"


def kept_site(output: Path) -> Path:
    """Where the site an incremental build replaced is kept for the next one (see write.py): in
    the cache folder, on the output's file system, out of the way."""
    return cache_file(output).with_suffix(".previous")


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def require_site(site: Path) -> None:
    """Refuse a folder with none of a site's files: building there can only fail, and confusingly."""
    if not site.is_dir():
        raise NotASiteError(str(site), "the folder does not exist")
    if not any((site / name).exists() for name in (CONFIG_FILE, REGISTRY_FILE, ARTICLES_FOLDER)):
        missing = f"it has no {CONFIG_FILE}, no {REGISTRY_FILE} and no {ARTICLES_FOLDER}/"
        raise NotASiteError(str(site), missing)


def output_folder(site: Path, output: Path | None = None) -> Path:
    """Where a site's build goes: the given folder, else the ``output`` option of its ``site.yaml``."""
    return output if output is not None else site / load_config(site / CONFIG_FILE).output


def feeds_requested(site: Path) -> bool:
    """Whether ``site.yaml`` sets an option that only matters for feeds (``feed_items``): then a
    missing ``base_url`` defeats what was asked for, rather than being the ordinary case of a site
    that is not published yet."""
    return "feed_items" in configured_options(site / CONFIG_FILE)


def extraction_options(config: SiteConfig) -> tuple[object, ...]:
    """The options that change what is extracted from an article: a change of any other option
    re-analyzes and re-renders from the cached extraction, and never extracts again."""
    return (config.allow_html,)


def analysis_options(config: SiteConfig) -> tuple[object, ...]:
    """The options the analysis reads: how many related articles each article gets, and the
    address the timeline's export fragments link to. A change of any other option (the title,
    page sizes) renders the pages again from the stored analysis."""
    return (config.related, config.base_url)


def analysis_key(config: SiteConfig, program: str) -> str:
    """What the stored analysis was made under: its options and dossier's code."""
    return _digest(f"{analysis_options(config)!r}|{program}".encode())


def derived_key(config: SiteConfig, program: str) -> str:
    """What the derived data and the pages are made under: the whole configuration and dossier's code.
    A change of either re-analyzes and re-renders from the stored extraction (see versions.py)."""
    return _digest(f"{config!r}|{program}".encode())


def frame_key(config: SiteConfig, program: str) -> str:
    """What the pages are made under, less the options only their chrome shows (CHROME_OPTIONS)."""
    blank: dict[str, Any] = dict.fromkeys(CHROME_OPTIONS, "")
    return derived_key(replace(config, **blank), program)


def chrome_values(config: SiteConfig) -> str:
    return json.dumps({option: getattr(config, option) for option in CHROME_OPTIONS})


def chrome_changes(cache: Store, config: SiteConfig, program: str) -> frozenset[str]:
    """The chrome's options that changed since the last build, when no other option did (else none)."""
    if cache.meta("frame") != frame_key(config, program):
        return frozenset()
    before = json.loads(cache.meta("chrome") or "{}")
    return frozenset(option for option in CHROME_OPTIONS if before.get(option) != getattr(config, option))


def prepare(options: BuildOptions) -> Prepared:
    site = options.site
    require_site(site)
    warnings: list[str] = []
    notes: list[str] = []
    config = with_overrides(load_config(site / CONFIG_FILE, warnings), base_url=options.base_url)
    output = options.output if options.output is not None else site / config.output
    check_output(output, site)
    if not config.base_url:
        (warnings if feeds_requested(site) else notes).append(
            f"{CONFIG_FILE}: no base_url (or --base-url): the Atom feeds and the sitemap are left out, "
            "since they need absolute links"
        )
    registry_path = site / REGISTRY_FILE
    if not registry_path.is_file():
        raise RegistryError("entity registry not found", REGISTRY_FILE)
    extraction, program = code_versions()
    signature = {
        "schema": store_version(),
        "dossier": __version__,
        "code": extraction,
        "registry": _digest(registry_path.read_bytes()),
        "extraction": _digest(repr(extraction_options(config)).encode("utf-8")),
        "base": base_registry_version() if config.base_registry else "off",
    }
    templates = template_dirs(site)
    warnings.extend(refused_static_links(templates, site))
    ledger_path = site / LEDGER_FILE
    ledger_digest = _digest(ledger_path.read_bytes()) if ledger_path.is_file() else ""
    return Prepared(
        config,
        registry_path,
        output,
        templates,
        signature,
        warnings,
        ledger_path,
        ledger_digest,
        program,
        notes,
    )


def refused_static_links(templates: list[Path], site: Path) -> list[str]:
    """A warning for each link in a static folder that leads outside the site (it is not copied)."""
    _, refused = static_files(folder / "static" for folder in templates)
    return [f"{printable(_inside(path, site))}: skipped: {outside_note(path)}" for path in refused]


def _inside(path: Path, site: Path) -> str:
    """``path`` as it is written inside ``site`` (links not resolved: the link is what is named)."""
    return path.relative_to(site).as_posix() if path.is_relative_to(site) else path.as_posix()


def update_cache(
    prepared: Prepared, cache: Store, options: BuildOptions, reporter: Reporter, reanalyze: bool = False
) -> tuple[Scan, Touched, Refreshed]:
    """Bring the cache up to date with the articles folder; returns what changed. With
    ``reanalyze`` (the site's options changed), everything derived is computed again."""
    jobs = options.jobs or parallel.default_jobs()
    reporter.start("load")
    try:
        skipped: list[str] = []
        files = list_article_files(options.site / prepared.config.articles, options.site, skipped)
        prepared.warnings.extend(skipped)  # found by every walk, so not kept with the scan's warnings
    except ContentError as error:
        raise BuildError("the articles cannot be read", problems=[error]) from None
    if (
        not reanalyze
        and cache.meta("drafts") == str(options.drafts)
        and cache.meta("addresses") == prepared.ledger_digest
        and stamps_match(files, cache.stamps())
    ):
        # the files the last build saw, untouched: nothing to read, extract or refresh
        reporter.finish("load", f"{plural(len(files), 'file')}: none new, changed or removed")
        unchanged = Scan(warnings=json.loads(cache.meta("warnings") or "[]"), unchanged=True)
        return unchanged, Touched(), Refreshed()
    scan = scan_articles(
        files, cache.sources(), options.drafts, prepared.signature["registry"], jobs, prepared.ledger
    )
    if scan.errors and not options.keep_going:
        count = len(scan.errors)
        which = f"{count} of the articles cannot" if count > 1 else "an article cannot"
        raise BuildError(f"{which} be used", problems=list(scan.errors))
    scan.warnings.extend(f"{error} — left out of the site (--keep-going)" for error in scan.errors)
    existing = cache.article_keys()
    stale = sorted(slug for slug, key in existing.items() if scan.keys.get(slug, ("", ""))[1] != key)
    fresh = sorted(slug for slug, (_, key) in scan.keys.items() if existing.get(slug) != key)
    gone = len(existing.keys() - scan.keys.keys())
    found = plural(len(scan.keys), "article")
    reporter.finish("load", f"{found}: {len(fresh)} new or changed, {gone} removed")

    reporter.start("extract", total=len(fresh))
    touched = Touched()
    touched.addresses = scan.settled is not None and cache.replace_redirects(scan.settled.redirects)
    for slug in stale:
        cache.remove_article(slug)
    jobs_list = articles_to_extract(scan, fresh, options.site)
    if jobs_list:
        from dossier.work import Workshop

        for rows in parallel.run(
            _extract,
            jobs_list,
            Workshop,
            (prepared.registry, prepared.config.allow_html),
            jobs,
            len(jobs_list),
        ):
            cache.add_rows(rows, touched)
            reporter.advance()
    cache.settle(touched)
    cache.ensure_indexes()
    reporter.finish("extract", plural(len(fresh), "article"))
    if reanalyze:
        touched.update(cache.every_key())

    reporter.start("analyze")
    refreshed = Refreshed()
    if touched:
        span_changed = cache.meta("span") != chart_span(cache)
        from dossier.incremental import refresh
        from dossier.render.exports import store_fragments

        refreshed = refresh(cache, touched, prepared.config, prepared.registry.entities, span_changed)

        store_fragments(cache, refreshed.reassembled, prepared.config)
    reporter.finish("analyze", plural(cache.count("events"), "event"))
    return scan, touched, refreshed


def _extract(workshop: Workshop, job: tuple) -> ArticleRows:
    from dossier.analyze.keys import bucket_of
    from dossier.store.rows import RowRules, article_rows

    article, key = job
    return article_rows(workshop.facts(article, key), RowRules(bucket_of))


def chart_span(cache: Store) -> str:
    """The months every topic's chart runs over: the first and last article's."""
    first, last = cache.day_span()
    return f"{(first or '')[:7]}/{(last or '')[:7]}"


def build(options: BuildOptions, reporter: Reporter | None = None) -> BuildResult:
    """Build a site; raise :class:`DossierError` (with every problem listed) if it cannot be built."""
    reporter = reporter or Reporter()
    started = time.perf_counter()
    prepared = prepare(options)
    output = prepared.output
    path = cache_file(output)
    with one_build_at_a_time(path.with_suffix(".lock"), output):
        if options.clean:  # a build from nothing: nothing the cache holds is read
            discard(path)
        return _build_with_cache(options, prepared, path, reporter, started)


def _build_with_cache(
    options: BuildOptions, prepared: Prepared, path: Path, reporter: Reporter, started: float
) -> BuildResult:
    """The build on the cache at ``path``; a damaged cache is set aside and the build run again."""
    cache = Store.open(path, prepared.signature, prepared.warnings, prepared.notes)
    warnings = list(prepared.warnings)
    try:
        try:
            return _build(options, prepared, cache, reporter, started)
        except (CacheDamaged, sqlite3.DatabaseError) as error:
            if not is_damage(error):
                raise
            cache.close()
            discard(path)  # and start again from nothing, as if it had never been
            damaged = f"{path.name}: the build cache is damaged ({error}); rebuilding everything"
            prepared.warnings[:] = [*warnings, damaged]
            cache = Store.open(path, prepared.signature, prepared.warnings, prepared.notes)
            return _build(options, prepared, cache, reporter, started)
    finally:
        cache.close()


def _build(
    options: BuildOptions, prepared: Prepared, cache: Store, reporter: Reporter, started: float
) -> BuildResult:
    output, config = prepared.output, prepared.config
    templates_sum = templates_digest(prepared.templates)
    options_changed = cache.meta("derived") != derived_key(config, prepared.program)
    # nothing of the published site can be kept: every page, and the search index, made anew
    from_scratch = options.clean or not cache.is_complete or not is_generated(output)
    templates_changed = cache.meta("templates") != templates_sum
    rewrite = from_scratch or options_changed or templates_changed
    # pages whose blocks read none of these are composed from the published site around new chrome
    recompose = (
        chrome_changes(cache, config, prepared.program)
        if rewrite and not from_scratch and not templates_changed
        else frozenset()
    )
    reanalyze = cache.meta("analysis") != analysis_key(config, prepared.program)
    scan, touched, refreshed = update_cache(prepared, cache, options, reporter, reanalyze=reanalyze)
    warnings = prepared.warnings + scan.warnings
    left_out = sorted({error.path or "" for error in scan.errors})
    if options.strict and warnings:
        raise BuildError(
            f"{plural(len(warnings), 'warning')}, and --strict turns "
            f"{'it into an error' if len(warnings) == 1 else 'them into errors'}",
            problems=[BuildError(w) for w in warnings],
        )
    future = cache.future_paths(date.today().isoformat())
    if not touched and not rewrite:  # nothing changed, so neither did the timeline's layout
        if not scan.unchanged or cache.meta("drafts") != str(options.drafts):  # files or the ledger touched
            _keep_addresses(options.site, scan, cache)
            _remember_scan(cache, scan, options)
            cache.commit()
        totals = json.loads(cache.meta("summary") or "{}")
        return BuildResult(
            output, totals, 0, 0, time.perf_counter() - started, warnings, prepared.notes,
            nothing_changed=True, future=future, left_out=left_out,
        )  # fmt: skip
    from dossier.render.exports import discovery_pages, export_pages, store_entity_entries
    from dossier.render.pages import Planner

    planner = Planner(cache, config, prepared.registry.entities)
    if cache.meta("layout") != planner.timeline_layout:
        rewrite, recompose = True, frozenset()
    fresh = rewrite and not recompose  # else the published site is kept where this build does not write
    store_entity_entries(cache, prepared.registry.entities, None if fresh else touched.entities)

    from dossier.render.groups import GroupJob, GroupRenderer, fingerprint, render_group

    dirty_groups = [] if fresh else planner.dirty_groups(touched, refreshed)
    groups = planner.all_groups() if rewrite else dirty_groups
    if recompose:  # and the dirty groups the site no longer has, which lose their pages
        groups += sorted(set(dirty_groups) - set(groups))
    reporter.start("render", total=len(groups))
    static = [d / "static" for d in prepared.templates]
    with SiteWriter(output, fresh=fresh, static=static, kept=kept_site(output)) as writer:
        changed = set(dirty_groups)
        jobs = [
            GroupJob(g, {}, {}, {})
            if fresh
            else GroupJob(
                g, cache.page_fingerprints(g), cache.indexed_digests(g), cache.page_layouts(g), g in changed
            )
            for g in groups
        ]
        cache.mark_incomplete()
        cache.commit()  # worker processes read the cache as it now is
        put = functools.partial(write_page, writer.folder)  # picklable, for the worker processes
        renderer_args = (cache_file(output), config, prepared.registry.entities, prepared.templates,
                         templates_sum, put, rewrite, recompose, output if recompose else None)  # fmt: skip
        workers = options.jobs or parallel.default_jobs()
        if workers > 1 and len(jobs) >= parallel.SERIAL_BELOW:
            results = parallel.run(
                render_group, jobs, GroupRenderer.in_worker, renderer_args, workers, len(jobs)
            )
        else:
            local = GroupRenderer(cache, *renderer_args[1:])
            results = (local.render(job) for job in jobs)
        for result in results:
            cache.replace_pages(result.group, result.fingerprints, result.indexed, result.layouts)
            writer.wrote(result.written)
            for path in result.removed:
                writer.remove(path)
            reporter.advance()
        if rewrite:  # groups the site no longer has
            cache.forget_groups_except([*groups, "data"])
        exports = export_pages(cache, config, prepared.registry.entities) + discovery_pages(
            cache, config, prepared.registry.entities
        )
        before = cache.page_fingerprints("data")
        now = {page.path: fingerprint(page, templates_sum) for page in exports}
        for page in exports:  # the keys of those that show the chrome's options hold them
            if fresh or before.get(page.path) != now[page.path]:
                writer.write(page.path, page.content())
        cache.replace_pages("data", now)
        for path in before.keys() - now.keys():
            writer.remove(path)
        reporter.finish("render", f"{plural(writer.written, 'file')} written, {writer.removed} removed")
        site_language = primary_language(config.language)
        shards = _searchable(cache, site_language) if config.search else []
        now = shard_digests(shards, f"{site_language} {prepared.program}")
        # a shard whose pages show what they showed is linked from the published site, even when
        # every page is written again (a new site title is in every page, but in none's index)
        before = {} if from_scratch else json.loads(cache.meta("search") or "{}")
        dirty = sorted(shard for shard in now if before.get(shard) != now[shard])
        reindex = config.search and (rewrite or bool(dirty) or before.keys() != now.keys())
        writer.fill_in_unchanged(regenerated=[] if writer.holds_published or not reindex else [SEARCH_FOLDER])
        if reindex:  # indexed in the private folder, so the new site goes live with its index
            published = None if from_scratch else output
            writer.replaced(
                _index(writer.folder, published, shards, dirty, workers, reporter, writer.holds_published)
            )
        cache.set_meta("search", json.dumps(now))
    _keep_addresses(options.site, scan, cache)
    _remember_scan(cache, scan, options)
    cache.set_meta("templates", templates_sum)
    cache.set_meta("derived", derived_key(config, prepared.program))
    cache.set_meta("frame", frame_key(config, prepared.program))
    cache.set_meta("chrome", chrome_values(config))
    cache.set_meta("analysis", analysis_key(config, prepared.program))
    cache.set_meta("span", chart_span(cache))
    cache.set_meta("layout", planner.timeline_layout)
    totals = summary(cache)
    cache.set_meta("summary", json.dumps(totals))
    cache.mark_complete()
    cache.commit()
    elapsed = time.perf_counter() - started
    return BuildResult(
        output, totals, writer.written, writer.removed, elapsed, warnings, prepared.notes,
        future=future, left_out=left_out,
    )  # fmt: skip


def _index(
    folder: Path,
    published: Path | None,
    pages: list[Searchable],
    dirty: list[str],
    jobs: int,
    reporter: Reporter,
    in_place: bool,
) -> list[str]:
    reporter.start("search")
    changed = index_site(folder, published, pages, dirty, jobs, in_place)
    count = len({page.shard for page in pages})
    reporter.finish("search", f"{plural(len(dirty), 'shard')} of {count} indexed")
    return changed


def _searchable(cache: Store, site_language: str) -> list[Searchable]:
    """The article and topic pages the search index holds, each in its shard (see search.py): an
    article in another language than the site's is indexed by that language's rules."""
    from dossier.render import urls

    days, languages = cache.article_days(), cache.article_languages()
    pages = []
    for page in cache.group_pages("article:"):
        slug = page.group.removeprefix("article:")
        if page.path == urls.article(slug):
            language = languages.get(slug, "")
            own = language if language not in ("", site_language) else ""
            pages.append(Searchable(page.path, article_shard(days.get(slug), own), page.indexed, own))
    for page in cache.group_pages("topic:"):
        if page.path == urls.topic(page.group.removeprefix("topic:")):
            pages.append(Searchable(page.path, TOPICS, page.indexed))
    return pages


def _keep_addresses(site: Path, scan: Scan, cache: Store) -> None:
    """Write addresses.yaml as this build settled it, once the site it describes is in place.

    Written after the output, so a failed build leaves it as it was; the cache keeps the
    digest of the file, so an owner's edit of it is a change the next build sees."""
    if scan.settled is None:  # nothing was read: the ledger is as the last build left it
        return
    path = site / LEDGER_FILE
    try:
        write_ledger(path, scan.settled.ledger)
    except OSError as exc:
        raise BuildError(f"the site was built, but {LEDGER_FILE} cannot be written: {exc.strerror}") from None
    cache.set_meta("addresses", _digest(path.read_bytes()) if path.is_file() else "")


def _remember_scan(cache: Store, scan: Scan, options: BuildOptions) -> None:
    """What the next build compares the articles folder with."""
    if not scan.unchanged:
        cache.replace_sources(scan.entries)
    cache.set_meta("drafts", str(options.drafts))
    cache.set_meta("warnings", json.dumps(scan.warnings))


@dataclass(frozen=True, slots=True)
class UnknownNames:
    """What ``suggest`` works from: the recurring names, each article's path, and every occurrence."""

    suggestions: tuple[Suggestion, ...]
    paths: dict[str, str]  # slug → path in the site folder
    rows: list[NameSighting]


def unknown_names(options: BuildOptions, minimum: int = 2) -> UnknownNames:
    """Recurring names the registry does not know, and where they were seen; the site is not written.

    The cache is brought up to date for this but not saved, so the next build still renders what changed.
    """
    prepared = prepare(options)
    cache = Store.open(cache_file(prepared.output), prepared.signature, prepared.warnings, prepared.notes)
    try:
        update_cache(prepared, cache, options, Reporter())
        paths = cache.article_paths()
        rows = cache.name_rows()
        from dossier.analyze.suggest import build_suggestions

        return UnknownNames(build_suggestions(rows, minimum), paths, rows)
    finally:
        cache.rollback()
        cache.close()


def summary(cache: Store) -> dict[str, int]:
    from dossier.analyze.suggest import recurring_count

    mentions, dates = cache.totals()
    return {
        "articles": cache.count("articles"),
        "entities": len(cache.entity_totals()),
        "mentions": mentions,
        "dates": dates,
        "events": cache.count("events"),
        "pages": cache.count("pages"),
        "unknown names": recurring_count(cache.name_tallies()),
    }
