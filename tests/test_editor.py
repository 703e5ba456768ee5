"""Editor commands: new, check, --strict, future-dated articles, and the serve preview."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.new import create_article
from dossier.pipeline import BuildOptions, build
from dossier.serve import ENDPOINT, serve
from tests.conftest import copy_site, load_folder

ATOM = "{http://www.w3.org/2005/Atom}"


def test_new_writes_complete_frontmatter_that_loads_as_a_draft(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    path = create_article(site, "Iraq’s PM: “No more delays”", today=date(2025, 3, 4))
    assert path == site / "articles" / "iraqs-pm-no-more-delays.md"
    text = path.read_text(encoding="utf-8")
    for key in (
        "title:",
        "date: 2025-03-04",
        "source:",
        "author:",
        "url:",
        "tags:",
        "summary:",
        "draft: true",
        'slug: "iraqs-pm-no-more-delays"',
    ):
        assert key in text
    loaded = load_folder(site / "articles", site, drafts=True)
    new = next(a for a in loaded.articles if a.source_path.endswith("iraqs-pm-no-more-delays.md"))
    assert new.title == "Iraq’s PM: “No more delays”"
    assert new.draft
    assert new.slug == "iraqs-pm-no-more-delays"
    assert not any("iraqs-pm" in w for w in loaded.warnings)
    with pytest.raises(Exception, match="already exists"):
        create_article(site, "Iraq’s PM: “No more delays”")


def test_new_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = copy_site(tmp_path / "site")
    assert main(["new", "Talks resume in Baghdad", "--site", str(site)]) == 0
    assert (site / "articles" / "talks-resume-in-baghdad.md").is_file()
    assert "Created" in capsys.readouterr().out
    # a draft: left out of a build unless --drafts
    assert build(BuildOptions(site=site)).summary["articles"] == 5
    assert build(BuildOptions(site=site, drafts=True)).summary["articles"] == 6


def test_check_passes_on_the_seed_site_and_fails_on_a_broken_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    assert main(["check", "--site", str(site)]) == 0
    assert "Check passed" in capsys.readouterr().out
    templates = site / "templates"
    templates.mkdir()
    (templates / "404.html").write_text(
        '{% extends "base.html" %}{% block content %}<a href="nowhere.html">x</a>'
        '<a href="index.html#no-such-id">y</a>{% endblock %}',
        encoding="utf-8",
    )
    assert main(["check", "--site", str(site)]) == 1
    out = capsys.readouterr().out
    assert "404.html: nowhere.html (no such file)" in out
    assert "404.html: index.html#no-such-id (no such id)" in out


def test_check_reports_invalid_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = copy_site(tmp_path / "site")
    (site / "articles" / "bad.md").write_text("---\ntitle: [unclosed\n---\nText\n", encoding="utf-8")
    assert main(["check", "--site", str(site)]) == 1
    assert "articles/bad.md:2" in capsys.readouterr().out


def test_strict_turns_warnings_into_a_failure_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    assert main(["build", "--site", str(site), "-q", "--base-url", "https://example.org/"]) == 0
    before = {p: p.read_bytes() for p in (site / "_site").rglob("*") if p.is_file()}
    article = next((site / "articles").glob("*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("---\n", "---\nmood: calm\n", 1), "utf-8")
    capsys.readouterr()
    assert main(["build", "--site", str(site), "-q", "--strict", "--base-url", "https://example.org/"]) == 1
    out = capsys.readouterr().out
    assert "unknown" in out and "mood" in out and "--strict" in out
    assert {p: p.read_bytes() for p in (site / "_site").rglob("*") if p.is_file()} == before
    assert main(["build", "--site", str(site), "-q", "--base-url", "https://example.org/"]) == 0


def test_without_base_url_feeds_and_sitemap_are_skipped_with_a_note(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    result = build(BuildOptions(site=site))
    assert any("base_url" in note for note in result.notes)
    assert not any("base_url" in w for w in result.warnings)  # not published yet: nothing to fix
    assert not (result.output / "feed.xml").exists()
    assert not (result.output / "sitemap.xml").exists()
    assert "Sitemap:" not in (result.output / "robots.txt").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in (result.output / "index.html").read_text(encoding="utf-8")


def test_feed_options_without_base_url_are_a_warning_that_strict_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("feed_items: 10\n")
    result = build(BuildOptions(site=site))
    assert any("no base_url" in w for w in result.warnings) and not result.notes
    assert main(["build", "--site", str(site), "-q", "--strict"]) == 1
    assert "no base_url" in capsys.readouterr().out
    assert main(["build", "--site", str(site), "-q", "--strict", "--base-url", "https://example.org/"]) == 0


def test_feeds_are_valid_atom_with_absolute_links(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    result = build(BuildOptions(site=site, base_url="https://example.org/iraq/"))
    out = result.output
    feeds = [out / "feed.xml", *sorted((out / "topics").glob("*.xml"))]
    assert len(feeds) == 1 + len(list((out / "topics").glob("*.html"))) - 1  # a feed per topic page
    for path in feeds:
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed"
        for required in ("id", "title", "updated"):
            assert root.find(f"{ATOM}{required}") is not None, (path, required)
        assert root.find(f"{ATOM}author/{ATOM}name") is not None
        self_link = root.find(f"{ATOM}link[@rel='self']")
        assert self_link is not None and self_link.get("href", "").startswith("https://example.org/iraq/")
        entries = root.findall(f"{ATOM}entry")
        assert entries
        for entry in entries:
            for required in ("id", "title", "updated"):
                assert (entry.findtext(f"{ATOM}{required}") or "").strip(), (path, required)
            link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
            assert link.startswith("https://example.org/iraq/articles/")
            assert (out / link.removeprefix("https://example.org/iraq/")).is_file()
    site_feed = ET.parse(out / "feed.xml").getroot()
    assert len(site_feed.findall(f"{ATOM}entry")) == 5
    content = site_feed.find(f"{ATOM}entry/{ATOM}content").text
    assert 'href="https://example.org/iraq/topics/' in content  # full text, links made absolute
    assert 'href="../' not in content


def test_sitemap_lists_every_page_once_with_absolute_urls(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    out = build(BuildOptions(site=site, base_url="https://example.org/iraq")).output
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [e.text for e in ET.parse(out / "sitemap.xml").getroot().iter(f"{ns}loc")]
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")} - {"404.html", "search.html"}
    moved = {p for p in pages if 'http-equiv="refresh"' in (out / p).read_text(encoding="utf-8")}
    assert "articles/behind-iraqs-call-to-remove-us-led-forces.html" in moved  # a former address
    assert sorted(locs) == sorted(f"https://example.org/iraq/{p}" for p in pages - moved)
    assert "Sitemap: https://example.org/iraq/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/iraq/index.html">' in index
    assert '<meta property="og:title"' in index and '<meta name="twitter:card"' in index


def test_future_dated_articles_are_built_and_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    (site / "articles" / "ahead.md").write_text(
        "---\ntitle: Scheduled piece\ndate: 2099-01-01\n---\nIraq will hold talks.\n", encoding="utf-8"
    )
    assert main(["build", "--site", str(site), "-q"]) == 0
    out = capsys.readouterr().out
    assert "1 article is dated in the future" in out and "articles/ahead.md" in out
    assert (site / "_site" / "articles" / "ahead.html").is_file()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for(condition, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_serve_rebuilds_on_change_and_shows_errors_on_the_page(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    output = site / ".dossier-cache" / "preview"
    found: list[str] = []
    errors: list[list[str]] = []
    stop = threading.Event()

    def rebuild() -> None:
        build(BuildOptions(site=site, output=output, jobs=1))

    thread = threading.Thread(
        target=serve, args=(site, output, 0, rebuild, errors.append, found.append, stop), daemon=True
    )
    thread.start()
    try:
        _wait_for(lambda: bool(found))
        url = found[0]
        assert url.startswith("http://127.0.0.1:")
        status, page = _get(url)
        assert status == 200 and f'src="{ENDPOINT}reload.js"' in page  # the live-reload script
        _, first = _get(url + ENDPOINT.lstrip("/") + "build")

        article = next((site / "articles").glob("*.md"))
        original = article.read_text(encoding="utf-8")
        article.write_text(original.replace("title:", "title: Edited —", 1), encoding="utf-8")
        _wait_for(lambda: _get(url + ENDPOINT.lstrip("/") + "build")[1] != first)
        status, listing = _get(url + "articles/index.html")
        assert status == 200 and "Edited —" in listing

        article.write_text("---\ntitle: [broken\n---\nText\n", encoding="utf-8")
        _wait_for(lambda: _get(url + "index.html")[0] == 500)
        status, page = _get(url + "index.html")
        assert "could not be built" in page and article.name in page
        assert errors and article.name in errors[-1][0]

        article.write_text(original, encoding="utf-8")
        _wait_for(lambda: _get(url + "index.html")[0] == 200)
        assert (site / "_site").exists() is False  # the preview leaves the published site alone
    finally:
        stop.set()
        thread.join(timeout=10)
