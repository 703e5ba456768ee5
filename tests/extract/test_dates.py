"""The date tagger: fixture-driven (text, publication date → expressions and values), and inference."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from dossier.extract import extract_article
from dossier.extract.dates import NEWS, TIMEML, infer_publication, tag_dates
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry
from dossier.model import Article
from tests.conftest import FIXTURES, ROOT

MATCHER = Matcher(load_registry(ROOT / "entities.yaml"))

CASES = yaml.safe_load((FIXTURES / "date_cases.yaml").read_text(encoding="utf-8"))


def _as_text(value: object) -> str | None:
    return None if value is None else str(value)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_date_cases(case: dict) -> None:
    published = case["published"]
    mentions = tag_dates(case["text"], published, inferred=False, profile=case.get("profile", NEWS))
    assert [[m.text, m.value] for m in mentions] == [[t, _as_text(v)] for t, v in case["expect"]]
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text


def test_publication_date_is_inferred_from_the_latest_past_date() -> None:
    text = "The decision came in August 2024, after July 31, 2024. Elections follow in 2025."
    mentions = tag_dates(text, None)
    estimate = infer_publication(mentions, text)
    assert estimate is not None and estimate.value == "2024-08"


def test_an_unknown_publication_date_still_gives_the_years_the_text_fixes() -> None:
    from dossier.extract.dates import Anchor, find_candidates, resolve_candidates

    text = (
        "On January 11, 2024, the border closed. It reopened on Feb. 8, and in late February talks resumed"
        " on Friday."
    )
    estimate = infer_publication(tag_dates(text, None), text)
    assert estimate is not None and estimate.value == "2024-01-11"
    mentions = resolve_candidates(find_candidates(text), text, Anchor(estimate.last_day, inferred=True))
    assert [(m.text, m.value) for m in mentions] == [
        ("January 11, 2024", "2024-01-11"),
        ("Feb. 8", "2024-02-08"),
        ("late February", "2024-02"),
        ("Friday", None),
    ]


def test_a_weekday_dated_day_moves_the_estimate_and_names_its_year() -> None:
    text = (
        "The coup came on July 26, 2023. Instructors landed on Saturday May 4, overnight from Saturday"
        " to Sunday."
    )
    estimate = infer_publication(tag_dates(text, None), text)
    assert estimate is not None and estimate.value == "2024-05-04"
    mentions = tag_dates(text, estimate.last_day, inferred=True)
    assert [(m.text, m.value) for m in mentions][1:] == [
        ("Saturday May 4", "2024-05-04"),
        ("Saturday", "2024-05-04"),
        ("Sunday", "2024-05-05"),
    ]


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
        ("Friday night", "1998-10-16"),
        ("now", "PRESENT_REF"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Congress reconvenes on Jan. 24.", date(2000, 1, 13), "2000-01-24"),  # nine days ahead
        ("They are planning for the summit in April.", date(1998, 12, 5), "1999-04"),
        ("He was killed on Oct. 23 by a sniper.", date(1999, 5, 5), "1998-10-23"),  # past tense
        ("The October 7 attacks changed everything.", date(2024, 1, 7), "2023-10-07"),
    ],
)
def test_timeml_profile_takes_the_nearer_occurrence_leaning_to_the_past(
    text: str, published: date, value: str
) -> None:
    mentions = tag_dates(text, published, profile=TIMEML)
    assert [m.value for m in mentions] == [value]


def test_tempeval_adapter_writes_spans_in_timeml_form() -> None:
    import json

    from dossier.tempeval import run

    line = json.dumps(
        {"doc_id": "d1", "dct": "2000-02-16", "text": "Talks were held this week and on Friday."}
    )
    out = json.loads(next(run([line])))
    assert out == {
        "doc_id": "d1",
        "spans": [
            {"start": 16, "end": 25, "value": "2000-W7"},
            {"start": 33, "end": 39, "value": "2000-02-11"},
        ],
    }


def _full_scan(text: str, profile: str) -> list[tuple]:
    """Every rule over the whole text: the slow reference the trigger-based search must equal."""
    from dossier.extract.dates import rules

    proposals = []
    for order, rule in enumerate(rules.RULES):
        if profile in rule.profiles:
            for match in rule.pattern.finditer(text):
                if rule.guard is None or rule.guard(text, match):
                    fields = {k: v for k, v in match.groupdict().items() if v is not None}
                    proposals.append(
                        rules.Candidate(match.start(), match.end(), rule.name, fields, order=order)
                    )
    return [(c.start, c.end, c.rule, c.mod) for c in rules.choose(text, proposals, profile)]


@pytest.mark.parametrize("profile", [NEWS, TIMEML])
def test_rules_run_near_trigger_words_find_what_a_full_scan_finds(profile: str) -> None:
    from dossier.extract.dates import find_candidates

    texts = [case["text"] for case in CASES]
    for name in ("business", "historical"):
        dev_set = yaml.safe_load((FIXTURES / f"dates_{name}.yaml").read_text(encoding="utf-8"))
        texts += [c["text"] for c in dev_set]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((FIXTURES.parent.parent / "articles").glob("*.md"))
    ]
    for text in texts:
        fast = [(c.start, c.end, c.rule, c.mod) for c in find_candidates(text, profile)]
        assert fast == _full_scan(text, profile)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal closed Jan. 6. Shares rose.", ["The deal closed Jan. 6.", "Shares rose."]),
        ("On Jan. 8 Mr. Smith left.", ["On Jan. 8 Mr. Smith left."]),
        ("It was filed JAN. 6, officials said.", ["It was filed JAN. 6, officials said."]),
        ("Prices fell in Jan. The index rose.", ["Prices fell in Jan.", "The index rose."]),
    ],
)
def test_an_abbreviated_month_ends_a_sentence_only_before_a_sentence_opener(
    text: str, expected: list[str]
) -> None:
    from dossier.extract.sentences import split_sentences

    assert [s.text for s in split_sentences(text)] == expected


def test_the_tagger_reads_a_clause_across_abbreviation_dots() -> None:
    """ "until 9 a.m. Tuesday" and "by Jan. 14" keep the cue before the dot."""
    mentions = tag_dates("The relatives have until 9 a.m. Tuesday to sign.", date(2000, 4, 3))
    assert [(m.text, m.value) for m in mentions] == [("Tuesday", "2000-04-04")]


ADDRESS_CASES = yaml.safe_load((FIXTURES / "address_dates.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ADDRESS_CASES, ids=[c["name"] for c in ADDRESS_CASES])
def test_publication_in_address(case: dict) -> None:
    from dossier.extract.dates.address import publication_in_address

    found = publication_in_address(case["url"], case["file"])
    assert (found.value if found is not None else None) == case["value"]


def test_an_undated_digest_takes_its_year_from_its_file_name() -> None:
    """Dates without a year ("ECOWAS 10 Aug activated …") resolve in the month the file name gives,
    and the publication is shown as an estimate."""
    article = Article(
        source_path="crisiswatch-august-2023.txt",
        slug="crisiswatch",
        title="Niger",
        body="The bloc 10 Aug activated its standby force. The junta 25 Aug ordered the ambassador out.",
        markup="text",
        published=None,
    )
    annotated = extract_article(article, MATCHER)
    found = [(d.text, d.value) for d in annotated.dates]
    assert found == [("10 Aug", "2023-08-10"), ("25 Aug", "2023-08-25")]
    assert annotated.published.inferred and annotated.published.value is not None
    assert annotated.published.value.value == "2023-08"


def _undated(body: str) -> Article:
    return Article(source_path="undated.md", slug="undated", title="Undated", body=body, markup="markdown",
                   published=None)  # fmt: skip


def test_a_month_day_after_the_estimate_moves_it_and_what_counts_from_it() -> None:
    """The latest full date is November 2023, but "a March 4 briefing" is March 2024: the text was
    written after it, so "May last year" is May 2023."""
    annotated = extract_article(
        _undated(
            "Warships were sent in November 2023. In a March 4 briefing, the admiral said attacks "
            "had continued since May last year."
        ),
        MATCHER,
    )
    found = [(d.text, d.value) for d in annotated.dates]
    assert found == [("November 2023", "2023-11"), ("March 4", "2024-03-04"), ("May last year", "2023-05")]
    assert annotated.published.inferred and annotated.published.value is not None
    assert annotated.published.value.value == "2024-03-04"


def test_a_month_day_the_text_looks_ahead_to_does_not_move_the_estimate() -> None:
    annotated = extract_article(
        _undated("The talks of November 2023 ended. The envoys will meet again on March 4."), MATCHER
    )
    assert annotated.published.value is not None and annotated.published.value.value == "2023-11"
