"""Input built to hurt: alias bombs, odd file names, huge files. Each ends in a clear message (or a
correct result) quickly, never in a hang, a traceback or a file from outside the site."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from dossier.cli import main
from dossier.errors import describe_value, printable
from dossier.load import MAX_ARTICLE_BYTES
from dossier.yamlfast import ALIAS_EXPANSION_LIMIT, SafeLoader
from tests.conftest import ROOT

SEED = "vox-behind-iraqs-call-to-remove-us-led-forces.md"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """``a: &a [x, …]``, ``b: &b [*a, …]``, …: a few hundred bytes for ``width ** levels`` values."""
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = [f"a: &a [{', '.join('x' * width)}]"]
    for previous, name in pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * width)}]")
    return "\n".join(lines) + "\n"


def nested(levels: int, width: int = 9) -> list:
    value: list = ["x"] * width
    for _ in range(levels - 1):
        value = [value] * width
    return value


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A one-article site, built once."""
    folder = tmp_path / "site"
    (folder / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "articles" / SEED, folder / "articles" / SEED)
    shutil.copy(ROOT / "entities.yaml", folder / "entities.yaml")
    (folder / "site.yaml").write_text("title: Test\nsearch: false\n", encoding="utf-8")
    assert main(["build", "--site", str(folder), "-q"]) == 0
    return folder


def build(site: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["build", "--site", str(site), *options])
    return code, capsys.readouterr().out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --- values in messages ----------------------------------------------------------------------------


def test_a_value_of_hundreds_of_millions_of_shared_parts_is_described_at_once() -> None:
    shown = describe_value(nested(9))  # 9**9 parts if expanded: only a lazy walk returns at all
    assert shown.startswith("[[[[[[[[['x', 'x'") and shown.endswith("…") and len(shown) <= 61


def test_values_are_described_as_repr_when_short() -> None:
    for value in ("2024-13-45", "news\\iraq", 3, None, True, ["a", 1], {"k": "v"}):
        assert describe_value(value) == repr(value)
    assert describe_value("x" * 100) == "'" + "x" * 59 + "…"
    assert "digits" in describe_value(10**5000)
    loop: list = []
    loop.append(loop)
    assert describe_value(loop).endswith("…")


def test_printable_escapes_what_a_terminal_would_act_on() -> None:
    assert printable("plain name.md") == "plain name.md"
    assert printable("اسم.md") == "اسم.md"
    assert printable("a\x1b[31mred\nline\t.md") == "a\\x1b[31mred\\nline\\t.md"
    assert printable("bad\udcff.md") == "bad\\xff.md"  # a byte that is not UTF-8, as the disk gave it
    assert printable("evil\u202etxt.md") == "evil\\u202etxt.md"


# --- YAML aliases ----------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_at_once_at_the_anchor_to_blame() -> None:
    with pytest.raises(yaml.YAMLError) as error:  # refused before any alias is expanded
        yaml.load(alias_bomb(), Loader=SafeLoader)
    assert f"more than {ALIAS_EXPANSION_LIMIT:,} values" in str(error.value)
    assert error.value.problem_mark.line == 5  # type: ignore[attr-defined]  # f: the first one too big


def test_aliases_within_bounds_still_load() -> None:
    data = yaml.load(alias_bomb(levels=4), Loader=SafeLoader)
    assert data["d"] == nested(4)
    assert yaml.load("a: &x [1, 2]\nb: *x\n", Loader=SafeLoader) == {"a": [1, 2], "b": [1, 2]}


def test_a_number_too_long_to_convert_stays_text() -> None:
    assert yaml.load("title: " + "1" * 5000, Loader=SafeLoader) == {"title": "1" * 5000}


