"""The date tagger: fixture-driven (text, publication date → expressions and values), and inference."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from dossier.extract.dates import TIMEML, infer_publication, tag_dates
from tests.conftest import FIXTURES

CASES = yaml.safe_load((FIXTURES / "date_cases.yaml").read_text(encoding="utf-8"))


def _as_text(value: object) -> str | None:
    return None if value is None else str(value)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_date_cases(case: dict) -> None:
    published = case["published"]
    mentions = tag_dates(case["text"], published, inferred=False)
    assert [[m.text, m.value] for m in mentions] == [[t, _as_text(v)] for t, v in case["expect"]]
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text


def test_publication_date_is_inferred_from_the_latest_past_date() -> None:
    text = "The decision came in August 2024, after July 31, 2024. Elections follow in 2025."
    mentions = tag_dates(text, None)
    estimate = infer_publication(mentions, text)
    assert estimate is not None and estimate.value == "2024-08"


def test_inferred_anchor_never_resolves_a_weekday() -> None:
    mentions = tag_dates(
        "He spoke on Friday, a day before last year ended.", date(2024, 8, 31), inferred=True
    )
    values = {m.text: m.value for m in mentions}
    assert values == {"Friday": None, "last year": "2023"}


def test_timeml_profile_keeps_the_and_part_of_day() -> None:
    mentions = tag_dates(
        "Profits fell in the third quarter. On Friday night, now.", date(1998, 10, 20), profile=TIMEML
    )
    assert [(m.text, m.value) for m in mentions] == [
        ("the third quarter", "1998-Q3"),
        ("Friday night", "1998-10-16TNI"),
        ("now", "PRESENT_REF"),
    ]
