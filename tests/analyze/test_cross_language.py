"""One timeline across languages: a happening reported in Arabic and in English is one event citing
both, merged by its date and the names the reports share, and a happening of the same day that
shares only a place stays apart (the texts: tests/fixtures/cross_language/README.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dossier.analyze.events import across_languages, cluster_bucket, cluster_month
from dossier.features import FeatureWeights, content_words
from dossier.model import SentenceReport
from dossier.pipeline import BuildOptions, build
from tests.conftest import FIXTURES, ROOT
from tests.test_incremental import clean_build, snapshot

ENGLISH = FIXTURES / "cross_language"
ARABIC = FIXTURES / "arabic" / "articles"
# happening → (its date, the Arabic report, the English report)
HAPPENINGS = {
    "the Baghdad strike": ("2024-01-04", "01-baghdad-strike-iraqi", "en-baghdad-strike"),
    "the joint announcement": ("2024-09-27", "03-joint-announcement-levantine", "en-joint-statement"),
    "the end of the mission in federal Iraq": (
        "2025-09-30",
        "05-mission-ends-federal-iraq",
        "en-mission-ends",
    ),
}


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of the three happenings, each told in Arabic and in English, built."""
    site = tmp_path_factory.mktemp("two-languages")
    for name in ("site.yaml", "entities.yaml"):
        shutil.copy(ROOT / name, site / name)
    (site / "articles").mkdir()
    for _, arabic, english in HAPPENINGS.values():
        shutil.copy(ARABIC / f"{arabic}.md", site / "articles")
        shutil.copy(ENGLISH / f"{english}.md", site / "articles")
    build(BuildOptions(site=site, jobs=1))
    return site


@pytest.fixture(scope="module")
def events(two_languages: Path) -> list[dict]:
    timeline = json.loads((two_languages / "_site" / "data" / "timeline.json").read_text(encoding="utf-8"))
    return list(timeline["events"])


@pytest.mark.parametrize("happening", list(HAPPENINGS))
def test_a_happening_told_in_two_languages_is_one_event(events: list[dict], happening: str) -> None:
    day, arabic, english = HAPPENINGS[happening]
    citing = [e for e in events if e["date"] == day and any(s["slug"] == arabic for s in e["sources"])]
    assert len(citing) == 1, f"{happening}: the Arabic report is on {len(citing)} events of {day}"
    assert english in {s["slug"] for s in citing[0]["sources"]}, f"{happening}: the English report is apart"


def test_a_same_day_happening_sharing_only_a_place_stays_apart(events: list[dict]) -> None:
    council = [e for e in events if any("provincial council" in s["sentence"] for s in e["sources"])]
    assert len(council) == 1
    assert {s["slug"] for s in council[0]["sources"]} == {"en-baghdad-strike"}
    assert council[0]["entities"] == ["baghdad"]


@pytest.mark.parametrize(
    ("a", "b", "across"),
    [
        ("ar", "ar", False),
        ("", "", False),
        ("en", "", False),  # an article that names no language, in Latin script
        ("ar", "", True),
        ("ar", "en", True),
        ("fr", "en", True),
    ],
)
def test_which_sentences_are_compared_by_names_only(a: str, b: str, across: bool) -> None:
    assert across_languages(a, b) is across
    assert across_languages(b, a) is across


WEIGHT = FeatureWeights({"baghdad": "city", "iraq": "country", "abu-taqwa": "person", "nujaba": "group",
                         "washington": "city", "sudani": "person"})  # fmt: skip


