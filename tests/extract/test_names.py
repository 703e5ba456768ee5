"""Unknown-name detection (what `build.py suggest` lists): table-driven cases."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analyze.suggest import build_suggestions, recurring_count
from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.facts import canonical_keys
from dossier.model import AnnotatedArticle, Article
from dossier.store.database import Store
from dossier.store.records import NameSighting

CASES = [
    ("a cited analyst", "The move is risky, analyst Maria Fantappie told reporters.", ["Maria Fantappie"]),
    ("registry names are not suggested", "Mohammed Shia al-Sudani met officials in Baghdad.", []),
    (
        "names with connectors",
        "The Ministry of Oil and Rend al-Rahim said so.",
        ["Ministry of Oil", "Rend al-Rahim"],
    ),
    ("titles are trimmed", "Iraqi Defence Minister Thabit al-Abbasi visited.", ["Thabit al-Abbasi"]),
    ("demonyms of registry places", "Iraqi, Iranian and Syrian officials met Americans.", []),
    ("religious and ethnic adjectives", "Shiite and Sunni parties, Kurdish and Arab voters.", []),
    (
        "ordinary words set in title case",
        "It hurt national security. Iraq’s National Security was at risk.",
        [],
    ),
    (
        "a named body made of ordinary words",
        "It hurt national security, the National Security Council said.",
        ["National Security Council"],
    ),
    ("a heading in title case", "## The Continued Threat Of Militias\n\nText follows here.", []),
    ("number words", "Forty-four people were killed. A report said Forty were hurt.", []),
    ("a name after a number word", "Twenty officers met Lena Marsh of the inquiry.", ["Lena Marsh"]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_unknown_names(matcher: Matcher, name: str, text: str, expected: list[str]) -> None:
    article = Article("a.md", "a", "Title", text, "markdown", date(2024, 1, 1))
    found = extract_article(article, matcher).unknown_names
    assert [n.text for n in found if not n.initial] == expected


def _annotated(matcher: Matcher, slug: str, body: str) -> AnnotatedArticle:
    return extract_article(Article(f"{slug}.md", slug, "Title", body, "markdown", date(2024, 1, 1)), matcher)


def _rows(*articles: AnnotatedArticle) -> list[NameSighting]:
    """Name rows as the build cache stores them."""
    return [
        NameSighting(
            n.key,
            a.slug,
            a.article.source_path,
            n.start,
            n.text,
            int(n.initial),
            a.article.body[n.start : n.end],
            canon,
        )
        for a in articles
        for n, canon in zip(a.unknown_names, canonical_keys([n.key for n in a.unknown_names]), strict=True)
    ]


def test_suggestions_count_recurring_names_and_merge_surnames(matcher: Matcher) -> None:
    one = _annotated(
        matcher, "one", "Analyst Renad Mansour said so. Later, Mansour added more. Ali Dawood came."
    )
    two = _annotated(matcher, "two", "According to Renad Mansour, it ended.")
    suggestions = build_suggestions(_rows(one, two))
    assert [(s.name, s.count, s.articles) for s in suggestions] == [("Renad Mansour", 3, ("one", "two"))]
    assert "Renad Mansour" in suggestions[0].context


def test_words_seen_only_at_sentence_starts_are_not_names(matcher: Matcher) -> None:
    one = _annotated(matcher, "one", "Furthermore, it ended. Furthermore, it began.")
    assert build_suggestions(_rows(one)) == ()


def test_recurring_count_from_the_stores_tallies_agrees_with_the_suggestions(matcher: Matcher) -> None:
    one = _annotated(
        matcher, "one", "Analyst Renad Mansour said so. Later, Mansour added more. Ali Dawood came."
    )
    two = _annotated(
        matcher, "two", "According to Renad Mansour, it ended. Ali Dawood left. Furthermore, no."
    )
    three = _annotated(matcher, "three", "Furthermore, it began.")
    rows = _rows(one, two, three)
    store = Store.open(None, {"schema": "test"}, [])
    store._db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    suggestions = build_suggestions(rows)
    assert [s.name for s in suggestions] == ["Renad Mansour", "Ali Dawood"]
    assert store.name_rows() == sorted(rows, key=lambda r: (r.path, r.position))
    assert recurring_count(store.name_tallies()) == len(suggestions)
