"""Render papercuts: one count of publications, search text with its spaces, dates readable without hover."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from dossier.pipeline import BuildOptions, BuildResult, build
from dossier.render.markup import says_itself
from dossier.render.pages import publication_count
from tests.conftest import copy_site

VOX = "vox-behind-iraqs-call-to-remove-us-led-forces"
WPH = "world-policy-hub-why-did-iraq-postpone-ending-the-coalition-mission"


def page(result: BuildResult, path: str) -> str:
    return (result.output / path).read_text(encoding="utf-8")


# --- publications ---------------------------------------------------------------------------------


def test_the_home_page_and_the_sources_page_count_publications_alike(seed_build: BuildResult) -> None:
    home = re.search(r"<strong>(\d+)</strong> publications?</a>", page(seed_build, "index.html"))
    sources = re.search(r'class="lede">(\d+) publications? and', page(seed_build, "sources/index.html"))
    assert home is not None and sources is not None
    assert home.group(1) == sources.group(1) == "4"  # one seed article gives no source: no publication
    assert "1 article does not name its source" in page(seed_build, "sources/index.html")


def test_articles_without_a_source_are_no_publication() -> None:
    assert publication_count([("Vox", 3), ("", 2), ("Reuters", 1)]) == 2
    assert publication_count([("", 4)]) == 0


# --- search text ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """url → the text Pagefind indexed, for a site with a name split by a link."""
    site = copy_site(tmp_path_factory.mktemp("indexed"))
    (site / "articles" / "linked-name.md").write_text(
        "---\ntitle: A name in two links\ndate: 2024-01-08\n---\n\n"
        "Prime Minister [Mohammed Shia](https://example.org/pm)[ al-Sudani](https://example.org/s) met "
        "[Muqtada](https://example.org/m) [al-Sadr](https://example.org/s2) on Friday.\n",
        encoding="utf-8",
    )
    output = build(BuildOptions(site=site, jobs=1)).output
    found = {}
    for fragment in (output / "pagefind").glob("*/fragment/*"):  # every shard (see search.py)
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        found[record["url"]] = record["content"]
    return found


def test_search_text_keeps_the_spaces_between_names(indexed: dict[str, str]) -> None:
    topic = indexed["/topics/isis.html"]  # more than four other spellings: behind a "… other spellings"
    assert re.search(r"\bIS\. ISIL, Islamic State of Iraq and Syria,", topic)  # not "8 other spellingsISIL"
    assert "spellings" not in topic
    article = indexed["/articles/linked-name.html"]
    assert "Mohammed Shia al-Sudani met Muqtada al-Sadr on Friday" in article
    glued = re.findall(r"[a-z][A-Z]\w+", " ".join(indexed.values()))
    assert [word for word in glued if not word.startswith(("aN", "oD"))] == []  # HaN, DoD are names


def test_the_notes_that_explain_dates_are_not_searched_text(indexed: dict[str, str]) -> None:
    assert "(5 January 2024)" not in indexed[f"/articles/{VOX}.html"]


# --- dates without hover --------------------------------------------------------------------------


def test_a_date_whose_words_do_not_say_its_value_shows_it_in_small_print(seed_build: BuildResult) -> None:
    html = page(seed_build, f"articles/{VOX}.html")
    note = '<small class="date-note" data-pagefind-ignore> (5 January 2024)</small>'
    assert f'title="5 January 2024">Friday</time>{note}' in html
    assert (
        'Thursday’s</time><small class="date-note" data-pagefind-ignore> (4 January 2024)</small> strike'
        in html
    )
    other = page(seed_build, f"articles/{WPH}.html")
    assert ">July 31, 2024</time>, after" in other  # says it all itself: no note


def test_an_inferred_publication_date_is_explained_in_words(seed_build: BuildResult) -> None:
    inferred = page(seed_build, f"articles/{WPH}.html")
    meta = re.search(r'<p class="meta">.*?</p>', inferred, re.DOTALL)
    assert meta is not None and '<span class="date-why">estimated from the article’s address' in meta.group(0)
    assert 'class="date-why"' not in page(seed_build, f"articles/{VOX}.html")
    for path in (
        "index.html",
        "timeline/index.html",
        "articles/index.html",
    ):  # badges in lists: the footer says
        assert 'id="dates-note"' in page(
            seed_build, path
        ) and "is estimated from the article’s address" in page(seed_build, path)


@pytest.mark.parametrize(
    ("written", "label", "says"),
    [
        ("July 31, 2024", "31 July 2024", True),
        ("Sept. 30, 2024", "30 September 2024", True),
        ("2014", "2014", True),
        ("Friday", "5 January 2024", False),
        ("Feb. 8", "8 February 2024", False),
        ("late October", "late October 2023", False),
        ("last year", "2023", False),
    ],
)
def test_which_dates_say_their_value_themselves(written: str, label: str, says: bool) -> None:
    assert says_itself(written, label) is says


def test_a_topic_page_counts_its_events_in_good_english(seed_build: BuildResult) -> None:
    pages = [p.read_text(encoding="utf-8") for p in (seed_build.output / "topics").glob("*.html")]
    assert any("1 dated event names " in page for page in pages)
    assert any(re.search(r"\b[2-9] dated events name ", page) for page in pages)
    assert not any(re.search(r"\b1 dated event name |dated events names ", page) for page in pages)
