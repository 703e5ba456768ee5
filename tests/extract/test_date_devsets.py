"""The date tagger on two small dev sets of its own: business and historical language, TimeML values.

Each case's output must be exactly its gold (or, for a documented miss, exactly what
``tagger_gives`` records), and each set's DATE value F1 must stay above its floor. Scoring
follows the TempEval scorer: one-to-one span overlap, then the same value.

Run ``python -m tests.test_date_devsets`` to print the scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
import yaml

from dossier.extract.dates import TIMEML, tag_dates
from dossier.tempeval import timeml_value
from tests.conftest import FIXTURES

SETS = {
    name: yaml.safe_load((FIXTURES / f"dates_{name}.yaml").read_text(encoding="utf-8"))
    for name in ("business", "historical")
}
FLOORS = {"business": 0.95, "historical": 0.95}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    value: str | None

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def _located(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """The offsets of each surface, searched for in reading order."""
    spans, position = [], 0
    for surface in surfaces:
        start = text.index(surface, position)
        spans.append((start, start + len(surface)))
        position = start + len(surface)
    return spans


def gold_spans(case: dict) -> list[Span]:
    pairs = [(str(s), None if v is None else str(v)) for s, v in case["gold"]]
    return [
        Span(start, end, surface, value)
        for (surface, value), (start, end) in zip(
            pairs, _located(case["text"], [p[0] for p in pairs]), strict=True
        )
    ]


def predicted(case: dict) -> list[Span]:
    """The tagger's DATE expressions, less those that fall on an ignored (non-DATE) expression."""
    text = case["text"]
    dct = case["dct"] if isinstance(case["dct"], date) else date.fromisoformat(str(case["dct"]))
    ignored = [Span(s, e, "", None) for s, e in _located(text, case.get("ignore", []))]
    gold = gold_spans(case)
    spans = [
        Span(m.start, m.end, m.text, timeml_value(m.value)) for m in tag_dates(text, dct, profile=TIMEML)
    ]
    return [p for p in spans if any(p.overlaps(g) for g in gold) or not any(p.overlaps(i) for i in ignored)]


def counts(case: dict) -> tuple[int, int, int]:
    """(value matches, predictions, gold expressions) of one case."""
    gold, preds = gold_spans(case), predicted(case)
    used: set[int] = set()
    matched = 0
    for g in gold:
        for index, p in enumerate(preds):
            if index not in used and p.overlaps(g):
                used.add(index)
                matched += p.value == g.value
                break
    return matched, len(preds), len(gold)


def score(cases: list[dict]) -> dict[str, float]:
    tp, n_pred, n_gold = (sum(c) for c in zip(*(counts(case) for case in cases), strict=True))
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R": recall, "F1": f1, "gold": n_gold, "predicted": n_pred, "matched": tp}


CASES = [(name, case) for name, cases in SETS.items() for case in cases]


@pytest.mark.parametrize(("name", "case"), CASES, ids=[f"{n}: {c['name']}" for n, c in CASES])
def test_each_case_gives_its_gold_or_its_recorded_miss(name: str, case: dict) -> None:
    expected = case.get("tagger_gives", case["gold"])
    got = [[p.text, p.value] for p in predicted(case)]
    assert got == [[str(s), None if v is None else str(v)] for s, v in expected]


@pytest.mark.parametrize("name", sorted(SETS))
def test_value_f1_stays_above_its_floor(name: str) -> None:
    assert score(SETS[name])["F1"] >= FLOORS[name]


if __name__ == "__main__":
    for set_name, set_cases in SETS.items():
        result = score(set_cases)
        print(
            f"{set_name:<11} DATE values P={result['P']:.3f} R={result['R']:.3f} F1={result['F1']:.3f}"
            f"  ({result['matched']:.0f} of {result['gold']:.0f} gold, {result['predicted']:.0f} predicted,"
            f" {len(set_cases)} cases)"
        )
