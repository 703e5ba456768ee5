"""Which dated sentences place a happening on the timeline: the page's own dates and the deadlines of
plans are left out (table-driven, see tests/fixtures/timeline_cases.yaml)."""

from __future__ import annotations

import pytest
import yaml

from dossier.extract.furniture import is_deadline, is_furniture
from tests.conftest import FIXTURES

CASES = yaml.safe_load((FIXTURES / "timeline_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["rule"] for c in CASES])
def test_timeline_rules(case: dict) -> None:
    text, date = case["text"], case["date"]
    start = text.index(date)
    end = start + len(date)
    left_out = is_furniture(text, start, end) or is_deadline(
        text, start, case.get("after_publication", False)
    )
    assert left_out is not case["event"]


def test_precise_events_sort_first_inside_their_period() -> None:
    from dossier.analyze.events import chronological
    from dossier.timex import parse_timex

    values = ["2023", "2023-10", "2023-10-07", "2023-W41", "2023-09-30", "2024-01-04"]
    ordered = sorted(values, key=lambda v: chronological(parse_timex(v)))  # type: ignore[arg-type]
    assert ordered == ["2023-09-30", "2023-10-07", "2023-W41", "2023-10", "2023", "2024-01-04"]
