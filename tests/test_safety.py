"""Nothing pasted runs in a reader's browser, and a failed build changes nothing.

The hostile articles in fixtures/xss/ (script tags, event handlers, script and data links,
hostile frontmatter) and a hostile registry entry are built, and every page, feed and
export is checked: no script but the site's own, no event handler, no dangerous URL.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from dossier.cli import main
from dossier.pipeline import BuildOptions, build
from dossier.render.pages import PAGE_KINDS
from tests.conftest import FIXTURES, ROOT

XSS = FIXTURES / "xss"
OWN_SCRIPTS = {"site.js", "search.js"}
DANGEROUS_URL = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "style", "base", "frame", "frameset", "applet"}
HOSTILE_ENTITY = {
    "id": "hostile",
    "name": "Hostile <script>alert('entity')</script> Group",
    "type": "group",
    "description": "<img src=x onerror=alert('description')> a group \" onmouseover=\"alert(1)",
    "aliases": ["Hostile Group"],
}


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def problems_in(html: str, where: str) -> list[str]:
    parser = Elements()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in FORBIDDEN_TAGS:
            found.append(f"{where}: <{tag}>")
        if tag == "script" and Path(attrs.get("src", "")).name not in OWN_SCRIPTS:
            found.append(f"{where}: <script {attrs}>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            found.append(f"{where}: meta refresh")
        if tag == "form" and not attrs.get("action", "search.html").endswith("search.html"):
            found.append(f"{where}: <form {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{where}: <{tag} {name}=…>")
            cleaned = re.sub(r"[\x00-\x20]", "", unescape(value))
            if name in URL_ATTRIBUTES and DANGEROUS_URL.match(cleaned):
                found.append(f"{where}: <{tag} {name}={value!r}>")
    return found


def hostile_site(folder: Path, allow_html: bool = False) -> Path:
    (folder / "articles").mkdir(parents=True)
    for article in XSS.glob("*.md"):
        shutil.copy(article, folder / "articles" / article.name)
    shutil.copy(ROOT / "articles" / "vox-behind-iraqs-call-to-remove-us-led-forces.md", folder / "articles")
    registry = yaml.safe_load((ROOT / "entities.yaml").read_text(encoding="utf-8"))
    registry["entities"].append(HOSTILE_ENTITY)
    (folder / "entities.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    (folder / "articles" / "mentions-hostile.md").write_text(
        "---\ntitle: Naming the group\ndate: 2024-01-07\n---\nThe Hostile Group met Sudani.\n",
        encoding="utf-8",
    )
    (folder / "site.yaml").write_text(
        "title: \"<script>alert('site')</script>\"\nbase_url: https://example.org/iraq/\n"
        f"allow_html: {'true' if allow_html else 'false'}\n",
        encoding="utf-8",
    )
    build(BuildOptions(site=folder, jobs=1))
    return folder / "_site"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_site(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_with_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_site(tmp_path_factory.mktemp("hostile-html"), allow_html=True)


@pytest.mark.parametrize("site_name", ["hostile", "hostile_with_html"])
def test_no_page_carries_a_script_handler_or_dangerous_link(
    site_name: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    found = []
    for page in pages:
        found += problems_in(page.read_text(encoding="utf-8"), page.relative_to(site).as_posix())
    assert found == []


def test_hostile_text_is_shown_as_text(hostile: Path) -> None:
    body = (hostile / "articles/hostile-body.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('body')&lt;/script&gt;" in body
    assert "[one](javascript:alert('link'))" in body  # a refused link stays as written
    assert "![pixel](data:image/png;base64,iVBORw0KGgo=)" in body
    assert 'href="https://example.org/report"' in body
    front = (hostile / "articles/hostile-frontmatter.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in front
    assert "&lt;img src=x onerror=alert(&#39;author&#39;)&gt;" in front
    assert 'href="https://example.org/?q=&#34;&gt;&lt;script&gt;' in front
    topic = (hostile / "topics/hostile.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(&#39;description&#39;)&gt;" in topic


def test_allowed_html_is_sanitized_not_dropped(hostile_with_html: Path) -> None:
    body = (hostile_with_html / "articles/hostile-body.html").read_text(encoding="utf-8")
    assert '<b><span class="s" data-s="s1">bold</span></b>' in body  # kept, with the sentence markup
    assert "alert('body')" not in body.split('class="prose"')[1]
    assert "a raw link" in body
    assert 'href="https://example.org/report"' in body
    assert "&lt;script&gt;alert('in a code block" in body  # code stays code


def test_every_page_has_a_content_security_policy(hostile: Path) -> None:
    for page in hostile.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy is not None, page
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
        assert "unsafe-inline" not in policy.group(1)


def test_feeds_carry_escaped_html_that_is_itself_safe(hostile: Path) -> None:
    feeds = [hostile / "feed.xml", *sorted((hostile / "topics").glob("*.xml"))]
    assert len(feeds) > 1
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()  # well-formed, whatever the titles held
        for element in root.iter():
            if element.get("type") == "html" and element.text:
                assert problems_in(element.text, feed.name) == []
            for name in ("href", "src"):
                assert not DANGEROUS_URL.match(element.get(name, "")), feed


def test_json_exports_parse_and_timelinejs_text_is_escaped(hostile: Path) -> None:
    for export in (hostile / "data").glob("*.json"):
        json.loads(export.read_text(encoding="utf-8"))
    slides = json.loads((hostile / "data/timelinejs.json").read_text(encoding="utf-8"))
    assert "<script>" not in json.dumps(slides["title"])  # TimelineJS shows these fields as HTML
    for event in slides["events"]:
        for value in event.get("text", {}).values():
            assert problems_in(value, "timelinejs.json") == []
            assert "<script" not in value


# --- a failed build changes nothing ------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="session")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("built") / "site"
    (site / "articles").mkdir(parents=True)
    for name in ("vox-behind-iraqs-call-to-remove-us-led-forces.md", "medium-a-new-era-in-iraq.md"):
        shutil.copy(ROOT / "articles" / name, site / "articles" / name)
    shutil.copy(ROOT / "entities.yaml", site / "entities.yaml")
    (site / "site.yaml").write_text("title: Iraq\nbase_url: https://example.org/\n", encoding="utf-8")
    assert main(["build", "--site", str(site), "-q"]) == 0
    return site


@pytest.fixture
def built(tmp_path: Path, built_once: Path) -> Path:
    """A two-article site, built (a copy of one built once, with its output and cache)."""
    return Path(shutil.copytree(built_once, tmp_path / "site", symlinks=True))


def _break_topic_template(site: Path) -> None:
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "topic.html").write_text(
        '{% extends "base.html" %}{% block content %}\n<p>{{ 1 // 0 }}</p>\n{% endblock %}\n',
        encoding="utf-8",
    )


@pytest.mark.parametrize("kind", ["whole site", "changed pages only"])
def test_a_build_failing_while_rendering_leaves_the_site_byte_identical(
    kind: str, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(built / "_site")
    if kind == "whole site":
        _break_topic_template(built)  # a template change rewrites the whole site
    else:  # an edit re-renders an article page (written first) and its topic pages (which fail)
        path = built / "articles" / "medium-a-new-era-in-iraq.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nSudani spoke again.\n", encoding="utf-8")
        monkey = pytest.MonkeyPatch()
        monkey.setitem(PAGE_KINDS, "topic", replace(PAGE_KINDS["topic"], plan=_explode))
    capsys.readouterr()
    try:
        code = main(["build", "--site", str(built), "-q", "--jobs", "1"])
    finally:
        if kind != "whole site":
            monkey.undo()
    out = capsys.readouterr().out
    assert code == 1
    assert "Traceback" not in out
    if kind == "whole site":
        assert "templates/topic.html:2: template error" in out and "ZeroDivisionError" in out
    else:
        assert "internal error: RuntimeError: planned failure" in out and "--debug" in out
    assert snapshot(built / "_site") == before
    assert not [p for p in built.iterdir() if p.name.startswith(".") and p.name != ".dossier-cache"]


def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("planned failure")


def test_debug_shows_the_traceback(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break_topic_template(built)
    monkeypatch.setattr("dossier.render.pages.Planner", _explode)
    with pytest.raises(RuntimeError, match="planned failure"):
        main(["build", "--site", str(built), "-q", "--debug"])


def test_the_output_guard_refuses_folders_dossier_did_not_make(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home_like = tmp_path / "documents"
    home_like.mkdir()
    (home_like / "thesis.docx").write_bytes(b"years of work")
    for output in (home_like, built, built / "articles"):
        capsys.readouterr()
        assert main(["build", "--site", str(built), "--output", str(output), "--clean", "-q"]) == 1
        assert "error:" in capsys.readouterr().out
    assert (home_like / "thesis.docx").read_bytes() == b"years of work"
    assert len(list((built / "articles").iterdir())) == 2
