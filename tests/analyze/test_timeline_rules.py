"""Which dated sentences place a happening on the timeline: the page's own dates, the deadlines of
plans and the bases of comparisons are left out (table-driven, see tests/fixtures/timeline_cases.yaml)."""

from __future__ import annotations

import pytest
import yaml

from dossier.extract.furniture import is_comparison_base, is_deadline, is_furniture
from tests.conftest import FIXTURES

CASES = yaml.safe_load((FIXTURES / "timeline_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["rule"] for c in CASES])
def test_timeline_rules(case: dict) -> None:
    text, date = case["text"], case["date"]
    start = text.index(date)
    end = start + len(date)
    later = case.get("after_publication", False)
    left_out = (
        is_furniture(text, start, end)
        or is_deadline(text, start, later, case.get("days_after", 365 if later else 0))
        or is_comparison_base(text, start)
    )
    assert left_out is not case["event"]


def test_precise_events_sort_first_inside_their_period() -> None:
    from dossier.model import chronological
    from dossier.timex import parse_timex

    values = ["2023", "2023-10", "2023-10-07", "2023-W41", "2023-09-30", "2024-01-04"]
    ordered = sorted(values, key=lambda v: chronological(parse_timex(v)))  # type: ignore[arg-type]
    assert ordered == ["2023-09-30", "2023-10-07", "2023-W41", "2023-10", "2023", "2024-01-04"]


SENTENCES = [
    # (article text, the dates its timeline keeps)
    ("The talks in Baghdad resumed on Thursday, Al Jazeera reported on Saturday.", ["2024-01-04"]),
    ("Forty people were killed in Baghdad on Friday, the ministry said on Saturday.", ["2024-01-05"]),
    (
        "On January 3, a drone strike hit Baghdad. The coalition will leave Iraq by September 2025.",
        ["2024-01-03"],
    ),
    ("Published January 8, 2024\nA drone strike hit Baghdad on Thursday.", ["2024-01-04"]),
    (
        "Militias in Iraq were first organised in the early 2000s, and struck Baghdad on Thursday.",
        ["2024-01-04"],
    ),
]


@pytest.mark.parametrize(("body", "kept"), SENTENCES)
def test_the_timeline_keeps_dated_happenings_only(body: str, kept: list[str]) -> None:
    from dossier.facts import _reports
    from dossier.features import FeatureWeights
    from tests.analyze.test_claims import MATCHER, REGISTRY, extract_article, text_article

    annotated = extract_article(text_article(body), MATCHER)
    weight = FeatureWeights({e.id: e.type for e in REGISTRY.entities.values()})
    starts = [s.start for s in annotated.sentences]
    assert sorted(r.date for r in _reports(annotated, starts, weight) if r.date) == kept


def test_a_happening_told_by_its_day_and_by_its_month_is_one_event(seed_build) -> None:  # type: ignore[no-untyped-def]
    """Vox dates the start of the Gaza war "October 7", another article "October 2023": one event,
    with both articles, keeping the precise date."""
    import json

    events = json.loads((seed_build.output / "data" / "timeline.json").read_text(encoding="utf-8"))["events"]
    october = [e for e in events if e["date"] == "2023-10-07"]
    assert len(october) == 1
    slugs = {s["slug"] for s in october[0]["sources"]}
    assert any(slug.startswith("vox-behind-iraqs-call") for slug in slugs)
    assert any(slug.startswith("iraq-and-the-future") for slug in slugs)
    parts = [e for e in events if e["date"] == "2023-10" and e["label"].startswith(("mid-", "late "))]
    assert len(parts) == 2  # "mid-October" and "late October" tell of other days


def test_month_groups_hold_each_week_once() -> None:
    from dossier.analyze.events import month_of, weeks_of

    assert weeks_of("2023-10") == ["2023-W40", "2023-W41", "2023-W42", "2023-W43"]
    assert month_of("2023-W44") == "2023-11"  # Thursday 2 November
    assert {month_of(w) for w in weeks_of("2024-12")} == {"2024-12"}
    assert month_of("2023") is None and month_of("2023-Q3") is None


def test_a_sentence_that_points_back_takes_part_of_the_name_before_it() -> None:
    from dossier.facts import _reports
    from dossier.features import FeatureWeights
    from tests.analyze.test_claims import MATCHER, REGISTRY, extract_article, text_article

    body = "The Islamic Resistance in Iraq claimed the drone attack. The group emerged in October 2023."
    annotated = extract_article(text_article(body), MATCHER)
    weight = FeatureWeights({e.id: e.type for e in REGISTRY.entities.values()})
    reports = _reports(annotated, [s.start for s in annotated.sentences], weight)
    assert [r.date for r in reports] == ["2023-10"]
    assert "islamic-resistance-in-iraq" in reports[0].entities
