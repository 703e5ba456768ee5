"""The command line: ``python build.py [build] [options]``.

Exit codes: 0 success, 1 content or build errors, 2 usage errors. Expected
failures print ``path:line: message`` lines; a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from dossier import __version__
from dossier.errors import BuildError, DossierError
from dossier.pipeline import BuildOptions, BuildResult, build, unknown_names
from dossier.report import ConsoleReporter, group_warnings

COMMANDS = ("build", "serve", "new", "check", "suggest")
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
    serve_cmd = commands.add_parser("serve", help="preview the site on 127.0.0.1, rebuilt on every change")
    serve_cmd.add_argument(
        "--port", type=int, default=8000, help="port (default: %(default)s; 0: any free one)"
    )
    check_cmd = commands.add_parser(
        "check", help="validate articles, registry and configuration, and every link of the built site"
    )
    for sub in (build_cmd, serve_cmd, check_cmd):
        if sub is not build_cmd:
            sub.add_argument(
                "--site", type=Path, default=default_site, help="site folder (default: %(default)s)"
            )
            sub.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
            sub.add_argument("--base-url", help="absolute URL the site will be published at")
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors (exit code 1)")
        sub.add_argument(
            "--keep-going",
            action="store_true",
            help="build without the articles that cannot be used, listing them as warnings",
        )
    new_cmd = commands.add_parser("new", help="create an article file with complete frontmatter")
    new_cmd.add_argument("title", help="the article's title (its file name is made from it)")
    new_cmd.add_argument("--site", type=Path, default=default_site, help="site folder (default: %(default)s)")
    suggest_cmd = commands.add_parser("suggest", help="list recurring names the registry does not know")
    suggest_cmd.add_argument(
        "--site", type=Path, default=default_site, help="site folder (default: %(default)s)"
    )
    suggest_cmd.add_argument(
        "--minimum", type=int, default=2, help="list names seen at least this often (default: 2)"
    )
    for sub in (build_cmd, serve_cmd, check_cmd, new_cmd, suggest_cmd):
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
        print_future(console, result)
        print_left_out(console, result)
        return
    console.print(
        f"[bold green]Built[/] {s['articles']} articles: {s['entities']} entities, {s['mentions']} mentions, "
        f"{s['dates']} dates, {s['events']} timeline events → {result.written} files written, "
        f"{result.removed} removed in {escape(str(result.output))} in {result.seconds:.2f} s "
        f"({len(result.warnings)} warnings)"
    )
    print_future(console, result)
    print_left_out(console, result)
    if s.get("unknown names"):
        console.print(
            f"{s['unknown names']} recurring names are not in the registry; "
            "see them with: python build.py suggest"
        )


def print_left_out(console: Console, result: BuildResult) -> None:
    if result.left_out:
        console.print(
            f"[yellow]note:[/] {len(result.left_out)} articles were left out because they cannot be used "
            "(see the warnings above); the build without --keep-going fails on them."
        )


def print_future(console: Console, result: BuildResult) -> None:
    if result.future:
        shown = ", ".join(result.future[:5]) + (
            f" and {len(result.future) - 5} more" if len(result.future) > 5 else ""
        )
        console.print(
            f"[yellow]note:[/] {len(result.future)} articles are dated in the future "
            f"(built as dated): {escape(shown)}"
        )


def build_options(args: argparse.Namespace, **overrides: Any) -> BuildOptions:
    values = {
        "site": args.site,
        "output": getattr(args, "output", None),
        "drafts": args.drafts,
        "base_url": args.base_url,
        "clean": getattr(args, "clean", False),
        "jobs": getattr(args, "jobs", 0),
        "strict": args.strict,
        "keep_going": args.keep_going,
    }
    return BuildOptions(**{**values, **overrides})


def run_build(args: argparse.Namespace, console: Console) -> int:
    result = build(build_options(args), ConsoleReporter(console, verbose=args.verbose, quiet=args.quiet))
    print_summary(console, result, args.verbose)
    return EXIT_OK


def run_check(args: argparse.Namespace, console: Console) -> int:
    """Build (incrementally), then check every internal link and anchor of the output."""
    from dossier.check import broken_links

    result = build(build_options(args), ConsoleReporter(console, verbose=args.verbose, quiet=True))
    print_summary(console, result, args.verbose)
    problems = broken_links(result.output)
    for problem in problems:
        console.print(f"[bold red]broken link:[/] {escape(problem)}")
    if problems:
        console.print(
            f"[bold red]Check failed:[/] {len(problems)} broken links in {escape(str(result.output))}"
        )
        return EXIT_ERRORS
    console.print(
        "[bold green]Check passed:[/] articles, registry and configuration are valid; "
        "every internal link and anchor resolves."
    )
    return EXIT_OK


def run_new(args: argparse.Namespace, console: Console) -> int:
    from dossier.new import create_article

    path = create_article(args.site, args.title)
    console.print(
        f"[bold green]Created[/] {escape(str(path))} — a draft: fill in the frontmatter and the text, "
        "then set draft: false (or preview it with: python build.py serve --drafts)."
    )
    return EXIT_OK


def run_serve(args: argparse.Namespace, console: Console) -> int:
    from dossier.pipeline import CACHE_FOLDER
    from dossier.serve import serve

    output = args.site / CACHE_FOLDER / "preview"
    options = build_options(args, output=output)
    reporter = ConsoleReporter(console, verbose=args.verbose, quiet=args.quiet)

    def rebuild() -> None:
        print_summary(console, build(options, reporter), args.verbose)

    def on_error(errors: list[str]) -> None:
        for line in errors:
            console.print(f"[bold red]error:[/] {escape(line)}")
        console.print("[bold red]Build failed;[/] the pages show the errors until the files are fixed.")

    try:
        serve(
            args.site,
            output,
            args.port,
            rebuild,
            on_error,
            lambda url: console.print(f"[bold]Serving[/] {url} — rebuilt on every change; Ctrl+C stops."),
        )
    except KeyboardInterrupt:
        console.print("Stopped.")
    except OSError as exc:  # the port is taken, say
        console.print(f"[bold red]error:[/] cannot serve on port {args.port}: {escape(str(exc))}")
        return EXIT_ERRORS
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
        command = {"suggest": run_suggest, "serve": run_serve, "new": run_new, "check": run_check}
        return command.get(args.command, run_build)(args, console)
    except DossierError as error:
        if args.debug:
            raise
        print_problems(console, error)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        console.print("[bold red]Interrupted;[/] the previous site was left as it was.")
        return EXIT_ERRORS
    except Exception as error:  # a bug, not bad input: say so, without a wall of traceback
        if args.debug:
            raise
        console.print(
            f"[bold red]internal error:[/] {escape(type(error).__name__)}: {escape(str(error))}\n"
            "This is a bug in dossier, not a problem with your files; the previous site was left as it "
            "was. Run the same command with --debug to see where it happened, and report it."
        )
        return EXIT_ERRORS
