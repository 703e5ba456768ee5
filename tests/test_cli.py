"""The command line: exit codes, messages, and that a failed build keeps the previous site."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cli import main
from dossier.report import plural
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


@pytest.mark.parametrize(
    ("typed", "closest"),
    [("biuld", "build"), ("serv", "serve"), ("sugest", "suggest"), ("int", "init"), ("zzz", None)],
)
def test_a_mistyped_command_is_named_with_the_commands_and_the_closest(
    typed: str, closest: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([typed]) == 2
    err = capsys.readouterr().err
    assert f"unknown command {typed!r}" in err
    assert "build, serve, new, check, suggest, init" in err
    assert (f"did you mean {closest!r}?" in err) if closest else ("did you mean" not in err)


@pytest.mark.parametrize(
    "argv",
    [
        ["build", "--out", "x"],
        ["build", "--draft"],
        ["serve", "--bi", "0.0.0.0"],
        ["suggest", "--min", "3"],
        ["--sit", "x"],
    ],
)
def test_abbreviated_options_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("prog", "shown"), [("dossier", "usage: dossier "), ("build.py", "usage: build.py ")]
)
def test_help_names_the_command_as_it_was_called(
    prog: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--help"], prog=prog) == 0
    assert capsys.readouterr().out.startswith(shown)
    assert main(["build", "--help"], prog=prog) == 0
    assert capsys.readouterr().out.startswith(f"{shown.strip()} build ")


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "article", "1 article"),
        (2, "article", "2 articles"),
        (0, "warning", "0 warnings"),
        (1, "entity", "1 entity"),
        (3, "entity", "3 entities"),
        (2, "timeline event", "2 timeline events"),
        (1, "broken link", "1 broken link"),
    ],
)
def test_counts_agree_with_their_nouns(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


def test_the_summary_of_one_article_says_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out
    assert "1 article:" in out and "1 articles" not in out and "(0 warnings)" in out
    (site / "articles" / "second.md").write_text(
        "---\ntitle: A second story\ndate: 2025-03-14\nmood: calm\n---\nThe council met again.\n",
        encoding="utf-8",
    )
    assert main(["--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "Built 2 articles:" in out and "(1 warning)" in out


def test_serve_listens_on_the_bind_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dossier.serve

    site = copy_site(tmp_path / "site")
    seen: dict[str, object] = {}

    def fake_serve(*args: object, host: str = "", **kwargs: object) -> None:
        seen["host"] = host

    monkeypatch.setattr(dossier.serve, "serve", fake_serve)
    assert main(["serve", "--site", str(site)]) == 0
    assert seen["host"] == "127.0.0.1" == dossier.serve.HOST  # only this computer, unless asked
    assert main(["serve", "--site", str(site), "--bind", "::1"]) == 0
    assert seen["host"] == "::1"


def test_serve_on_an_address_of_no_interface_fails_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    assert main(["serve", "--site", str(site), "--bind", "192.0.2.1", "--port", "0", "-q"]) == 1
    out = capsys.readouterr().out
    assert "cannot serve on 192.0.2.1" in out and "Traceback" not in out
