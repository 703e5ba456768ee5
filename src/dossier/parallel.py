"""Spreading per-article work over processes.

Each worker builds its expensive state (a :class:`~dossier.work.Workshop`,
a renderer) once, in an initializer, and keeps it in this module for the
life of the worker process; the parent process never uses that slot. Small
batches run in the calling process, where starting workers would cost more
than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

T = TypeVar("T")
R = TypeVar("R")

SERIAL_BELOW = 48  # items; fewer run in this process
_worker_state: Any = None  # set in worker processes only, by _initialize


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_state() -> Any:
    return _worker_state


def _initialize(factory: Callable[..., Any], args: tuple) -> None:
    global _worker_state
    _worker_state = factory(*args)


def _context() -> BaseContext:
    import multiprocessing  # not before work is spread: a build with nothing to do never starts one

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run(
    function: Callable[[Any, T], R],
    items: Iterable[T],
    factory: Callable[..., Any],
    args: tuple,
    jobs: int,
    count: int,
) -> Iterator[R]:
    """``function(state, item)`` for each item, in order; ``state = factory(*args)`` once per process."""
    if jobs <= 1 or count < SERIAL_BELOW:
        state = factory(*args)
        for item in items:
            yield function(state, item)
        return
    with _context().Pool(processes=jobs, initializer=_initialize, initargs=(factory, args)) as pool:
        yield from pool.imap(_Call(function), items, chunksize=max(1, min(32, count // (jobs * 8))))


class _Call:
    """Picklable ``lambda item: function(worker_state(), item)``."""

    def __init__(self, function: Callable[[Any, Any], Any]) -> None:
        self.function = function

    def __call__(self, item: Any) -> Any:
        return self.function(_worker_state, item)
