"""The full-text search index: Pagefind, run over the written site.

Pagefind reads the article and topic pages (the parts marked
``data-pagefind-body``) and writes a static, chunked index under
``pagefind/``; the search page loads it in the reader's browser, so search
needs no server. The index is written beside the old one and swapped in, so a
failed run leaves the previous index (and the site) as it was.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from dossier.errors import BuildError

FOLDER = "pagefind"
INDEXED = "{articles,topics}/*.html"  # article and topic pages; archive pages are left out


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind[bin]`` package."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise BuildError(
            "search is on (search: true in site.yaml) but Pagefind is not installed; "
            "install it with: pip install 'pagefind[bin]'"
        ) from None
    return Path(get_executable())


def index_site(folder: Path) -> None:
    """Write ``folder/pagefind/`` from the pages in ``folder``, replacing the previous index whole."""
    staging = folder / f".{FOLDER}.new"
    shutil.rmtree(staging, ignore_errors=True)
    command = [
        str(pagefind_executable()),
        "--site", str(folder),
        "--output-path", str(staging),
        "--glob", INDEXED,
        "--keep-index-url",
        "--silent",
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BuildError(f"cannot run Pagefind to index the site for search: {exc}") from None
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BuildError(
            "Pagefind could not index the site for search" + (f": {detail[-1]}" if detail else "")
        )
    target = folder / FOLDER
    old = folder / f".{FOLDER}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
