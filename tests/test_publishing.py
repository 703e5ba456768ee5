"""A build killed while it publishes leaves the old site or the new one, complete with its search
index, and the next build clears what it left behind (fault injection: ``DOSSIER_KILL_AT``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_site
from tests.test_incremental import clean_build, edit_article, retitle_article, snapshot


def build_in_a_process(site: Path, *flags: str, **environment: str) -> int:
    command = [sys.executable, str(ROOT / "build.py"), "build", "--site", str(site), "--quiet", *flags]
    done = subprocess.run(command, env={**os.environ, **environment}, capture_output=True, check=False)
    return done.returncode


@pytest.mark.parametrize(
    ("point", "flags", "environment", "kept"),
    [
        ("staged", (), {}, False),  # an incremental build, every page written, not yet published
        ("staged", (), {}, True),  # the same, started from the site the last build replaced
        ("synced", (), {}, True),  # that site brought up to date, nothing written yet
        ("swapped", (), {}, True),  # published by the atomic exchange, the previous site not yet kept
        ("kept", (), {}, True),  # the previous site kept, what it lacks not yet recorded
        ("swapped", ("--clean",), {}, False),  # published by a build from scratch
        ("retired", ("--clean",), {"DOSSIER_NO_EXCHANGE": "1"}, False),  # between the fallback's renames
    ],
)
def test_a_build_killed_while_publishing_leaves_the_old_or_the_new_site(
    tmp_path: Path, point: str, flags: tuple[str, ...], environment: dict[str, str], kept: bool
) -> None:
    site = copy_site(tmp_path / "site")
    assert build_in_a_process(site) == 0
    if kept:  # an incremental build, which keeps the site it replaced for the next one
        retitle_article(site)
        assert build_in_a_process(site) == 0
        assert (site / ".dossier-cache" / "_site.previous").is_dir()
    old = snapshot(site / "_site")
    edit_article(site)
    new = clean_build(site, tmp_path / "clean")
    assert build_in_a_process(site, *flags, DOSSIER_KILL_AT=point, **environment) == -signal.SIGKILL
    published = snapshot(site / "_site") if (site / "_site").exists() else {}
    if point != "retired":  # the fallback leaves no site between its renames: the next build restores it
        assert published in (old, new)
        assert any(path.startswith("pagefind/") for path in published)
    assert build_in_a_process(site) == 0
    assert snapshot(site / "_site") == new
    assert not [p.name for p in site.iterdir() if p.name.startswith("._site.")]  # nothing left behind
