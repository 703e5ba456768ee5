"""Arabic articles: spelling folds and proclitics, and the rule cases of ``arabic_cases.yaml``
(mentions, dates, statements and figures), each an input and what the extractor must find."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from dossier.extract import extract_article
from dossier.extract.arabic import FoldedText, fold_arabic, proclitic_readings, writes_arabic
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry
from dossier.model import FIGURES, STATEMENTS, AnnotatedArticle, Article
from tests.conftest import FIXTURES, ROOT

CASES = yaml.safe_load((FIXTURES / "arabic_cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_matcher() -> Matcher:
    """The project's registry with the base registry under it, as a build has it."""
    return Matcher(load_registry(ROOT / "entities.yaml", base=True))


def extracted(matcher: Matcher, text: str, published: date = date(2024, 1, 10)) -> AnnotatedArticle:
    article = Article("a.md", "a", "خبر", text, "markdown", published, language="ar")
    return extract_article(article, matcher)


def _ids(cases: list[dict]) -> list[str]:
    return [case["rule"] for case in cases]


@pytest.mark.parametrize("case", CASES["entities"], ids=_ids(CASES["entities"]))
def test_entity_cases(base_matcher: Matcher, case: dict) -> None:
    found = extracted(base_matcher, case["text"]).mentions
    assert [[m.entity, m.text] for m in found if m.field == "body"] == case["expect"]


@pytest.mark.parametrize("case", CASES["dates"], ids=_ids(CASES["dates"]))
def test_date_cases(base_matcher: Matcher, case: dict) -> None:
    found = extracted(base_matcher, case["text"], case["published"]).dates
    expected = [[text, str(value)] for text, value in case["expect"]]  # YAML reads 2024-01-04 as a date
    assert [[d.text, d.value] for d in found if d.field == "body"] == expected


@pytest.mark.parametrize("case", CASES["statements"], ids=_ids(CASES["statements"]))
def test_statement_cases(base_matcher: Matcher, case: dict) -> None:
    found = dict(extracted(base_matcher, case["text"]).findings).get(STATEMENTS, ())
    assert len(found) == len(case["finds"])
    for statement, wanted in zip(found, case["finds"], strict=True):
        assert (statement.speaker, statement.kind) == (wanted["speaker"], wanted["kind"])
        assert wanted["says"] in statement.text


def test_a_count_since_a_date_holds_for_no_single_date(base_matcher: Matcher) -> None:
    text = "شنت الفصائل منذ 18 تشرين الأول أكثر من 150 هجومًا على القواعد."
    (figure,) = dict(extracted(base_matcher, text, date(2024, 1, 25)).findings)[FIGURES]
    assert (figure.value, figure.unit, figure.holds) == (150, "attacks", None)


@pytest.mark.parametrize("case", CASES["figures"], ids=_ids(CASES["figures"]))
def test_figure_cases(base_matcher: Matcher, case: dict) -> None:
    found = dict(extracted(base_matcher, case["text"]).findings).get(FIGURES, ())
    assert [[f.value, f.hedge, f.unit, f.place] for f in found] == case["expect"]


@pytest.mark.parametrize(
    ("written", "folded"),
    [("أإآا", "اااا"), ("مدرسة", "مدرسه"), ("مستشفى", "مستشفي"), ("داعـــش", "داعش"), ("مُحَمَّد", "محمد"),
     ("٢٠٢٤", "2024"), ("۲۰۲٤", "2024"), ("کردستان", "كردستان")],
)  # fmt: skip
def test_folding(written: str, folded: str) -> None:
    assert fold_arabic(written) == folded


def test_folded_text_tells_spans_of_the_original() -> None:
    view = FoldedText.of("قال السُّودانيُّ")
    start = view.folded.index("السوداني")
    assert view.span(start, start + len("السوداني")) == (4, 16)


@pytest.mark.parametrize(
    ("word", "readings"),
    [("وبالعراق", [(1, "بالعراق"), (2, "العراق")]), ("للعراق", [(1, "لعراق"), (1, "العراق")]),
     ("فبغداد", [(1, "بغداد"), (2, "غداد")]), ("بـأبو", [(2, "أبو")]), ("في", [])],
)  # fmt: skip
def test_proclitic_readings(word: str, readings: list[tuple[int, str]]) -> None:
    """Fewest letters first; the offset is where the rest starts in the word as written."""
    assert [(r.offset, r.text) for r in proclitic_readings(word)] == readings


@pytest.mark.parametrize(
    ("language", "text", "arabic"),
    [("ar", "Text", True), ("ar-IQ", "", True), ("en", "العراق", False), (None, "قال السوداني", True),
     (None, "Iraq’s premier, السوداني, said", False)],
)  # fmt: skip
def test_which_articles_are_arabic(language: str | None, text: str, arabic: bool) -> None:
    assert writes_arabic(language, text) is arabic
