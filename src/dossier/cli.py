"""The command line: ``python build.py [build] [options]``.

Exit codes: 0 success, 1 content or build errors, 2 usage errors. Expected
failures print ``path:line: message`` lines; a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import errno
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape as markup_escape

from dossier import __version__
from dossier.errors import BuildError, DossierError, NotASiteError, printable
from dossier.pipeline import (
    BuildOptions,
    BuildResult,
    build,
    output_folder,
    require_site,
    unknown_names,
)
from dossier.report import ConsoleReporter, group_warnings, plural
from dossier.write import is_generated

COMMANDS = ("build", "serve", "new", "check", "suggest", "init")
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
DEFAULT_BIND = "127.0.0.1"  # serve.HOST, not imported: a plain build should not load the HTTP server


def escape(text: str) -> str:
    """Text for the console: Rich's markup escaped, and whatever a terminal would act on (an escape
    sequence in a file name, say) shown as escapes; the message's own line breaks are kept."""
    return markup_escape("\n".join(printable(line) for line in text.split("\n")))


def parser(default_site: Path, prog: str = "dossier") -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog=prog,
        description="Build a news-analysis site from a folder of articles.",
        allow_abbrev=False,  # "--out" must not quietly mean "--output"
    )
    main.add_argument("--version", action="version", version=f"dossier {__version__}")
    main.set_defaults(invocation=invocation(prog))
    commands = main.add_subparsers(dest="command", metavar="command")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, allow_abbrev=False)

    build_cmd = command("build", "build the site (the default command)")
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
    serve_cmd = command("serve", "preview the site on this computer, rebuilt on every change")
    serve_cmd.add_argument(
        "--port", type=int, default=8000, help="port (default: %(default)s; 0: any free one)"
    )
    serve_cmd.add_argument(
        "--bind",
        default=DEFAULT_BIND,
        metavar="ADDRESS",
        help="address to listen on (default: %(default)s, this computer only; 0.0.0.0: every network)",
    )
    check_cmd = command(
        "check", "validate articles, registry and configuration, and every link of the built site"
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
    new_cmd = command("new", "create an article file with complete frontmatter")
    new_cmd.add_argument("title", help="the article's title (its file name is made from it)")
    new_cmd.add_argument("--site", type=Path, default=default_site, help="site folder (default: %(default)s)")
    suggest_cmd = command("suggest", "list recurring names the registry does not know")
    suggest_cmd.add_argument(
        "--site", type=Path, default=default_site, help="site folder (default: %(default)s)"
    )
    suggest_cmd.add_argument(
        "--minimum", type=int, default=2, help="list names seen at least this often (default: 2)"
    )
    suggest_cmd.add_argument(
        "--add",
        action="store_true",
        help="append the names to entities.yaml as draft entries (draft: true) to review",
    )
    init_cmd = command("init", "create a new site folder with an example article, and build it")
    init_cmd.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=Path.cwd(),
        metavar="DIR",
        help="folder of the new site, made if need be (default: the current folder)",
    )
    for sub in (build_cmd, serve_cmd, check_cmd, new_cmd, suggest_cmd, init_cmd):
        sub.add_argument("--quiet", "-q", action="store_true", help="print only problems and the result")
        sub.add_argument("--verbose", "-v", action="store_true", help="print every warning")
        sub.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    return main


def invocation(prog: str) -> str:
    """How the user typed the command, for the hints that name another command."""
    return f"python {prog}" if prog.endswith(".py") else prog


def previous_site_exists(args: argparse.Namespace) -> bool:
    """Whether a site from an earlier build is in place: only then can a failure say it was kept."""
    site = getattr(args, "site", None)
    if site is None:
        return False
    try:
        return is_generated(output_folder(site, getattr(args, "output", None)))
    except DossierError:
        return False


def kept_site(args: argparse.Namespace) -> str:
    """The reassurance a failed run adds, when there is a previous site to reassure about."""
    return "; the previous site was left as it was" if previous_site_exists(args) else ""


def print_problems(console: Console, error: DossierError, args: argparse.Namespace) -> None:
    if isinstance(error, NotASiteError):
        console.print(f"[bold red]error:[/] {escape(str(error))}")
        console.print(
            f"Start a new site there with: {args.invocation} init {escape(str(error.folder))}"
            f" (or choose an existing site with --site DIR)."
        )
        return
    problems = error.problems if isinstance(error, BuildError) and error.problems else [error]
    for problem in problems:
        console.print(f"[bold red]error:[/] {escape(str(problem))}")
    if isinstance(error, BuildError) and error.problems:
        console.print(f"[bold red]Build failed:[/] {escape(str(error))}{kept_site(args)}.")


