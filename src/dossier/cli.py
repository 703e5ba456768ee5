"""The command line: ``python build.py [build] [options]``.

Exit codes: 0 success, 1 content or build errors, 2 usage errors. Expected
failures print ``path:line: message`` lines; a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from dossier import __version__
from dossier.errors import BuildError, DossierError
from dossier.pipeline import BuildOptions, BuildResult, build, unknown_names
from dossier.report import ConsoleReporter, group_warnings

COMMANDS = ("build", "suggest")
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def parser(default_site: Path) -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="build.py", description="Build a news-analysis site from a folder of articles."
    )
    main.add_argument("--version", action="version", version=f"dossier {__version__}")
    commands = main.add_subparsers(dest="command", metavar="command")
    build_cmd = commands.add_parser("build", help="build the site (the default command)")
    build_cmd.add_argument(
        "--site", type=Path, default=default_site, help="site folder (default: %(default)s)"
    )
    build_cmd.add_argument("--output", type=Path, help="output folder (default: the site's _site/)")
    build_cmd.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    build_cmd.add_argument("--base-url", help="absolute URL the site will be published at")
    build_cmd.add_argument(
        "--clean", action="store_true", help="ignore the build cache and write the whole site"
    )
    build_cmd.add_argument(
        "--jobs", "-j", type=int, default=0, help="worker processes (default: one per core)"
    )
    suggest_cmd = commands.add_parser("suggest", help="list recurring names the registry does not know")
    suggest_cmd.add_argument(
        "--site", type=Path, default=default_site, help="site folder (default: %(default)s)"
    )
    suggest_cmd.add_argument(
        "--minimum", type=int, default=2, help="list names seen at least this often (default: 2)"
    )
    for sub in (build_cmd, suggest_cmd):
        sub.add_argument("--quiet", "-q", action="store_true", help="print only problems and the result")
        sub.add_argument("--verbose", "-v", action="store_true", help="print every warning")
        sub.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    return main


def print_problems(console: Console, error: DossierError) -> None:
    problems = error.problems if isinstance(error, BuildError) and error.problems else [error]
    for problem in problems:
        console.print(f"[bold red]error:[/] {escape(str(problem))}")
    if isinstance(error, BuildError) and error.problems:
        console.print(
            f"[bold red]Build failed:[/] {escape(str(error))}; the previous site was left as it was."
        )


def print_summary(console: Console, result: BuildResult, verbose: bool) -> None:
    for line in result.warnings if verbose else group_warnings(result.warnings):
        console.print(f"[yellow]warning:[/] {escape(line)}")
    s = result.summary
    if result.nothing_changed:
        console.print(
            f"[bold green]Up to date:[/] nothing changed since the last build of "
            f"{escape(str(result.output))} "
            f"({s['articles']} articles; {result.seconds:.2f} s)"
        )
        return
    console.print(
        f"[bold green]Built[/] {s['articles']} articles: {s['entities']} entities, {s['mentions']} mentions, "
        f"{s['dates']} dates, {s['events']} timeline events → {result.written} files written, "
        f"{result.removed} removed in {escape(str(result.output))} in {result.seconds:.2f} s "
        f"({len(result.warnings)} warnings)"
    )
    if s.get("unknown names"):
        console.print(
            f"{s['unknown names']} recurring names are not in the registry; "
            "see them with: python build.py suggest"
        )


def run_build(args: argparse.Namespace, console: Console) -> int:
    options = BuildOptions(
        site=args.site,
        output=args.output,
        drafts=args.drafts,
        base_url=args.base_url,
        clean=args.clean,
        jobs=args.jobs,
    )
    result = build(options, ConsoleReporter(console, verbose=args.verbose, quiet=args.quiet))
    print_summary(console, result, args.verbose)
    return EXIT_OK


def run_suggest(args: argparse.Namespace, console: Console) -> int:
    from rich.table import Table

    suggestions, paths = unknown_names(BuildOptions(site=args.site), args.minimum)
    if not suggestions:
        console.print("Every recurring capitalized name is in the registry (or on its ignore list).")
        return EXIT_OK
    table = Table(title=f"Recurring names not in {args.site / 'entities.yaml'}", show_lines=False)
    table.add_column("count", justify="right")
    table.add_column("name")
    table.add_column("articles")
    table.add_column("first seen in context")
    for suggestion in suggestions:
        seen = [paths[slug] for slug in suggestion.articles]
        shown = ", ".join(seen[:3]) + (f" and {len(seen) - 3} more" if len(seen) > 3 else "")
        table.add_row(
            str(suggestion.count), escape(suggestion.name), escape(shown), escape(suggestion.context)
        )
    console.print(table)
    console.print("Add each to entities.yaml as an entity (or an alias of one), or to its ignore list.")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, default_site: Path | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "build")
    console = Console(highlight=False, soft_wrap=True)
    try:
        args = parser(default_site or Path.cwd()).parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage problem
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        return run_suggest(args, console) if args.command == "suggest" else run_build(args, console)
    except DossierError as error:
        if args.debug:
            raise
        print_problems(console, error)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        console.print("[bold red]Interrupted;[/] the previous site was left as it was.")
        return EXIT_ERRORS
