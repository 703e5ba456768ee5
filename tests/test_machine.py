"""When the machine, not dossier or the files, gets in the way: a clear message, never "a bug"."""

from __future__ import annotations

import errno
import fcntl
import sqlite3
from pathlib import Path

import pytest

from dossier.cli import environment_trouble, main
from dossier.errors import RegistryError
from dossier.extract.registry import registry_from_data
from dossier.pipeline import cache_file
from dossier.store.database import is_damage
from dossier.store.records import CacheDamaged
from tests.conftest import copy_site


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "_site/x.html"), "the disk is full: _site/x.html"),
        (OSError(errno.EROFS, "Read-only file system", "_site"), "the file system is read-only: _site"),
        (OSError(errno.EACCES, "Permission denied", "out"), "permission denied: out"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "a file name is too long for the file system"),
        (sqlite3.OperationalError("database is locked"), "another program holds the build cache"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "the build cache cannot be written",
        ),
        (ValueError("a bug"), None),
        (OSError(errno.EINVAL, "Invalid argument"), None),
    ],
)
def test_what_the_machine_got_in_the_way_with(error: Exception, message: str | None) -> None:
    said = environment_trouble(error)
    assert said == message if message is None else said is not None and said.startswith(message)


@pytest.mark.parametrize(
    ("error", "damaged"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), True),
        (sqlite3.OperationalError("no such table: events"), True),
        (sqlite3.DatabaseError("file is not a database"), True),
        (CacheDamaged("a stored record cannot be read"), True),
        (sqlite3.OperationalError("database is locked"), False),
        (sqlite3.OperationalError("attempt to write a readonly database"), False),
    ],
)
def test_only_a_damaged_cache_is_set_aside(error: Exception, damaged: bool) -> None:
    assert is_damage(error) is damaged


def test_a_second_build_of_one_site_at_once_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    lock = cache_file(site / "_site").with_suffix(".lock")
    lock.parent.mkdir(parents=True)
    with lock.open("a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        assert main(["build", "--site", str(site), "-q"]) == 1
    out = capsys.readouterr().out
    assert "another build of" in out and "is running" in out and "bug" not in out
    assert not (site / "_site").exists()
    assert main(["build", "--site", str(site), "-q"]) == 0  # the lock is free again


def test_an_entity_id_too_long_for_a_file_name_is_a_registry_error() -> None:
    with pytest.raises(RegistryError, match="at most 120 are allowed"):
        registry_from_data({"entities": [{"id": "a" * 269, "name": "A", "type": "person"}]})
