"""The base registry: it loads cleanly, and a site's entities.yaml always wins over it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier.errors import RegistryError
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry, registry_from_data
from tests.conftest import mentions_in

FIXTURES = Path(__file__).parents[1] / "fixtures"
CASES = yaml.safe_load((FIXTURES / "base_registry_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_base_registry_under_a_site(case: dict) -> None:
    matcher = Matcher(registry_from_data({"entities": case["site"]}, base=True))
    assert [[m.entity, m.text] for m in mentions_in(matcher, case["text"])] == case["expect"]


def test_the_base_alone_is_a_valid_registry_of_countries_capitals_and_bodies() -> None:
    registry = registry_from_data({}, base=True)
    kinds = [e.type for e in registry.entities.values()]
    assert kinds.count("country") >= 190
    assert kinds.count("place") >= 150
    assert {"united-nations", "nato", "european-union", "arab-league", "ecowas", "african-union"} <= set(
        registry.entities
    )


def test_a_site_entity_merged_with_a_base_one_is_listed_once() -> None:
    registry = registry_from_data(
        {"entities": [{"id": "us", "name": "United States", "type": "country"}]}, base=True
    )
    assert "united-states" not in registry.entities
    assert {"US", "America"} <= set(registry.entities["us"].aliases)


def test_a_site_can_turn_the_base_off(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text("entities: []\n", encoding="utf-8")
    assert load_registry(path, base=False).entities == {}
    assert "france" in load_registry(path, base=True).entities


def test_a_malformed_site_list_is_still_reported_with_the_base_on() -> None:
    with pytest.raises(RegistryError, match="'titles' must be a list"):
        registry_from_data({"titles": "President", "entities": []}, base=True)
