"""The entity matcher: fixture-driven cases against the shipped registry, and the rules one by one."""

from __future__ import annotations

import pytest
import yaml

from dossier.extract.entities import Matcher
from dossier.extract.registry import registry_from_data
from tests.conftest import FIXTURES, mentions_in

CASES = yaml.safe_load((FIXTURES / "entity_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_matching_rules(matcher: Matcher, case: dict) -> None:
    mentions = mentions_in(matcher, case["text"])
    assert [[m.entity, m.text] for m in mentions] == case["expect"]
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text


def small_registry(*entities: dict, ignore: list[str] | None = None) -> Matcher:
    return Matcher(registry_from_data({"entities": list(entities), "ignore": ignore or []}))


def test_case_sensitive_alias_only_matches_as_written() -> None:
    m = small_registry(
        {
            "id": "pmf",
            "name": "Popular Mobilization Forces",
            "type": "armed-group",
            "case_sensitive": ["PMF"],
            "aliases": ["PMF"],
        }
    )
    assert [x.text for x in mentions_in(m, "PMF pmf Pmf")] == ["PMF"]


def test_not_after_and_not_before_rules() -> None:
    m = small_registry(
        {"id": "c", "name": "The Coalition", "type": "coalition",
         "aliases": [{"text": "coalition", "not_after": ["ruling"], "not_before": ["government"]}]}
    )  # fmt: skip
    found = [x.text for x in mentions_in(m, "the ruling coalition, the coalition government, the coalition.")]
    assert found == ["coalition"]


def test_needs_anchor_counts_a_title_mention() -> None:
    m = small_registry(
        {"id": "cf", "name": "Coordination Framework", "type": "political-group",
         "aliases": [{"text": "Framework", "needs_anchor": True}]}
    )  # fmt: skip
    mentions = mentions_in(m, "The Framework met.", title="The Coordination Framework decides")
    assert [(x.field, x.text) for x in mentions] == [
        ("title", "Coordination Framework"),
        ("body", "Framework"),
    ]


def test_ignored_names_block_what_is_inside() -> None:
    m = small_registry({"id": "dc", "name": "Washington", "type": "city"}, ignore=["Washington Post"])
    assert [x.text for x in mentions_in(m, "the Washington Post in Washington")] == ["Washington"]


def test_cost_does_not_depend_on_registry_size() -> None:
    """A trie over tokens: a name is found the same way among 5 or 5,000 entities."""
    big = [{"id": f"e{i}", "name": f"Name{i} Surname{i}", "type": "person"} for i in range(5000)]
    m = small_registry(*big, {"id": "x", "name": "Ismail Haniyeh", "type": "person"})
    assert [x.entity for x in mentions_in(m, "Name42 Surname42 met Ismail Haniyeh.")] == ["e42", "x"]


DERIVED = yaml.safe_load((FIXTURES / "derived_spellings.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def names_only_matcher() -> Matcher:
    return Matcher(registry_from_data(DERIVED["registry"]))


@pytest.mark.parametrize("case", DERIVED["cases"], ids=[c["name"] for c in DERIVED["cases"]])
def test_derived_spellings(names_only_matcher: Matcher, case: dict) -> None:
    mentions = mentions_in(names_only_matcher, case["text"])
    assert [[m.entity, m.text] for m in mentions] == case["expect"]


def test_a_listed_spelling_wins_over_a_derived_one() -> None:
    m = small_registry(
        {"id": "joe-biden", "name": "Joe Biden", "type": "person"},
        {"id": "biden-town", "name": "Biden", "type": "place"},
    )
    assert [(x.entity, x.text) for x in mentions_in(m, "Joe Biden visited Biden.")] == [
        ("joe-biden", "Joe Biden"),
        ("biden-town", "Biden"),
    ]
