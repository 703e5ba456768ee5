"""The loader: table-driven cases for Markdown and plain-text articles, and the errors users see."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.errors import ContentError
from dossier.load import read_article
from tests.conftest import load_folder

GOOD = [
    (
        "markdown with frontmatter",
        "a.md",
        "---\ntitle: A title\ndate: 2024-01-07\nsource: Vox\n"
        "author: [A, B]\ntags: [Politics]\n---\n\nBody text.\n",
        {
            "title": "A title",
            "published": date(2024, 1, 7),
            "source": "Vox",
            "authors": ("A", "B"),
            "tags": ("Politics",),
            "body": "Body text.",
        },
    ),
    (
        "datetime and unknown values",
        "b.md",
        "---\ntitle: 'Q: and A'\ndate: 2024-01-07T20:11:00\nsource: unknown\n---\nText",
        {"title": "Q: and A", "published": date(2024, 1, 7), "source": None, "body": "Text"},
    ),
    (
        "unknown date stays unknown",
        "c.md",
        "---\ntitle: T\ndate: unknown\n---\nText",
        {"published": None},
    ),
    (
        "plain text: the first line is the title",
        "d.txt",
        "\n\nThe Title Line\n\nFirst paragraph.\n\nSecond paragraph.\n",
        {"title": "The Title Line", "markup": "text", "body": "First paragraph.\n\nSecond paragraph."},
    ),
    (
        "plain text with a header block",
        "e.txt",
        "title: From the header\ndate: 2024-01-09\ntags: Iraq, Coalition\n---\nThe body.\n",
        {
            "title": "From the header",
            "published": date(2024, 1, 9),
            "tags": ("Iraq", "Coalition"),
            "body": "The body.",
        },
    ),
    (
        "a colon in the first line is not a header without ---",
        "f.txt",
        "Analysis: what comes next\n\nBody.\n",
        {"title": "Analysis: what comes next", "body": "Body."},
    ),
    (
        "BOM and CRLF line endings",
        "g.md",
        "\ufeff---\r\ntitle: T\r\n---\r\n\r\nLine one.\r\nLine two.\r\n",
        {"title": "T", "body": "Line one.\nLine two."},
    ),
]


@pytest.mark.parametrize(("name", "filename", "text", "expected"), GOOD, ids=[g[0] for g in GOOD])
def test_reads_articles(tmp_path: Path, name: str, filename: str, text: str, expected: dict) -> None:
    path = tmp_path / filename
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path, filename, [])
    for key, value in expected.items():
        assert getattr(article, key) == value, key


BAD = [
    ("malformed YAML names the line", "---\ntitle: T\ndate: [2024\n---\nText", "x.md:3"),
    ("unclosed frontmatter", "---\ntitle: T\n\nText", "never closed"),
    ("frontmatter that is not a mapping", "---\n- a\n- b\n---\nText", "must be a mapping"),
    ("missing title", "---\ndate: 2024-01-01\n---\nText", "missing 'title'"),
    ("unparseable date", "---\ntitle: T\ndate: next Tuesday\n---\nText", "'date' must be a date"),
    ("empty file", "   \n\n", "empty file"),
    ("absolute slug", "---\ntitle: T\nslug: /etc/passwd\n---\nText", "absolute path"),
    ("slug with ..", "---\ntitle: T\nslug: ../up\n---\nText", "must not contain '..'"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_articles_raise_located_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_article(path, "x.md", [])
    assert str(caught.value).startswith("x.md")
    assert message in str(caught.value)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x00\x00\x00")
    with pytest.raises(ContentError, match="binary file"):
        read_article(path, "x.txt", [])


def test_unknown_keys_and_string_tags_warn(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: T\ncolour: red\ntags: a, b\n---\nText", encoding="utf-8")
    warnings: list[str] = []
    article = read_article(path, "x.md", warnings)
    assert article.tags == ("a", "b")
    assert any("unknown frontmatter key 'colour'" in w for w in warnings)
    assert any("comma-separated" in w for w in warnings)


def test_folder_load_collects_every_error_and_addresses_come_from_file_names(tmp_path: Path) -> None:
    (tmp_path / "articles" / "sub").mkdir(parents=True)
    (tmp_path / "articles" / "one.md").write_text(
        "---\ntitle: Same Title\ndate: 2024-01-01\n---\nA", encoding="utf-8"
    )
    (tmp_path / "articles" / "sub" / "two.md").write_text(
        "---\ntitle: Same Title\ndate: 2024-01-02\n---\nB", encoding="utf-8"
    )
    (tmp_path / "articles" / "bad1.md").write_text("---\ndate: 2024-01-01\n---\nA", encoding="utf-8")
    (tmp_path / "articles" / "bad2.md").write_text("", encoding="utf-8")
    (tmp_path / "articles" / "draft.md").write_text(
        "---\ntitle: Draft\ndraft: true\n---\nA", encoding="utf-8"
    )
    result = load_folder(tmp_path / "articles", tmp_path)
    assert sorted(e.path for e in result.errors) == ["articles/bad1.md", "articles/bad2.md"]
    assert sorted(a.slug for a in result.articles) == ["one", "two"]  # one title, two addresses
    assert not result.warnings


def test_two_files_with_one_name_in_different_folders_are_an_error_naming_both(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.md").write_text("---\ntitle: A\n---\nA", encoding="utf-8")
    (tmp_path / "b" / "report.md").write_text("---\ntitle: B\n---\nB", encoding="utf-8")
    result = load_folder(tmp_path, tmp_path)
    assert [e.path for e in result.errors] == ["b/report.md"]
    assert "address 'report' (from its file name) is also claimed by a/report.md" in str(result.errors[0])


def test_a_slug_may_not_take_another_files_name(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text("---\ntitle: A\n---\nA", encoding="utf-8")
    (tmp_path / "z.md").write_text("---\ntitle: B\nslug: report\n---\nB", encoding="utf-8")
    result = load_folder(tmp_path, tmp_path)
    assert [(e.path, "also claimed by report.md" in str(e)) for e in result.errors] == [("z.md", True)]


def test_explicit_slugs_must_not_collide(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\nslug: same\n---\nA", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\nslug: same\n---\nB", encoding="utf-8")
    result = load_folder(tmp_path, tmp_path)
    assert [e.path for e in result.errors] == ["b.md"]
    assert "also claimed by a.md" in str(result.errors[0])


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Caf\xe9 society\n\nBody".encode("cp1252"))
    warnings: list[str] = []
    article = read_article(path, "x.txt", warnings)
    assert article.title == "Café society"
    assert "Windows-1252" in warnings[0]


NEAR_MISSES = [
    ("titel", "---\ntitel: T\ndate: 2024-01-01\n---\nText", "x.md:2: missing 'title'; found 'titel'"),
    ("Tittle", "---\ndate: 2024-01-01\nTittle: T\n---\nText", "x.md:3: missing 'title'; found 'Tittle'"),
    ("tilte", "---\ntilte: T\n---\nText", "did you mean 'title'?"),
    ("no near miss", "---\nsubject: T\n---\nText", "x.md:1: missing 'title'; add 'title: …'"),
]


@pytest.mark.parametrize(("name", "text", "message"), NEAR_MISSES, ids=[n[0] for n in NEAR_MISSES])
def test_missing_title_names_the_key_that_looks_like_it(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_article(path, "x.md", [])
    assert message in str(caught.value)


DATELESS = [
    ("markdown without date", "x.md", "---\ntitle: T\n---\nText", "x.md: no 'date' key"),
    (
        "mistyped date key, warned once",
        "x.md",
        "---\ntitle: T\ndaet: 2024-01-01\n---\nText",
        "x.md:3: unknown frontmatter key 'daet' ignored (did you mean 'date'?)",
    ),
    ("text header without date", "x.txt", "title: T\nsource: S\n---\nText", "x.txt: no 'date' key"),
    ("date unknown", "x.md", "---\ntitle: T\ndate: unknown\n---\nText", None),
    ("dated", "x.md", "---\ntitle: T\ndate: 2024-01-01\n---\nText", None),
    ("pasted text, no header", "x.txt", "A title\n\nText of the article.\n", None),
]


@pytest.mark.parametrize(("name", "filename", "text", "warning"), DATELESS, ids=[d[0] for d in DATELESS])
def test_an_article_without_a_date_key_is_a_warning_naming_the_file(
    tmp_path: Path, name: str, filename: str, text: str, warning: str | None
) -> None:
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    warnings: list[str] = []
    article = read_article(path, filename, warnings)
    dateless = [w for w in warnings if "'date'" in w]
    if warning is None:
        assert dateless == []
    else:
        assert len(dateless) == 1 and dateless[0].startswith(warning)
    assert article.title


def test_unknown_keys_suggest_the_known_key_they_resemble(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: T\ndate: 2024-01-01\nsumary: S\ncolour: red\n---\nText", encoding="utf-8")
    warnings: list[str] = []
    read_article(path, "x.md", warnings)
    assert "x.md:4: unknown frontmatter key 'sumary' ignored (did you mean 'summary'?)" in warnings
    assert any(w.startswith("x.md:5: unknown frontmatter key 'colour' ignored (known: ") for w in warnings)


@pytest.mark.parametrize(
    ("header", "key", "expected"),
    [
        ("published: 2023-07-27", "published", date(2023, 7, 27)),
        ("pubdate: 2023-07-27", "published", date(2023, 7, 27)),
        ("outlet: Reuters", "source", "Reuters"),
        ("headline: Soldiers take power", "title", "Soldiers take power"),
    ],
)
def test_common_other_names_of_keys_are_read_as_those_keys(
    tmp_path: Path, header: str, key: str, expected: object
) -> None:
    path = tmp_path / "a.txt"
    others = {"title": "title: A title", "published": "date: 2023-07-27"}
    lines = [header, *(line for name, line in others.items() if name != key)]
    path.write_text("\n".join(lines) + "\n---\nBody text.\n", encoding="utf-8")
    warnings: list[str] = []
    article = read_article(path, "a.txt", warnings)
    assert getattr(article, key) == expected
    assert not warnings


def test_a_synonym_beside_its_own_key_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\ndate: 2024-01-02\npublished: 2023-07-27\n---\nBody.\n", encoding="utf-8")
    warnings: list[str] = []
    assert read_article(path, "a.md", warnings).published == date(2024, 1, 2)
    assert warnings == ["a.md: 'published' ignored: 'date' is given too"]
