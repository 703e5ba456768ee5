"""``suggest --add``: draft entries for unknown names, appended to entities.yaml without disturbing it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier.cli import main
from dossier.drafts import Draft, Occurrence, guess_type, propose, unique_id, with_drafts
from dossier.errors import RegistryError
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry, registry_from_data
from dossier.model import Suggestion
from dossier.store.records import NameSighting
from dossier.yamlfast import SafeLoader

SECOND = """\
---
title: Transit plan splits the town
date: 2025-03-20
source: Riverton Ledger
---

Councillor Maria Okafor said the Riverside Residents Union (RRU) had collected 900 signatures.
Okafor said the Ministry of Transport would decide in May. The RRU wants a vote.

The Harbor Defense Forces held an exercise near Eastport. Residents in Eastport complained.
Maria Okafor met the Ministry of Transport again.
"""

THIRD = """\
---
title: Okafor answers critics
date: 2025-03-22
source: Riverton Ledger
---

Okafor said on Friday that the Harbor Defense Forces had not asked for the land. Traffic in Eastport is slow.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site made by init, with two more articles full of names the registry does not know."""
    folder = tmp_path / "site"
    assert main(["init", str(folder), "-q"]) == 0
    (folder / "articles" / "transit.md").write_text(SECOND, encoding="utf-8")
    (folder / "articles" / "critics.md").write_text(THIRD, encoding="utf-8")
    return folder


def test_suggest_add_appends_drafts_that_load_and_are_not_added_twice(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry_file = site / "entities.yaml"
    before = registry_file.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["suggest", "--site", str(site)]) == 0  # without --add: the proposal, nothing written
    out = capsys.readouterr().out
    assert "would be added" in out and "- id: maria-okafor" in out
    assert registry_file.read_text(encoding="utf-8") == before

    assert main(["suggest", "--site", str(site), "--add"]) == 0
    after = registry_file.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended: the analyst's comments and layout are kept
    registry = load_registry(registry_file)
    drafts = {e.id: e for e in registry.entities.values() if e.draft}
    assert set(drafts) == {
        "maria-okafor",
        "riverside-residents-union",
        "ministry-of-transport",
        "harbor-defense-forces",
        "eastport",
    }
    assert not registry.entities["ana-lindqvist"].draft
    assert drafts["maria-okafor"].type == "person" and "Okafor" in drafts["maria-okafor"].aliases
    assert drafts["riverside-residents-union"].type == "organization"
    assert "RRU" in drafts["riverside-residents-union"].aliases  # the acronym defined beside it
    assert drafts["harbor-defense-forces"].type == "armed-group"
    assert drafts["eastport"].type == "place"
    added = after[len(before) :]
    assert added.count("draft: true") == 5
    assert "# “Okafor said the Ministry of Transport would decide in May.”" in added  # a sentence

    capsys.readouterr()
    assert main(["suggest", "--site", str(site), "--add"]) == 0
    assert "Every recurring capitalized name is in the registry" in capsys.readouterr().out
    assert registry_file.read_text(encoding="utf-8") == after  # nothing added twice
    assert main(["build", "--site", str(site), "--strict", "-q"]) == 0
    assert (site / "_site" / "topics" / "maria-okafor.html").is_file()  # drafts are matched like others


def test_a_draft_entity_is_matched_like_any_other() -> None:
    registry = registry_from_data(
        {"entities": [{"id": "eastport", "name": "Eastport", "type": "place", "draft": True}]}
    )
    assert registry.entities["eastport"].draft is True
    matches = Matcher(registry).find("Traffic in Eastport is slow.")
    assert [m.entity for m in matches] == ["eastport"]


def test_draft_must_be_true_or_false() -> None:
    with pytest.raises(RegistryError, match="entity 'a': 'draft' must be true or false"):
        registry_from_data({"entities": [{"id": "a", "name": "A", "type": "place", "draft": "maybe"}]})


def _seen(*contexts: str, text: str = "") -> list[Occurrence]:
    """Occurrences whose context is the given text (the name is found in it)."""
    return [Occurrence(text, "a.md", c.index(text), c) for c in contexts]


@pytest.mark.parametrize(
    ("name", "contexts", "expected"),
    [
        ("Maria Okafor", ["Councillor Maria Okafor said"], "person"),
        ("Ali Hassan", ["said Minister Ali Hassan on"], "person"),
        ("Harbor Defense Forces", ["the Harbor Defense Forces held"], "armed-group"),
        ("Tigers Brigade", ["the Tigers Brigade attacked"], "armed-group"),
        ("Ministry of Transport", ["the Ministry of Transport would"], "organization"),
        ("Green Party", ["the Green Party won"], "organization"),
        ("Eastport", ["held near Eastport.", "Residents in Eastport complained"], "place"),
        ("NDC", ["the NDC said"], "organization"),
        ("Jane Doe", ["as Jane Doe wrote"], "person"),
    ],
)
def test_type_is_guessed_from_the_words_in_and_around_the_name(
    name: str, contexts: list[str], expected: str
) -> None:
    kind, evidence = guess_type(name, _seen(*contexts, text=name), frozenset())
    assert kind == expected
    assert evidence


def test_ids_are_kebab_case_and_unique() -> None:
    taken = {"eastport"}
    assert unique_id("Eastport", taken) == "eastport-2"
    assert unique_id("Eastport", taken) == "eastport-3"
    assert unique_id("Kata'ib Sayyid al-Shuhada", taken) == "kataib-sayyid-al-shuhada"


DRAFT = Draft("new-place", "New Place", "place", ("NP",), 2, 1, "a guess", "It is in New Place.")

LAYOUTS = [
    ("entities last", "# mine\nentities:\n  - id: a\n    name: A\n    type: place\n"),
    (
        "entities before ignore, with a comment between",
        "entities:\n    - id: a\n      name: A\n      type: place  # keep\n"
        "\n# what is not tagged\nignore: [X]\n",
    ),
    ("flow values in the last entry", "entities:\n- id: a\n  name: A\n  type: place\n  aliases: [B, C]\n"),
    ("an empty list", "# no entities yet\nentities: []\ntitles: [Mayor]\n"),
    ("no value", "entities:\n"),
    ("no entities key", "titles: [Mayor]\n"),
    ("an empty file", ""),
    ("a bare list", "- id: a\n  name: A\n  type: place\n"),
    ("no final newline", "entities:\n  - id: a\n    name: A\n    type: place"),
    (
        "block scalar last",
        "entities:\n  - id: a\n    name: A\n    type: place\n    description: |\n      Long.\n",
    ),
]


@pytest.mark.parametrize(("name", "text"), LAYOUTS, ids=[layout[0] for layout in LAYOUTS])
def test_drafts_go_into_the_entities_list_and_keep_the_rest(name: str, text: str) -> None:
    updated = with_drafts(text, [DRAFT])
    registry = registry_from_data(yaml.load(updated, Loader=SafeLoader))
    assert registry.entities["new-place"].draft and registry.entities["new-place"].aliases == (
        "New Place",
        "NP",
    )
    before = registry_from_data(yaml.load(text, Loader=SafeLoader)) if text.strip() else None
    if before is not None:
        assert set(before.entities) < set(registry.entities)
        assert before.titles == registry.titles
    for line in text.splitlines():
        if line.strip().startswith("#") or "keep" in line:
            assert line in updated.splitlines()  # comments stay as written


def test_a_flow_style_entities_list_is_refused_with_the_line() -> None:
    with pytest.raises(RegistryError, match=r"entities.yaml:2: 'entities' is not written as a block list"):
        with_drafts("titles: [Mayor]\nentities: [{id: a, name: A, type: place}]\n", [DRAFT])


def test_drafts_fit_the_repository_registry_as_it_is_written() -> None:
    path = Path(__file__).resolve().parents[1] / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    updated = with_drafts(text, [DRAFT])
    assert updated.startswith(text)  # entities is its last key: the drafts are appended
    registry = registry_from_data(yaml.load(updated, Loader=SafeLoader))
    assert set(registry.entities) == set(load_registry(path).entities) | {"new-place"}


def _suggestion(name: str, count: int, *contexts: str) -> tuple[Suggestion, list[NameSighting]]:
    rows: list[NameSighting] = [
        NameSighting(name.lower(), "a", "a.md", i * 100 + c.index(name), name, 0, c, name.lower())
        for i, c in enumerate(contexts)
    ]
    return Suggestion(name, count, ("a",), contexts[0]), rows


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (  # a surname alone is the person's
            [
                ("Maria Okafor", ["Councillor Maria Okafor said", "met Maria Okafor"]),
                ("Okafor", ["Okafor said", "said Okafor"]),
            ],
            {"maria-okafor": ("Okafor",)},
        ),
        (  # two people share the surname: it names neither for sure
            [
                ("Maria Okafor", ["Councillor Maria Okafor said", "x Maria Okafor"]),
                ("John Okafor", ["Mayor John Okafor said", "x John Okafor"]),
                ("Okafor", ["Okafor said", "said Okafor"]),
            ],
            {"maria-okafor": (), "john-okafor": (), "okafor": ()},
        ),
        (  # the last word of a group's name is not a surname
            [
                ("Harbor Defense Forces", ["the Harbor Defense Forces held", "x Harbor Defense Forces"]),
                ("Forces", ["Forces said", "the Forces"]),
            ],
            {"harbor-defense-forces": (), "forces": ()},
        ),
        (  # an acronym defined beside the name
            [
                ("Riverside Residents Union", ["the Riverside Residents Union (RRU) said", "x"]),
                ("RRU", ["the RRU wants", "the RRU said"]),
            ],
            {"riverside-residents-union": ("RRU",)},
        ),
    ],
)
def test_spellings_that_clearly_name_one_thing_make_one_entry(
    names: list[tuple[str, list[str]]], expected: dict[str, tuple[str, ...]]
) -> None:
    suggestions, rows = [], []
    for name, contexts in names:
        suggestion, found = _suggestion(
            name, len(contexts), *(c if name in c else f"{c} {name}" for c in contexts)
        )
        suggestions.append(suggestion)
        rows.extend(found)
    registry = registry_from_data({"entities": []})
    drafts = propose(suggestions, rows, registry, lambda o: o.context)
    assert {d.id: d.aliases for d in drafts} == expected