def _report(
    sentence: int, text: str, language: str, entities: tuple[str, ...], date: str = "2024-01-04"
) -> SentenceReport:
    features = content_words(text) | {f"@{e}" for e in entities}
    return SentenceReport(
        sentence, f"s{sentence}", text, date, None, "Thursday", False, entities, features, features,
        WEIGHT.total(features), WEIGHT.total(features), language,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "english", "arabic", "merged"),
    [
        (
            "a shared commander and group merge two accounts, however different their words",
            ("A drone strike killed the commander", ("abu-taqwa", "nujaba", "baghdad")),
            ("أعلنت مصادر أمنية مقتل القيادي إثر ضربة جوية استهدفت مقرا", ("abu-taqwa", "nujaba")),
            True,
        ),
        (
            "a city and a country alone do not, even in short sentences",
            ("Protests on Thursday", ("baghdad", "iraq")),
            ("احتجاجات يوم الخميس", ("baghdad", "iraq")),
            False,
        ),
        (
            "all the names of the shorter account shared: one happening",
            ("Talks on Thursday", ("abu-taqwa", "nujaba", "baghdad")),
            ("محادثات يوم الخميس", ("abu-taqwa",)),
            True,
        ),
        (
            "one group shared, when most of the names differ, is not enough",
            ("Talks on Thursday", ("abu-taqwa", "nujaba", "sudani")),
            ("محادثات يوم الخميس", ("nujaba", "kataib-hezbollah", "pentagon")),
            False,
        ),
    ],
)
def test_reports_in_two_languages_merge_by_their_names(
    rule: str, english: tuple[str, tuple[str, ...]], arabic: tuple[str, tuple[str, ...]], merged: bool
) -> None:
    reports = {"en": _report(1, english[0], "", english[1]), "ar": _report(1, arabic[0], "ar", arabic[1])}
    occurrences = [("english", "2024-01-05", 1, "s1", "en"), ("arabic", "2024-01-05", 1, "s1", "ar")]
    events = cluster_bucket("2024-W01", occurrences, reports, WEIGHT)
    assert (len(events) == 1) is merged, rule


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("والضربات", {"ضرب"}),  # conjunction, article and plural off
        ("ضربة", {"ضرب"}),  # the feminine ending
        ("اتفاقهما", {"اتفاق"}),  # a pronoun written on
        ("مقرًا", {"مقر"}),  # the alef of the accusative tanwin
        ("لـالحشد", {"حشد"}),  # a preposition written apart with a tatweel
        ("وزير", {"وزير"}),  # a bare و is the word's own letter
        ("قال في بيان إن", {"بيان"}),  # function words and verbs of saying say nothing
        ("The strikes killed", {"strik", "kill"}),  # English as before
    ],
)
def test_arabic_words_are_compared_by_a_light_stem(text: str, words: set[str]) -> None:
    assert content_words(text) == words


def test_a_language_given_later_reaches_the_timeline_as_a_clean_build_has_it(
    two_languages: Path, tmp_path: Path
) -> None:
    """An article whose language is declared after a first build (here French, a third language):
    the incremental build offers it in the timeline's filter and equals a clean build."""
    site = Path(shutil.copytree(two_languages, tmp_path / "site", symlinks=True))
    path = site / "articles" / "en-joint-statement.md"
    path.write_text(path.read_text(encoding="utf-8").replace("source:", "language: fr\nsource:"), "utf-8")
    result = build(BuildOptions(site=site, jobs=1))
    assert result.written > 0
    timeline = (site / "_site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<option value="fr">French</option>' in timeline
    assert 'data-languages="ar fr"' in timeline  # the joint announcement, in Arabic and in French
    assert snapshot(site / "_site") == clean_build(site, tmp_path / "clean")


def test_a_report_dated_to_a_month_joins_no_precise_event_in_another_language_by_names_alone() -> None:
    """ "Sudani began talks with Washington in January" names what an Arabic report of 3 January
    names, but nothing in it says which day of the month it tells of."""
    day = _report(
        1, "دعا الكعبي السوداني إلى إبلاغ واشنطن", "ar", ("nujaba", "sudani", "washington"), "2024-01-03"
    )
    month = _report(
        1, "Sudani initiated talks with Washington in January", "", ("sudani", "washington"), "2024-01"
    )
    data = {
        "2024-W01": ([("arabic", "2024-01-04", 1, "s1", "day")], {"day": day}),
        "2024-01": ([("english", "2024-09-28", 1, "s1", "month")], {"month": month}),
    }
    events = cluster_month("2024-01", data, WEIGHT)
    assert len(events["2024-W01"]) == 1 and len(events["2024-01"]) == 1
    assert [s.slug for s in events["2024-01"][0].sources] == ["english"]
