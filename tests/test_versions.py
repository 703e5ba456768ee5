"""The code versions a cache is kept under: the extractor's own, found by following its imports, and
the whole program's, so that nobody has to remember to bump either."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.versions import EXTRACTION_ROOTS, PACKAGE, base_registry_version, code_versions, import_closure


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / "dossier"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "templates"))
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(
    ("changed", "extraction_changes"),
    [
        ("extract/tokens.py", True),  # the extractor itself
        ("extract/world.yaml", True),  # its data
        ("store/rows.py", True),  # the rows it makes
        ("analyze/keys.py", True),  # the keys those rows are filed under
        ("render/markup.py", True),  # the article's body, rendered in the worker
        ("render/pages.py", False),  # the pages: re-rendered, never re-extracted
        ("store/database.py", False),  # the store's queries
        ("store/records.py", False),  # what its reads return
        ("analyze/events.py", False),  # the timeline's clustering: re-analyzed
        ("incremental.py", False),
        ("pipeline.py", False),
    ],
)
def test_a_change_of_code_changes_the_extraction_version_only_inside_the_extractor(
    package: Path, changed: str, extraction_changes: bool
) -> None:
    extraction, program = code_versions(package)
    _append(package / changed, "\n# a change\n")
    new_extraction, new_program = code_versions(package)
    assert new_program != program
    assert (new_extraction != extraction) is extraction_changes


def test_imports_inside_functions_and_of_submodules_are_followed(package: Path) -> None:
    _append(package / "work.py", "\n\ndef later():\n    from dossier import lock  # noqa\n")
    sources = {p: p.read_bytes() for p in package.rglob("*.py")}
    files = {p.relative_to(package).as_posix() for p in import_closure(EXTRACTION_ROOTS, sources, package)}
    assert {"lock.py", "extract/dates/__init__.py", "extract/quotes/speakers.py", "__init__.py"} <= files
    assert "render/pages.py" not in files and "pipeline.py" not in files


def test_a_copy_of_the_code_has_the_same_versions(package: Path) -> None:
    assert code_versions(package) == code_versions(PACKAGE)


def test_the_base_registrys_version_is_pycountrys_installed_version() -> None:
    from importlib import metadata

    assert base_registry_version() == f"pycountry {metadata.version('pycountry')}"
