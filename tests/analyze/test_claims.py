"""Voices and figures: the extraction rules (table-driven, negatives included), precision and recall
on the seed gold, and the pages built from them.

Run ``python -m tests.test_claims`` to print the scores.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import yaml

from dossier.analyze.claims import event_coverage, group_figures, in_voice_order, voices_of
from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry
from dossier.load import read_article
from dossier.model import FIGURES, PLACE_TYPES, STATEMENTS, Article, Figure, Statement
from dossier.pipeline import BuildResult
from tests.conftest import FIXTURES, ROOT

REGISTRY = load_registry(ROOT / "entities.yaml")
MATCHER = Matcher(REGISTRY)
PLACES = frozenset(e.id for e in REGISTRY.entities.values() if e.type in PLACE_TYPES)


def _squash(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split()).casefold()


def extracted(article: Article) -> tuple[tuple[Statement, ...], tuple[Figure, ...]]:
    annotated = extract_article(article, MATCHER)
    return annotated.found(STATEMENTS), annotated.found(FIGURES)


def text_article(body: str) -> Article:
    from datetime import date

    return Article(
        source_path="case.md",
        slug="case",
        title="Case",
        body=body,
        markup="markdown",
        published=date(2024, 1, 8),
    )


# --- the rules, one case each ------------------------------------------------------------------------

VOICE_CASES = yaml.safe_load((FIXTURES / "voice_cases.yaml").read_text(encoding="utf-8"))
FIGURE_CASES = yaml.safe_load((FIXTURES / "figure_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VOICE_CASES, ids=[c["rule"] for c in VOICE_CASES])
def test_voice_rules(case: dict) -> None:
    statements, _ = extracted(text_article(case["text"]))
    found = [(s.speaker, s.kind, s.text, s.title, s.said_as) for s in statements]
    expected = case.get("finds", [])
    assert len(found) == len(expected), found
    for (speaker, kind, said, title, said_as), want in zip(found, expected, strict=True):
        assert speaker == want["speaker"]
        assert kind == want["kind"]
        assert _squash(want["says"]) in _squash(said)
        if "title" in want:
            assert title == want["title"]
        if "said_as" in want:
            assert said_as == want["said_as"]


@pytest.mark.parametrize("case", FIGURE_CASES, ids=[c["rule"] for c in FIGURE_CASES])
def test_figure_rules(case: dict) -> None:
    _, figures = extracted(text_article(case["text"]))
    found = [(f.value, f.unit, f.place, f.text, f.hedge, f.when, f) for f in figures]
    expected = case.get("finds", [])
    assert len(found) == len(expected), found
    for (value, unit, place, text, hedge, when, figure), want in zip(found, expected, strict=True):
        assert value == pytest.approx(want["value"]) and unit == want["unit"] and text == want["text"]
        assert place == want.get("place") and hedge == want.get("hedge")
        if "when" in want:
            assert when == want["when"]
        for optional in ("projection", "high", "noun", "holds"):
            if optional in want:
                assert getattr(figure, optional) == want[optional], optional


# --- precision and recall on the seeds ---------------------------------------------------------------


def seed_articles() -> dict[str, Article]:
    return {
        p.name: replace(read_article(p, p.name, []), slug=p.stem)
        for p in sorted((ROOT / "articles").glob("*.md"))
    }


def score_voices() -> dict[str, float]:
    """Statement P/R: a found statement is right when its speaker is the gold one and what it says
    contains the gold stretch; ``span`` scores the same without the speaker."""
    gold = yaml.safe_load((FIXTURES / "voices_gold.yaml").read_text(encoding="utf-8"))
    found_total = gold_total = right = right_span = 0
    for name, article in seed_articles().items():
        statements, _ = extracted(article)
        wanted = gold.get(name) or []
        found_total += len(statements)
        gold_total += len(wanted)
        taken: set[int] = set()
        for want in wanted:
            for i, s in enumerate(statements):
                if i not in taken and _squash(want["says"]) in _squash(s.text):
                    taken.add(i)
                    right_span += 1
                    right += s.speaker.casefold() == str(want["speaker"]).casefold()
                    break
    return {
        "precision": right / found_total, "recall": right / gold_total,
        "span precision": right_span / found_total, "span recall": right_span / gold_total,
        "found": found_total, "gold": gold_total,
    }  # fmt: skip


def score_figures() -> dict[str, float]:
    """Figure P/R: right when the value, the kind counted and the text agree; places scored apart."""
    gold = yaml.safe_load((FIXTURES / "figures_gold.yaml").read_text(encoding="utf-8"))
    found_total = gold_total = right = right_place = 0
    for name, article in seed_articles().items():
        _, figures = extracted(article)
        wanted = gold.get(name) or []
        found_total += len(figures)
        gold_total += len(wanted)
        remaining = list(figures)
        for want in wanted:
            match = next(
                (f for f in remaining
                 if f.value == want["value"] and f.unit == want["unit"] and f.text.strip() == want["text"]),
                None,
            )  # fmt: skip
            if match is not None:
                remaining.remove(match)
                right += 1
                right_place += match.place == want["place"]
    return {
        "precision": right / found_total, "recall": right / gold_total,
        "place accuracy": right_place / max(right, 1), "found": found_total, "gold": gold_total,
    }  # fmt: skip


def test_voices_on_the_seed_gold() -> None:
    scores = score_voices()
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, scores


def test_figures_on_the_seed_gold() -> None:
    scores = score_figures()
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, scores
    assert scores["place accuracy"] >= 0.8, scores


# --- grouping ----------------------------------------------------------------------------------------


def _figure(value: float, unit: str = "troops", place: str | None = "iraq") -> Figure:
    return Figure(0, 5, str(value), value, None, unit, unit, place, None, "", 0)


def test_figures_of_one_quantity_disagree_beyond_ten_percent() -> None:
    close = group_figures([("a", "2024-01-01", _figure(2500)), ("b", "2024-02-01", _figure(2600))])
    apart = group_figures([("a", "2024-01-01", _figure(2500)), ("b", "2024-02-01", _figure(900))])
    assert not close[0].disagree and apart[0].disagree
    separate = group_figures([("a", None, _figure(2500)), ("b", None, _figure(900, place="syria"))])
    assert len(separate) == 2 and not any(g.disagree for g in separate)


def test_sources_differ_only_between_articles_and_projections_only_with_projections() -> None:
    one_article = group_figures([("a", "2024-01-01", _figure(2500)), ("a", "2024-01-01", _figure(900))])
    plan = replace(_figure(500), projection=True)
    plan_and_count = group_figures([("a", "2024-01-01", _figure(2500)), ("b", "2024-01-02", plan)])
    two_plans = group_figures([("a", "2024-01-01", plan), ("b", "2024-01-02", replace(plan, value=2000.0))])
    assert not one_article[0].disagree and not plan_and_count[0].disagree
    assert two_plans[0].disagree


def test_figures_for_different_times_or_of_percentages_do_not_disagree() -> None:
    def held(value: float, holds: str | None, unit: str = "attacks") -> Figure:
        return replace(_figure(value, unit, None), holds=holds)

    periods = group_figures(
        [("a", "2024-01-06", held(100, "2023-10")), ("b", "2024-08-31", held(153, "2024-H1"))]
    )
    years_apart = group_figures([("a", "2020-01-01", _figure(5200)), ("b", "2024-01-01", _figure(2500))])
    shares = group_figures(
        [("a", "2024-01-01", held(80, None, "percent")), ("b", "2024-01-02", held(30, None, "percent"))]
    )
    same_period = group_figures(
        [("a", "2024-07-01", held(153, "2024-H1")), ("b", "2024-08-01", held(90, "2024-05"))]
    )
    assert not periods[0].disagree and not years_apart[0].disagree and not shares[0].disagree
    assert same_period[0].disagree


def test_event_coverage_lists_outlets_that_published_in_the_period_without_reporting() -> None:
    from datetime import date

    seen = event_coverage(
        date(2024, 1, 4), date(2024, 1, 4), ["Vox"],
        {"Vox": [date(2024, 1, 7)], "Medium": [date(2024, 1, 6)], "Old Paper": [date(2023, 5, 1)],
         "Later Paper": [date(2024, 9, 1)]},
    )  # fmt: skip
    assert seen.reported_by == ("Vox",) and seen.silent == ("Medium",)
    half_year = event_coverage(date(2024, 1, 1), date(2024, 6, 30), ["Hub"],
                               {"Hub": [date(2024, 8, 31)], "Vox": [date(2024, 1, 7)]})  # fmt: skip
    assert half_year.silent == ()  # Vox wrote before the period was over


# --- the pages ---------------------------------------------------------------------------------------


def test_voices_figures_and_coverage_pages_are_built_and_linked(seed_build: BuildResult) -> None:
    site = seed_build.output
    voices = (site / "voices/index.html").read_text(encoding="utf-8")
    assert "Jennifer Kavanagh" in voices and "Unnamed sources" in voices
    assert voices.count('class="statement ') == score_voices()["found"]
    for link in re.findall(r'href="\.\./(articles/[^"#]+)#(s\d+)"', voices):
        page = (site / link[0]).read_text(encoding="utf-8")
        assert f'id="{link[1]}"' in page  # every statement links to its sentence
    figures = (site / "figures/index.html").read_text(encoding="utf-8")
    assert "sources differ" in figures and "3 sources agree" in figures and "for different times" in figures
    coverage = (site / "coverage/index.html").read_text(encoding="utf-8")
    assert coverage.count('<tr><th scope="row">') == 4  # one row per outlet; one article names none
    for page in ("index.html", "articles/index.html", "topics/isis.html"):
        html = (site / page).read_text(encoding="utf-8")
        for target in ("voices/index.html", "figures/index.html", "coverage/index.html"):
            assert target in html
    sudani = (site / "topics/mohammed-shia-al-sudani.html").read_text(encoding="utf-8")
    assert "What Mohammed Shia&#39; al-Sudani said" in sudani
    assert "we stress our firm position" in sudani
    assert "voices/index.html#voice-mohammed-shia-al-sudani" in sudani
    assert 'id="voice-mohammed-shia-al-sudani"' in voices


if __name__ == "__main__":
    for label, scores in (("voices", score_voices()), ("figures", score_figures())):
        print(
            label,
            "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items()),
        )


def test_a_mistyped_year_cannot_make_charts_huge() -> None:
    from dossier.analyze.topics import MAX_BARS, chart_series

    months = chart_series({"2024-01": 3, "2024-03": 1}, "2024-01-06", "2024-03-02")
    assert months == (("2024-01", 3), ("2024-02", 0), ("2024-03", 1))
    years = chart_series({"2024-01": 3, "9999-12": 1}, "2024-01-06", "9999-12-31")
    assert len(years) == MAX_BARS and years[-1] == ("9999", 1)


def test_figure_disagreement_compares_the_same_pairs_as_checking_every_pair() -> None:
    """The bucketed sort-and-search check decides as comparing all pairs would."""
    import random
    from datetime import date, timedelta

    from dossier.analyze.claims import _any_conflict, _conflict, _Span

    rng = random.Random(2026)
    for _ in range(500):
        spans = []
        for _ in range(rng.randint(2, 12)):
            first = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
            point = rng.random() < 0.5
            last = first if point else first + timedelta(days=rng.choice([0, 30, 90, 365]))
            period = None if rng.random() < 0.15 else (first, last, point)
            value = rng.choice([0, 100, 105, 110, 112, 150, 1000])
            spans.append(_Span(rng.choice("abcd"), value, period, rng.random() < 0.2))
        every_pair = any(_conflict(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :])
        assert _any_conflict(spans) == every_pair


def _said(speaker: str, title: str | None, entity: str | None = None, kind: str = "person") -> Statement:
    return Statement(0, 4, "text", speaker, entity, title, kind, "reported", 0)


def test_a_voice_is_named_as_its_newest_statement_names_it_with_its_titles_most_used_first() -> None:
    rows = [  # newest first, as the store gives them
        ("c", "2024-03-01", _said("Jennifer Kavanagh", "analyst")),
        ("b", "2024-02-01", _said("jennifer kavanagh", "senior fellow")),
        ("b", "2024-02-01", _said("Jennifer Kavanagh", "senior fellow")),
        ("a", None, _said("Al-Sudani", "in a statement", "mohammed-shia-al-sudani", "entity")),
        ("a", None, _said("an Iraqi official", None, kind="role")),
    ]
    voices = {v.key: v for v in voices_of(rows, {"mohammed-shia-al-sudani": "Mohammed Shia al-Sudani"})}
    kavanagh = voices["person:jennifer kavanagh"]
    assert (kavanagh.name, kavanagh.titles) == ("Jennifer Kavanagh", ("senior fellow", "analyst"))
    assert (kavanagh.statements, kavanagh.articles) == (3, 2)
    sudani = voices["mohammed-shia-al-sudani"]
    assert (sudani.name, sudani.titles, sudani.kind) == ("Mohammed Shia al-Sudani", (), "entity")
    order = [v.key for v in in_voice_order(voices.values())]
    assert order == ["person:jennifer kavanagh", "mohammed-shia-al-sudani", "role:an iraqi official"]
