"""One build of a site's output at a time.

Two builds writing one output and one cache at once would interleave their
writes (a cache row added twice, a page from each). The second one is refused
with a clear message instead: the first is usually a forgotten ``serve`` or a
build still running in another terminal. The lock is the operating system's
(``flock``), so a build that is killed releases it at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dossier.errors import BuildError

try:
    import fcntl
except ImportError:  # Windows: no flock; builds are not guarded against each other there
    fcntl = None  # type: ignore[assignment]


@contextmanager
def one_build_at_a_time(path: Path, output: Path) -> Iterator[None]:
    """Hold the lock file ``path`` for the build of ``output``, or refuse if another build has it."""
    if fcntl is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"another build of {output} is running (a `serve`, or a build in another terminal); "
                "wait for it to finish, then build again"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
