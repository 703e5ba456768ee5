"""Arabic and English articles on one site, in headless Chromium: an Arabic article page reads right to
left in its own fonts, the timeline shows Arabic sentences right to left inside its left-to-right
page, and both pass axe-core at phone and desktop widths. Screenshots go under ``test-artifacts/``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from dossier.pipeline import BuildOptions, build
from tests.conftest import FIXTURES, copy_site
from tests.test_browser import ARTIFACTS, CHROMIUM, FLAGS, Watched, axe_problems, serving

pytest.importorskip("playwright")
from playwright.sync_api import Browser, sync_playwright

ARABIC = FIXTURES / "arabic" / "articles"
ENGLISH = FIXTURES / "cross_language"
STRIKE = "01-baghdad-strike-iraqi"  # the 4 January 2024 strike, reported in Arabic


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed site with three happenings reported in both languages (see test_cross_language)."""
    folder = copy_site(tmp_path_factory.mktemp("mixed-site"))
    for name in (f"{STRIKE}.md", "03-joint-announcement-levantine.md", "05-mission-ends-federal-iraq.md"):
        shutil.copy(ARABIC / name, folder / "articles" / name)
    for english in ENGLISH.glob("*.md"):
        if english.name != "README.md":
            shutil.copy(english, folder / "articles" / english.name)
    yield from serving(build(BuildOptions(site=folder, jobs=1)).output)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def test_an_arabic_article_reads_right_to_left_in_arabic_fonts(browser: Browser, server: str) -> None:
    watched = Watched(browser)
    page = watched.page
    page.goto(server + f"articles/{STRIKE}.html")
    article = page.locator("article.article")
    assert article.get_attribute("lang") == "ar" and article.get_attribute("dir") == "rtl"
    assert page.locator(".prose").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Noto Naskh Arabic" in page.locator(".prose").evaluate("e => getComputedStyle(e).fontFamily")
    # what the site says about it (the date, in the site's English) stays left to right, isolated
    meta = page.locator(".article-head .meta bdi")
    assert meta.get_attribute("dir") == "ltr" and meta.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # a name in Latin script inside the Arabic text is marked and links to its topic
    assert page.locator(".prose a.ent").count() > 5
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"arabic-article-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing overflows
    watched.close()
    assert watched.errors == []


def test_the_timeline_shows_arabic_sentences_right_to_left_among_english_ones(
    browser: Browser, server: str
) -> None:
    watched = Watched(browser)
    page = watched.page
    page.goto(server + "timeline/index.html")
    arabic = page.locator('.event-text[lang="ar"]')
    assert arabic.count() > 0
    assert arabic.first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    english = page.locator(".event-text:not([lang])")
    assert english.count() > 0 and english.first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.evaluate("document.documentElement.dir || 'ltr'") == "ltr"
    mixed = page.locator('.event[data-languages="ar en"]')
    assert mixed.count() >= 3  # the strike, the announcement and the end of the mission
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"arabic-timeline-{width}.png"), full_page=False)
        mixed.first.locator("summary").click()
        mixed.first.screenshot(path=str(ARTIFACTS / f"arabic-timeline-event-{width}.png"))
        mixed.first.locator("summary").click()
    watched.close()
    assert watched.errors == []


def test_the_timeline_filters_by_language(browser: Browser, server: str) -> None:
    watched = Watched(browser)
    page = watched.page
    page.goto(server + "timeline/index.html")
    events = page.locator(".timeline .event")
    total = events.count()
    assert page.locator("#filter-language option").all_inner_texts() == ["any language", "Arabic", "English"]
    shown: dict[str, set[str]] = {}
    for language in ("ar", "en"):
        page.select_option("#filter-language", language)
        visible = page.locator(".timeline .event:not(.filtered-out)")
        shown[language] = set(visible.evaluate_all("els => els.map(e => e.id)"))
        tags = visible.evaluate_all("els => els.map(e => e.dataset.languages)")
        assert 0 < len(tags) < total and all(language in tag.split() for tag in tags)
        assert f"{len(tags)} of {total} events" in page.locator(".filter-status").inner_text()
        assert f"language={language}" in page.url
    assert len(shown["ar"] & shown["en"]) >= 3  # an event told in both is shown under either
    page.goto(server + "timeline/index.html?language=ar")  # the filter in a link opens as chosen
    assert page.locator("#filter-language").input_value() == "ar"
    assert page.locator(".timeline .event:not(.filtered-out)").count() == len(shown["ar"])
    watched.close()
    assert watched.errors == []


@pytest.mark.parametrize("width", [390, 1280])
def test_mixed_pages_pass_axe_core(browser: Browser, server: str, width: int) -> None:
    watched = Watched(browser, bypass_csp=True)  # axe-core is injected inline
    page = watched.page
    page.set_viewport_size({"width": width, "height": 900})
    problems = axe_problems(
        page, server, [f"articles/{STRIKE}.html", "timeline/index.html", "articles/index.html"]
    )
    watched.close()
    assert problems == []


# query → what it shows: each finds the Arabic strike article, whose text writes the word otherwise
ARABIC_QUERIES = {
    "شارع": "the word as written",
    "بالحكومة": "a preposition written onto it (the text has الحكومة)",
    "والهجوم": "a conjunction before the article (the text has الهجوم)",
    "للمسؤولية": "ل with the article's alif dropped (the text has المسؤولية)",
    "الصاروخين": "the article, which the text does not write (صاروخين)",
    "مقرا": "without the tanwin the text writes (مقرًا)",
}


def test_search_finds_arabic_words_with_and_without_clitics_and_marks(browser: Browser, server: str) -> None:
    watched = Watched(browser)
    page = watched.page
    page.goto(server + "search.html")
    missed = []
    for query, why in ARABIC_QUERIES.items():
        page.fill(".search-form input", query)
        page.press(".search-form input", "Enter")
        page.wait_for_function(
            "q => (document.querySelector('.search-status').textContent || '').includes(q)", arg=query
        )
        page.wait_for_selector(".search-results li", timeout=20_000)
        found = page.locator(".search-results li a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        if not any(href.endswith(f"articles/{STRIKE}.html") for href in found):
            missed.append(f"{query}: {why}")
    watched.close()
    assert missed == []
    assert watched.errors == []
