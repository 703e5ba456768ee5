"""``init``: a new site that builds at once and under --strict; the message for a folder that is no site."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dossier.cli import main
from dossier.config import SiteConfig, load_config
from dossier.extract.registry import load_registry
from dossier.scaffold import gitignore_text
from tests.conftest import load_folder

ROOT = Path(__file__).resolve().parents[1]


def test_init_then_build_in_an_empty_folder_gives_a_working_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "new-site"
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out
    assert "Created" in out and "Built 1 article:" in out  # init builds at once and says what it built
    assert (site / "_site" / "index.html").is_file()
    assert (site / "_site" / "topics" / "ana-lindqvist.html").is_file()  # the example entity matched
    assert main(["build", "--site", str(site), "--strict", "--clean"]) == 0
    out = capsys.readouterr().out
    assert "Built 1 article:" in out and "(0 warnings)" in out
    assert "note: site.yaml: no base_url" in out  # said, but not a warning


def test_init_writes_every_option_and_files_that_load(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert main(["init", str(site), "-q"]) == 0
    text = (site / "site.yaml").read_text(encoding="utf-8")
    for option in dataclasses.fields(SiteConfig):
        assert f"\n{option.name}:" in text or f"\n# {option.name}:" in text, option.name
    assert load_config(site / "site.yaml") == dataclasses.replace(
        SiteConfig(), title="My dossier", description=load_config(site / "site.yaml").description
    )
    uncommented = text.replace("# base_url:", "base_url:").replace("# feed_items:", "feed_items:")
    (site / "site.yaml").write_text(uncommented, encoding="utf-8")
    assert load_config(site / "site.yaml").feed_items == 20  # the commented values are valid too
    registry = load_registry(site / "entities.yaml")
    assert {"riverton-city-council", "ana-lindqvist"} <= set(registry.entities)
    loaded = load_folder(site / "articles", site)
    assert not loaded.errors and not loaded.warnings
    (article,) = loaded.articles
    assert article.published is not None and article.source and article.url
    assert {"_site/", ".dossier-cache/"} <= set((site / ".gitignore").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("existing", ["site.yaml", "entities.yaml", "articles"])
def test_init_refuses_a_folder_that_holds_a_site(
    existing: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    if existing == "articles":
        (site / existing).mkdir()
    else:
        (site / existing).write_text("# mine\n", encoding="utf-8")
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert main(["init", str(site)]) == 1
    out = capsys.readouterr().out
    assert "already holds a site" in out and existing in out and "nothing was written" in out
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    if existing != "articles":
        assert (site / existing).read_text(encoding="utf-8") == "# mine\n"


def test_init_defaults_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "-q"]) == 0
    assert (tmp_path / "site.yaml").is_file() and (tmp_path / "_site" / "index.html").is_file()


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ("", "# what `dossier build` writes"),
        ("*.log\n", "*.log\n"),
        ("*.log", "*.log\n"),
        ("_site/\n.dossier-cache/\n._site.*/\n", "_site/\n.dossier-cache/\n._site.*/\n"),
    ],
)
def test_gitignore_keeps_its_lines_and_gains_the_builds_folders(existing: str, expected: str) -> None:
    text = gitignore_text(existing)
    assert text.startswith(expected)
    assert {"_site/", ".dossier-cache/", "._site.*/"} <= set(text.split("\n"))
    assert gitignore_text(text) == text  # a second run adds nothing


def test_a_folder_that_is_no_site_says_so_and_how_to_start_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["build"], ["check"], ["suggest"], ["new", "A title"], ["serve", "--port", "0"]):
        assert main([*command, "--site", str(tmp_path)]) == 1
        out = capsys.readouterr().out
        assert "is not a dossier site" in out, command
        assert f"dossier init {tmp_path}" in out
        assert "entity registry not found" not in out and "previous site" not in out
    assert list(tmp_path.iterdir()) == []  # nothing was written


def test_a_failure_without_a_previous_site_does_not_claim_to_have_kept_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["init", str(site), "-q"]) == 0
    capsys.readouterr()
    (site / "articles" / "broken.md").write_text("---\ntitle: [oops\n---\nText\n", encoding="utf-8")
    assert main(["--site", str(site), "-q"]) == 1
    assert "the previous site was left as it was" in capsys.readouterr().out
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "entities.yaml").write_text("entities: []\n", encoding="utf-8")
    (fresh / "articles").mkdir()
    (fresh / "articles" / "broken.md").write_text("---\ntitle: [oops\n---\nText\n", encoding="utf-8")
    assert main(["--site", str(fresh), "-q"]) == 1
    out = capsys.readouterr().out
    assert "articles/broken.md:2" in out and "Build failed" in out
    assert "previous site" not in out


def test_installed_command_and_build_py_name_themselves_in_help(tmp_path: Path) -> None:
    dossier = Path(sys.executable).parent / "dossier"
    installed = subprocess.run([str(dossier), "--help"], capture_output=True, text=True, check=True)
    assert installed.stdout.startswith("usage: dossier ")
    assert "init" in installed.stdout
    script = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--help"], capture_output=True, text=True, check=True
    )
    assert script.stdout.startswith("usage: build.py ")


def test_site_yaml_of_init_is_plain_yaml_with_comments(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "-q"]) == 0
    text = (tmp_path / "site.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert set(data) == {f.name for f in dataclasses.fields(SiteConfig)} - {"base_url", "feed_items"}
    assert sum(line.startswith("#") for line in text.splitlines()) >= len(data)  # every option explained


def test_every_option_is_in_the_readme_table_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip()
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    for option in dataclasses.fields(SiteConfig):
        assert option.name in rows, option.name
        default = option.default
        if isinstance(default, bool):
            assert rows[option.name] == f"`{str(default).lower()}`"
        elif isinstance(default, (int, str)) and default != "":
            assert rows[option.name] == f"`{default}`", option.name
    assert "dossier init" in readme and "suggest --add" in readme
