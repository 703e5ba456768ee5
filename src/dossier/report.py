"""Reporters: how a build tells the user what it is doing.

The pipeline only calls these methods; the console reporter draws them with
rich, the base class (used by tests and by library callers) stays silent.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class Reporter:
    """Silent: collects nothing, prints nothing."""

    def start(self, stage: str, total: int | None = None) -> None:
        """A stage begins; ``total`` items will be reported with :meth:`advance`."""

    def advance(self, count: int = 1) -> None:
        """``count`` more items of the current stage are done."""

    def finish(self, stage: str, summary: str) -> None:
        """The stage is over; ``summary`` says what it produced."""


class ConsoleReporter(Reporter):
    def __init__(self, console: Console, verbose: bool = False, quiet: bool = False) -> None:
        self.console = console
        self.verbose = verbose
        self.quiet = quiet
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = 0.0

    def start(self, stage: str, total: int | None = None) -> None:
        self._started = time.perf_counter()
        if self.quiet or total is None or total < 50 or not self.console.is_terminal:
            return
        # imported for a bar on a terminal only: a quiet build or a build with nothing to do draws none
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=self.console, transient=True,
        )  # fmt: skip
        self._progress.start()
        self._task = self._progress.add_task(stage, total=total)

    def advance(self, count: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, count)

    def finish(self, stage: str, summary: str) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        if not self.quiet:
            seconds = time.perf_counter() - self._started
            self.console.print(f"[green]✓[/] [bold]{stage:<8}[/] {summary} [dim]({seconds:.2f} s)[/]")


def group_warnings(warnings: list[str], keep: int = 3) -> list[str]:
    """Show a few of each kind of warning and count the rest ("and 37 more like it")."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for warning in warnings:
        kind = re.sub(r"^[^:]*?(:\d+)?: ", "", warning)
        kind = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", kind)
        kinds[kind].append(warning)
    lines = []
    for items in kinds.values():
        lines.extend(items[:keep])
        if len(items) > keep:
            lines.append(f"… and {len(items) - keep} more like it")
    return lines


IRREGULAR_PLURALS = {"entity": "entities", "entry": "entries", "is": "are", "was": "were"}


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``, ``0 entities``: a count with its noun in agreement."""
    if count == 1:
        return f"{count} {noun}"
    head, _, last = noun.rpartition(" ")
    many = IRREGULAR_PLURALS.get(last, f"{last}s")
    return f"{count} {head + ' ' if head else ''}{many}"
