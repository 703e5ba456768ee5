"""The Jinja side of rendering: writing direction by language, the language of a quoted sentence,
and the compiled-template memo (a changed template is compiled again; an unchanged one is not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.config import SiteConfig
from dossier.errors import BuildError
from dossier.render.pages import Page
from dossier.render.site import SiteRenderer, _CompiledTemplates, direction, lang_attribute


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "rtl"), ("ar-IQ", "rtl"), ("AR", "rtl"), ("fa", "rtl"), ("he", "rtl"), ("ur-PK", "rtl"),
     ("en", "ltr"), ("en-GB", "ltr"), ("fr", "ltr"), ("", "ltr"), (None, "ltr")],
)  # fmt: skip
def test_the_direction_of_a_language(language: str | None, expected: str) -> None:
    assert direction(language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("أعلنت مصادر أمنية في بغداد", ' lang="ar"'), ("Officials in Baghdad said", ""),
     ("Sudani (السوداني) said", ' lang="ar"'), ("", "")],
)  # fmt: skip
def test_a_sentence_in_arabic_script_is_marked_as_arabic(text: str, expected: str) -> None:
    assert str(lang_attribute(text)) == expected


def _render(folder: Path, compiled: Path) -> str:
    renderer = SiteRenderer(SiteConfig(), [folder], compiled)
    return renderer.render(Page("page.html", "page.html", "key", build=lambda: {"x": 1}))


def test_a_changed_template_is_compiled_again_and_an_unchanged_one_is_remembered(tmp_path: Path) -> None:
    folder, compiled = tmp_path / "templates", tmp_path / "compiled"
    folder.mkdir()
    (folder / "page.html").write_text("first {{ x }}\n", encoding="utf-8")
    assert _render(folder, compiled) == "first 1\n"
    remembered = len(_CompiledTemplates._kept)
    assert _render(folder, compiled) == "first 1\n"  # a new renderer, the template from the memo
    assert len(_CompiledTemplates._kept) == remembered
    (folder / "page.html").write_text("second {{ x }}\n", encoding="utf-8")
    assert _render(folder, compiled) == "second 1\n"
    assert len(_CompiledTemplates._kept) == remembered + 1
    # and a process that starts afresh reads the site's folder of compiled templates as before
    _CompiledTemplates._kept.clear()
    assert _render(folder, compiled) == "second 1\n"
    assert any(compiled.iterdir())


@pytest.mark.parametrize(
    ("template", "context", "expected"),
    [
        ("{{ card.title }}", {"card": {"title": "Strike"}}, "Strike"),  # a view's key
        ("{{ card.items }}", {"card": {"items": "3 items"}}, "3 items"),  # a key named as a dict method
        ("{{ card['title'] }}", {"card": {"title": "Strike"}}, "Strike"),
        ("{{ site.title }}", {}, "Iraq"),  # an object's attribute, as Jinja looks it up
        ("{{ names.upper() }}", {"names": "abu taqwa"}, "ABU TAQWA"),  # a method of a value
        ("{{ pair.0 }}", {"pair": ("first", "second")}, "first"),  # an item of a sequence
    ],
)
def test_views_are_looked_up_as_templates_write_them(
    tmp_path: Path, template: str, context: dict, expected: str
) -> None:
    (tmp_path / "page.html").write_text(template, encoding="utf-8")
    renderer = SiteRenderer(SiteConfig(title="Iraq"), [tmp_path])
    assert renderer.render(Page("page.html", "page.html", "key", build=lambda: context)) == expected


def test_a_key_a_view_lacks_is_still_an_error_of_the_template(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ card.missing }}", encoding="utf-8")
    renderer = SiteRenderer(SiteConfig(), [tmp_path])
    with pytest.raises(BuildError, match="missing"):
        renderer.render(Page("page.html", "page.html", "key", build=lambda: {"card": {"title": "x"}}))