def print_summary(console: Console, result: BuildResult, args: argparse.Namespace) -> None:
    for line in result.warnings if args.verbose else group_warnings(result.warnings):
        console.print(f"[yellow]warning:[/] {escape(line)}")
    for line in result.notes:
        console.print(f"[dim]note:[/] {escape(line)}")
    s = result.summary
    if result.nothing_changed:
        console.print(
            f"[bold green]Up to date:[/] nothing changed since the last build of "
            f"{escape(str(result.output))} "
            f"({plural(s['articles'], 'article')}; {result.seconds:.2f} s)"
        )
        print_future(console, result)
        print_left_out(console, result)
        return
    console.print(
        f"[bold green]Built[/] {plural(s['articles'], 'article')}: {plural(s['entities'], 'entity')}, "
        f"{plural(s['mentions'], 'mention')}, {plural(s['dates'], 'date')}, "
        f"{plural(s['events'], 'timeline event')} → {plural(result.written, 'file')} written, "
        f"{result.removed} removed in {escape(str(result.output))} in {result.seconds:.2f} s "
        f"({plural(len(result.warnings), 'warning')})"
    )
    print_future(console, result)
    print_left_out(console, result)
    if s.get("unknown names"):
        console.print(
            f"{plural(s['unknown names'], 'recurring name')} "
            f"{'is' if s['unknown names'] == 1 else 'are'} not in the registry; "
            f"see them with: {args.invocation} suggest"
        )


def print_left_out(console: Console, result: BuildResult) -> None:
    if result.left_out:
        count = len(result.left_out)
        console.print(
            f"[yellow]note:[/] {plural(count, 'article')} {'was' if count == 1 else 'were'} left out "
            f"because {'it' if count == 1 else 'they'} cannot be used (see the warnings above); the build "
            f"without --keep-going fails on {'it' if count == 1 else 'them'}."
        )


def print_future(console: Console, result: BuildResult) -> None:
    if result.future:
        count = len(result.future)
        shown = ", ".join(result.future[:5]) + (f" and {count - 5} more" if count > 5 else "")
        console.print(
            f"[yellow]note:[/] {plural(count, 'article')} {'is' if count == 1 else 'are'} dated in the "
            f"future (built as dated): {escape(shown)}"
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
    print_summary(console, result, args)
    return EXIT_OK


def run_check(args: argparse.Namespace, console: Console) -> int:
    """Build (incrementally), then check every internal link and anchor of the output."""
    from dossier.check import broken_links

    result = build(build_options(args), ConsoleReporter(console, verbose=args.verbose, quiet=True))
    print_summary(console, result, args)
    problems = broken_links(result.output)
    for problem in problems:
        console.print(f"[bold red]broken link:[/] {escape(problem)}")
    if problems:
        console.print(
            f"[bold red]Check failed:[/] {plural(len(problems), 'broken link')} in "
            f"{escape(str(result.output))}"
        )
        return EXIT_ERRORS
    console.print(
        "[bold green]Check passed:[/] articles, registry and configuration are valid; "
        "every internal link and anchor resolves."
    )
    return EXIT_OK


def run_new(args: argparse.Namespace, console: Console) -> int:
    from dossier.new import create_article

    require_site(args.site)
    path = create_article(args.site, args.title)
    console.print(
        f"[bold green]Created[/] {escape(str(path))} — a draft: fill in the frontmatter and the text, "
        f"then set draft: false (or preview it with: {args.invocation} serve --drafts)."
    )
    return EXIT_OK


def run_init(args: argparse.Namespace, console: Console) -> int:
    """Write a new site, then build it at once, so the first thing seen is a working site."""
    from dossier.scaffold import create_site

    folder: Path = args.folder
    for path in create_site(folder):
        console.print(f"[bold green]Created[/] {escape(str(path))}")
    options = BuildOptions(site=folder)
    result = build(options, ConsoleReporter(console, verbose=args.verbose, quiet=args.quiet))
    print_summary(console, result, args)
    console.print(
        f"Open {escape(str(result.output / 'index.html'))} in a browser. Next: put articles in "
        f"{escape(str(folder / 'articles'))}, list their people and groups in "
        f"{escape(str(folder / 'entities.yaml'))}, and build again with: "
        f"{args.invocation} build --site {escape(str(folder))}"
    )
    return EXIT_OK


def run_serve(args: argparse.Namespace, console: Console) -> int:
    from dossier.pipeline import CACHE_FOLDER
    from dossier.serve import serve

    require_site(args.site)  # before serving: a folder that is no site would only ever show an error
    output = args.site / CACHE_FOLDER / "preview"
    options = build_options(args, output=output)
    reporter = ConsoleReporter(console, verbose=args.verbose, quiet=args.quiet)

    def rebuild() -> None:
        print_summary(console, build(options, reporter), args)

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
            host=args.bind,
        )
    except KeyboardInterrupt:
        console.print("Stopped.")
    except OSError as exc:  # the port is taken, or the address is not one of this computer's
        console.print(
            f"[bold red]error:[/] cannot serve on {escape(args.bind)} port {args.port}: {escape(str(exc))}"
        )
        return EXIT_ERRORS
    return EXIT_OK


