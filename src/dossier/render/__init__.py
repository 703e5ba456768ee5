"""The render stage: page plans from the cache (pages.py), HTML (site.py), JSON exports (exports.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dossier import __version__


def templates_digest(template_dirs: list[Path]) -> str:
    """A digest of every template and static file a build may use."""
    digest = hashlib.sha1(__version__.encode("utf-8"))
    for folder in template_dirs:
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(path.relative_to(folder).as_posix().encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()
