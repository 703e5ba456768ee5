"""Which files a build may publish: none that a link brings in from outside the site.

A link in ``articles/`` or ``templates/static/`` to ``/etc/hostname`` (or to a user's private
notes) would be read and published like the site's own files. Such a link is skipped with a
warning that names it, rather than failing the build: the link is not a mistake in a file the
editor can fix there, and the rest of the site is still right to build (``--strict`` makes the
warning an error).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def outside(path: Path | str, roots: Iterable[Path]) -> bool:
    """Whether ``path``, with every link on the way resolved, lies outside all of ``roots``."""
    real = Path(os.path.realpath(path))
    return not any(real.is_relative_to(Path(os.path.realpath(root))) for root in roots)


def outside_note(path: Path | str) -> str:
    """Why a file that a link takes outside the site is skipped (the warning after its name)."""
    target = os.path.realpath(path)
    return f"a link to {target}, outside the site folder; only the site's own files are published"