def run_suggest(args: argparse.Namespace, console: Console) -> int:
    """List the recurring unknown names and the draft entries they make; ``--add`` appends those."""
    from rich.table import Table

    from dossier.drafts import SentenceFinder, add_drafts, draft_yaml, propose
    from dossier.extract.registry import load_registry
    from dossier.pipeline import REGISTRY_FILE

    found = unknown_names(BuildOptions(site=args.site), args.minimum)
    if not found.suggestions:
        console.print("Every recurring capitalized name is in the registry (or on its ignore list).")
        return EXIT_OK
    registry_path = args.site / REGISTRY_FILE
    table = Table(title=f"Recurring names not in {registry_path}", show_lines=False)
    table.add_column("count", justify="right")
    table.add_column("name")
    table.add_column("articles")
    table.add_column("first seen in context")
    for suggestion in found.suggestions:
        seen = [found.paths[slug] for slug in suggestion.articles]
        shown = ", ".join(seen[:3]) + (f" and {len(seen) - 3} more" if len(seen) > 3 else "")
        table.add_row(
            str(suggestion.count), escape(suggestion.name), escape(shown), escape(suggestion.context)
        )
    console.print(table)
    drafts = propose(found.suggestions, found.rows, load_registry(registry_path), SentenceFinder(args.site))
    if not drafts:
        console.print("Each of these is already spelled by an entity; nothing to add.")
        return EXIT_OK
    entries = "".join(draft_yaml(draft, "  ") for draft in drafts)
    if not args.add:
        console.print(
            f"{plural(len(drafts), 'draft entry')} would be added to {escape(str(registry_path))} "
            f"by {args.invocation} suggest --add:\n"
        )
        console.print(escape(entries), end="")
        console.print("\nOr add each by hand as an entity (or an alias of one), or to the ignore list.")
        return EXIT_OK
    add_drafts(registry_path, drafts)
    console.print(escape(entries), end="")
    console.print(
        f"[bold green]Added[/] {plural(len(drafts), 'draft entry')} to {escape(str(registry_path))} "
        "(marked draft: true): check each type and spelling, then delete the draft line."
    )
    return EXIT_OK


def unknown_command(word: str) -> str | None:
    """A first word that is neither a command nor an option is a mistyped command, not a build."""
    if word.startswith("-") or word in COMMANDS:
        return None
    import difflib  # for a mistyped command only

    closest = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.5)
    hint = f"; did you mean {closest[0]!r}?" if closest else ""
    return f"unknown command {word!r} (commands: {', '.join(COMMANDS)}){hint}"


_MACHINE_ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "a file name is too long for the file system",
    errno.EDQUOT: "the disk quota is used up",
    errno.EMFILE: "too many open files",
}
_MACHINE_SQLITE = {
    "database is locked": "another program holds the build cache",
    "readonly database": "the build cache cannot be written (a read-only folder?)",
    "disk is full": "the disk is full",
    "disk i/o error": "the build cache cannot be read or written (a disk error)",
    "unable to open database": "the build cache cannot be opened (a read-only or missing folder?)",
}


def environment_trouble(error: BaseException) -> str | None:
    """What the machine (not dossier, not the files) got in the way with, said plainly; else None."""
    if isinstance(error, OSError) and error.errno in _MACHINE_ERRNOS:
        where = f": {printable(str(error.filename))}" if error.filename else ""
        return f"{_MACHINE_ERRNOS[error.errno]}{where}"
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        for sign, meaning in _MACHINE_SQLITE.items():
            if sign in message:
                return meaning
    return None


def main(argv: Sequence[str] | None = None, default_site: Path | None = None, prog: str = "dossier") -> int:
    """Run one command; ``prog`` is how the user calls dossier, as help and hints should name it."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (problem := unknown_command(argv[0])):
        errors = Console(stderr=True, highlight=False, soft_wrap=True)
        errors.print(f"{prog}: error: {escape(problem)}")
        return EXIT_USAGE
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help", "--version"):
        argv.insert(0, "build")
    console = Console(highlight=False, soft_wrap=True)
    try:
        args = parser(default_site or Path.cwd(), prog).parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage problem
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        command = {
            "suggest": run_suggest,
            "serve": run_serve,
            "new": run_new,
            "check": run_check,
            "init": run_init,
        }
        return command.get(args.command, run_build)(args, console)
    except DossierError as error:
        if args.debug:
            raise
        print_problems(console, error, args)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        console.print(f"[bold red]Interrupted[/]{kept_site(args)}.")
        return EXIT_ERRORS
    except Exception as error:  # a bug, not bad input: say so, without a wall of traceback
        if args.debug:
            raise
        trouble = environment_trouble(error)
        if trouble is not None:
            console.print(f"[bold red]error:[/] {escape(trouble)}{kept_site(args)}.")
            return EXIT_ERRORS
        console.print(
            f"[bold red]internal error:[/] {escape(type(error).__name__)}: {escape(str(error))}\n"
            f"This is a bug in dossier, not a problem with your files{kept_site(args)}. "
            "Run the same command with --debug to see where it happened, and report it."
        )
        return EXIT_ERRORS