def test_a_large_aliased_value_in_a_flag_is_named_briefly(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frontmatter = "title: Aliases\n" + alias_bomb(levels=5) + "draft: *d\n"
    (site / "articles" / "aliases.md").write_text(f"---\n{frontmatter}---\nText.\n", encoding="utf-8")
    code, out = build(site, capsys)
    assert code == 1
    assert "articles/aliases.md:8: 'draft' must be true or false, found [[[['x', 'x'" in out
    assert max(len(line) for line in out.splitlines()) < 200


# --- file names and sizes --------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_an_error_of_that_file(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = (site / "articles").as_posix().encode() + b"/caf\xe9.md"
    path = Path(name.decode("utf-8", "surrogateescape"))
    path.write_text("---\ntitle: Café\n---\nText.\n", encoding="utf-8")
    before = snapshot(site / "_site")
    code, out = build(site, capsys)
    assert code == 1
    assert "articles/caf\\xe9.md: the file name is not valid UTF-8; rename the file" in out
    assert "internal error" not in out and "Traceback" not in out
    assert snapshot(site / "_site") == before
    code, out = build(site, capsys, "--keep-going")
    assert code == 0
    assert "warning: articles/caf\\xe9.md: the file name is not valid UTF-8" in out


def test_control_characters_in_file_names_are_shown_escaped(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "articles" / "red\x1b[31m\nname.md").write_text("---\ntitle: [x\n---\nText.\n", encoding="utf-8")
    code, out = build(site, capsys)
    assert code == 1
    assert "error: articles/red\\x1b[31m\\nname.md:2: invalid YAML" in out
    assert "\x1b" not in out


def test_an_article_above_the_size_limit_is_refused_without_being_read(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = site / "articles" / "huge.md"
    with huge.open("w", encoding="utf-8") as file:
        file.write("---\ntitle: Huge\ndate: 2024-02-01\n---\n")
        file.truncate(MAX_ARTICLE_BYTES * 10)  # 50 MB (sparse): mostly NUL, but the size is refused first
    code, out = build(site, capsys)
    assert code == 1
    assert "articles/huge.md: the file has 50.0 MB; an article may have at most 5 MB" in out


# --- links to files outside the site ---------------------------------------------------------------


def test_a_linked_article_outside_the_site_is_skipped_and_never_published(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("Private notes\n\nNot for the site.\n", encoding="utf-8")
    (site / "articles" / "notes.txt").symlink_to(secret)
    (site / "drafts").mkdir()
    (site / "drafts" / "inside.md").write_text(
        "---\ntitle: Linked from inside\n---\nText.\n", encoding="utf-8"
    )
    (site / "articles" / "inside.md").symlink_to(site / "drafts" / "inside.md")
    code, out = build(site, capsys)
    assert code == 0
    assert (
        f"warning: articles/notes.txt: skipped: a link to {secret.resolve()}, outside the site folder" in out
    )
    pages = {p.name for p in (site / "_site" / "articles").glob("*.html")}
    assert "notes.html" not in pages
    assert "inside.html" in pages  # a link inside the site is an article like any other
    assert "Not for the site" not in "".join(
        p.read_text(encoding="utf-8") for p in (site / "_site").rglob("*.html")
    )


def test_a_linked_static_file_outside_the_site_is_not_copied(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "hostname"
    secret.write_text("a-private-host\n", encoding="utf-8")
    static = site / "templates" / "static"
    static.mkdir(parents=True)
    (static / "host.txt").symlink_to(secret)
    (static / "logo.txt").write_text("logo\n", encoding="utf-8")
    (site / "images").mkdir()
    (site / "images" / "mark.txt").write_text("mark\n", encoding="utf-8")
    (static / "mark.txt").symlink_to(site / "images" / "mark.txt")
    code, out = build(site, capsys, "--clean")
    assert code == 0
    assert (
        f"warning: templates/static/host.txt: skipped: a link to {secret.resolve()}, outside the site" in out
    )
    assert not (site / "_site" / "static" / "host.txt").exists()
    assert (site / "_site" / "static" / "logo.txt").read_text(encoding="utf-8") == "logo\n"
    assert (site / "_site" / "static" / "mark.txt").read_text(encoding="utf-8") == "mark\n"
    code, out = build(site, capsys, "--clean", "--strict")
    assert code == 1


# --- feeds and options -----------------------------------------------------------------------------


def test_control_characters_in_any_field_leave_the_feeds_valid_xml(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from xml.etree import ElementTree

    (site / "site.yaml").write_text(
        'title: "Site\\x0b title"\ndescription: "About\\x1b[31m it"\nbase_url: https://example.org/iraq/\n'
        "search: false\n",
        encoding="utf-8",
    )
    (site / "articles" / "control.md").write_text(
        '---\ntitle: "Control\\x01 characters\\x7f in\\uffff a title"\ndate: 2024-02-02\n'
        'source: "Wire\\x02"\nauthor: "A\\x03 Reporter"\nsummary: "Sum\\x04mary"\n---\n'
        "Prime Minister Mohammed Shia al-Sudani spoke.\x05\n",
        encoding="utf-8",
    )
    code, out = build(site, capsys)
    assert code == 0, out
    feeds = [site / "_site" / "feed.xml", *(site / "_site" / "topics").glob("*.xml")]
    assert len(feeds) > 1
    for feed in feeds:
        ElementTree.parse(feed)  # raises on a character XML cannot hold
    text = (site / "_site" / "feed.xml").read_text(encoding="utf-8")
    assert "Control characters\x7f in a title" in text and "Site title" in text


def test_a_base_url_given_on_the_command_line_is_checked_too(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(site / "_site")
    code, out = build(site, capsys, "--base-url", "javascript:alert(1)//")
    assert code == 1
    assert "--base-url must be an http:// or https:// address with a host" in out
    assert snapshot(site / "_site") == before


# --- the preview server ----------------------------------------------------------------------------


def test_the_preview_answers_overlong_addresses_cleanly(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import functools
    import http.client
    import threading
    from http.server import ThreadingHTTPServer

    from dossier.serve import PreviewHandler, PreviewState

    (tmp_path / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    handler = functools.partial(PreviewHandler, state=PreviewState(), directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def status(method: str, path: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        try:
            connection.request(method, path)
            return connection.getresponse().status
        finally:
            connection.close()

    try:
        assert status("GET", "/" + "a" * 60_000) == 414
        assert status("HEAD", "/" + "a" * 60_000) == 414
        assert status("GET", "/" + "a" * 1000 + ".html") in (400, 404)  # one part longer than a file name
        assert status("GET", "/" + "a/" * 900) in (400, 404)
        assert status("GET", "/index.html") == 200
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capfd.readouterr().err


# --- odd text --------------------------------------------------------------------------------------


def test_a_name_and_a_speech_verb_on_the_next_line_extract_without_an_error() -> None:
    """ "Niger\\ntold": the speaker search once read the line break as a word after the name."""
    from datetime import date

    from dossier.extract import extract_article
    from dossier.extract.entities import Matcher
    from dossier.extract.registry import load_registry
    from dossier.model import Article

    matcher = Matcher(load_registry(ROOT / "entities.yaml", base=True))
    for markup in ("text", "markdown"):
        article = Article(
            source_path="articles/odd.txt",
            slug="odd",
            title="Odd",
            body="Niger\ntold",
            markup=markup,
            published=date(2024, 3, 1),
        )
        extract_article(article, matcher)
