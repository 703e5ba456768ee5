"""Registry validation: every error names the entry to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import RegistryError
from dossier.extract.registry import load_registry, registry_from_data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "entities": [
                    {"id": "a", "name": "A", "type": "person"},
                    {"id": "a", "name": "B", "type": "person"},
                ]
            },
            "entity 'a': duplicate id",
        ),
        ({"entities": [{"id": "a", "type": "person"}]}, "entity 'a': missing 'name'"),
        ({"entities": [{"id": "Bad Id", "name": "A", "type": "person"}]}, "'id' must be kebab-case"),
        (
            {"entities": [{"id": "a", "name": "A", "type": "person", "colour": "red"}]},
            "entity 'a': unknown key(s) colour",
        ),
        (
            {
                "entities": [
                    {"id": "a", "name": "Hashd", "type": "armed-group"},
                    {"id": "b", "name": "Hashd", "type": "armed-group"},
                ]
            },
            "alias 'Hashd' of entity 'b' is also claimed by entity 'a'",
        ),
        (
            {
                "entities": [
                    {"id": "a", "name": "A", "type": "person", "aliases": [{"text": "A", "sometimes": True}]}
                ]
            },
            "unknown option(s) sometimes",
        ),
        ({"entities": [], "people": []}, "unknown top-level key(s): people"),
    ],
)
def test_registry_errors_name_the_entry(data: dict, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        registry_from_data(data)
    assert message in str(caught.value)


def test_a_context_rule_separates_two_claims() -> None:
    registry = registry_from_data(
        {"entities": [
            {"id": "a", "name": "The Coalition", "type": "coalition",
             "aliases": [{"text": "coalition", "needs_anchor": True}]},
            {"id": "b", "name": "Coalition", "type": "political-group"},
        ]}
    )  # fmt: skip
    assert set(registry.entities) == {"a", "b"}


def test_yaml_errors_give_the_line(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n  - id: a\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"entities\.yaml:\d+: invalid YAML"):
        load_registry(path)


def test_the_shipped_registry_is_valid(registry) -> None:
    assert {
        "mohammed-shia-al-sudani",
        "popular-mobilization-forces",
        "isis",
        "international-coalition",
    } <= set(registry.entities)
    assert all(e.description for e in registry.entities.values())
