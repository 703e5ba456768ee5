"""The command line: exit codes, messages, and that a failed build keeps the previous site."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cli import main
from tests.conftest import copy_site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_build_succeeds_and_prints_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = copy_site(tmp_path / "site")
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Built 5 articles" in out
    assert (site / "_site" / "index.html").is_file()


def test_bad_article_fails_with_its_path_and_keeps_the_old_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    assert main(["--site", str(site), "-q"]) == 0
    before = snapshot(site / "_site")
    (site / "articles" / "broken.md").write_text(
        "---\ntitle: Broken\ndate: [oops\n---\nText", encoding="utf-8"
    )
    (site / "articles" / "untitled.md").write_text("---\ndate: 2024-01-01\n---\nText", encoding="utf-8")
    capsys.readouterr()
    assert main(["--site", str(site), "-q"]) == 1
    out = capsys.readouterr().out
    assert "articles/broken.md:3: invalid YAML" in out
    assert "articles/untitled.md:1: missing 'title'" in out
    assert "Traceback" not in out
    assert snapshot(site / "_site") == before


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--no-such-option"]) == 2


def test_refuses_an_output_it_did_not_create(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = copy_site(tmp_path / "site")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["--site", str(site), "--output", str(precious), "-q"]) == 1
    assert "was not made by dossier" in capsys.readouterr().out
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "keep me"
