"""entities.yaml → :class:`Registry`, validated, with every problem named by its entry.

The registry is data, not code: adding an entity, an alias or a rule that
separates an ambiguous alias is an edit to ``entities.yaml``. Its shape::

    titles: [President, Prime Minister, …]   # words that may stand before a person's name
    ignore: [Washington Post, …]               # whole names that are not tagged, nor anything inside
    entities:
      - id: popular-mobilization-forces
        name: Popular Mobilization Forces
        type: armed-group
        description: …
        case_sensitive: [PMF]                  # matched only as written
        aliases:
          - Popular Mobilisation Forces
          - PMF
          - text: Hashd                        # an alias with rules
            needs_anchor: true                 # only if the article names the entity otherwise too
            not_after: [a]                     # not right after these words
            not_before: [of]                   # not right before these words
            not_after_entity: true             # not right after another entity's name
            in_caps: false                     # not inside ALL-CAPS text (headlines)
            sticky_exclusion: true             # once turned down by a rule, stays down until the
                                               # entity is named in full again…
            always_before: [forces]            # …except right before these words
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dossier.errors import RegistryError, describe_value
from dossier.extract.spellings import implied_spellings, split_parenthetical
from dossier.extract.tokens import alias_keys
from dossier.model import Entity
from dossier.slugs import RESERVED
from dossier.yamlfast import YamlProblem, read_yaml_file

MAX_ID = 120
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ALIAS_OPTIONS = frozenset(
    {
        "text",
        "case_sensitive",
        "needs_anchor",
        "not_after",
        "not_before",
        "not_after_entity",
        "in_caps",
        "sticky_exclusion",
        "always_before",
    }
)
ENTITY_KEYS = frozenset({"id", "name", "type", "description", "aliases", "case_sensitive", "draft"})
TOP_KEYS = frozenset({"entities", "ignore", "titles"})


@dataclass(frozen=True, slots=True, eq=False)
class AliasSpec:
    """One way of writing an entity's name, with the rules that decide when it counts.

    Compared by identity: each spec is one line of the registry (and hashing by
    identity keeps the matcher's bookkeeping cheap).
    """

    entity: str | None  # None for an ignored name
    text: str
    case_sensitive: bool = False
    needs_anchor: bool = False
    not_after: tuple[tuple[str, ...], ...] = ()
    not_before: tuple[tuple[str, ...], ...] = ()
    not_after_entity: bool = False
    in_caps: bool = True
    sticky_exclusion: bool = False
    always_before: tuple[tuple[str, ...], ...] = ()
    surname: bool = False  # a short form of a person's name: not after an unknown given name
    person: bool = False  # a spelling of a person's name (whose words may be transliterated otherwise)

    @property
    def conditional(self) -> bool:
        """Whether a rule may turn a match of this alias down."""
        return bool(self.needs_anchor or self.not_after or self.not_before or self.not_after_entity)


@dataclass(frozen=True, slots=True)
class Registry:
    entities: dict[str, Entity]
    aliases: tuple[AliasSpec, ...]
    titles: frozenset[str] = field(default_factory=frozenset)


def load_registry(path: Path, base: bool = False) -> Registry:
    """Read and validate ``entities.yaml``, with the base registry under it when ``base`` is set
    (see :mod:`dossier.extract.world`); raise :class:`RegistryError` naming the bad entry."""
    where = path.name
    if not path.exists():
        raise RegistryError("entity registry not found", where)
    try:
        data, _ = read_yaml_file(path)
    except YamlProblem as problem:
        raise RegistryError(problem.message, where, problem.line) from None
    return registry_from_data(data, where, base)


def registry_from_data(data: Any, where: str = "entities.yaml", base: bool = False) -> Registry:
    if data is None:
        data = {}
    if isinstance(data, list):  # a bare list of entities is accepted too
        data = {"entities": data}
    if not isinstance(data, dict):
        raise RegistryError("expected a mapping with an 'entities' list", where)
    if base:
        from dossier.extract.world import with_base

        data = with_base(data)
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise RegistryError(f"unknown top-level key(s): {_keys(unknown)}", where)
    problems: list[str] = []
    entities: dict[str, Entity] = {}
    aliases: list[AliasSpec] = []
    raw_entities = data.get("entities") or []
    if not isinstance(raw_entities, list):
        raise RegistryError("'entities' must be a list", where)
    for index, raw in enumerate(raw_entities):
        try:
            entity, specs = _parse_entity(raw, index)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if entity.id in entities:
            problems.append(f"entity {entity.id!r}: duplicate id (entry {index + 1})")
            continue
        entities[entity.id] = entity
        aliases.extend(specs)
    for text in _string_list(data.get("ignore"), "ignore", problems):
        aliases.append(AliasSpec(entity=None, text=text))
    derived = _derived_aliases(entities.values(), aliases)
    aliases.extend(derived)
    entities = _with_derived(entities, derived)
    titles = frozenset(t.lower() for t in _string_list(data.get("titles"), "titles", problems))
    problems.extend(_conflicts(aliases))
    if problems:
        raise RegistryError("invalid registry:\n  " + "\n  ".join(problems), where)
    return Registry(entities=entities, aliases=tuple(aliases), titles=titles)


def _keys(keys: Iterable[Any]) -> str:
    """Unknown keys, named in a message (each cut short: a key may be any text)."""
    return ", ".join(sorted(describe_value(str(key))[1:-1] for key in keys))


def _string_list(value: Any, key: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{key!r} must be a list of names")
        return []
    return [v.strip() for v in value]


def _parse_entity(raw: Any, index: int) -> tuple[Entity, list[AliasSpec]]:
    label = f"entry {index + 1}"
    if not isinstance(raw, dict):
        raise ValueError(f"{label}: expected a mapping with id, name, type")
    entity_id = raw.get("id")
    if isinstance(entity_id, str):
        label = f"entity {describe_value(entity_id)}"
    if not isinstance(entity_id, str) or not ID_PATTERN.match(entity_id):
        raise ValueError(
            f"{label}: 'id' must be kebab-case like 'harakat-al-nujaba', found {describe_value(entity_id)}"
        )
    if len(entity_id) > MAX_ID:  # it names the topic's files, and file systems limit names to 255 bytes
        raise ValueError(f"{label}: 'id' has {len(entity_id)} characters; at most {MAX_ID} are allowed")
    if entity_id in RESERVED:
        raise ValueError(f"{label}: 'id' {entity_id!r} is reserved for the list of topics; choose another")
    unknown = set(raw) - ENTITY_KEYS
    if unknown:
        raise ValueError(f"{label}: unknown key(s) {_keys(unknown)}")
    name, kind = raw.get("name"), raw.get("type")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{label}: missing 'name'")
    if not isinstance(kind, str) or not kind.strip():
        raise ValueError(f"{label}: missing 'type'")
    description = raw.get("description") or ""
    if not isinstance(description, str):
        raise ValueError(f"{label}: 'description' must be text")
    exact = raw.get("case_sensitive") or []
    if not isinstance(exact, list) or not all(isinstance(a, str) for a in exact):
        raise ValueError(f"{label}: 'case_sensitive' must be a list of aliases")
    if not isinstance(raw.get("draft", False), bool):
        raise ValueError(f"{label}: 'draft' must be true or false")
    raw_aliases = raw.get("aliases") or []
    if not isinstance(raw_aliases, list):
        raise ValueError(f"{label}: 'aliases' must be a list")
    main_name, other_name = split_parenthetical(name)
    written = [main_name, *([other_name] if other_name else []), *raw_aliases]
    specs = [_parse_alias(a, entity_id, kind, main_name, set(exact), label) for a in written]
    specs = list({(s.text, s.case_sensitive): s for s in specs}.values())
    entity = Entity(
        id=entity_id,
        name=name.strip(),
        type=kind.strip(),
        aliases=tuple(dict.fromkeys(s.text for s in specs)),
        description=description.strip(),
        draft=raw.get("draft", False),
    )
    return entity, specs


def _parse_alias(raw: Any, entity: str, kind: str, name: str, exact: set[str], label: str) -> AliasSpec:
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise ValueError(f"{label}: every alias needs a non-empty text, found {describe_value(raw)}")
    unknown = set(raw) - ALIAS_OPTIONS
    if unknown:
        raise ValueError(
            f"{label}: alias {describe_value(raw['text'])} has unknown option(s) {_keys(unknown)}"
        )
    text = raw["text"].strip()
    if not alias_keys(text):
        raise ValueError(f"{label}: alias {describe_value(text)} has no letters or digits")
    return AliasSpec(
        entity=entity,
        text=text,
        case_sensitive=bool(raw.get("case_sensitive", text in exact)),
        needs_anchor=bool(raw.get("needs_anchor", False)),
        not_after=_phrases(raw.get("not_after"), label, text),
        not_before=_phrases(raw.get("not_before"), label, text),
        not_after_entity=bool(raw.get("not_after_entity", False)),
        in_caps=bool(raw.get("in_caps", True)),
        sticky_exclusion=bool(raw.get("sticky_exclusion", False)),
        always_before=_phrases(raw.get("always_before"), label, text),
        surname=kind == "person" and _is_short_form(text, name),
        person=kind == "person",
    )


def _derived_aliases(entities: Iterable[Entity], listed: list[AliasSpec]) -> list[AliasSpec]:
    """The spellings each entity's name implies (see :mod:`dossier.extract.spellings`), minus any
    that a registry line lists or that two entities would share: a listed spelling always wins."""
    taken = {alias_keys(spec.text) for spec in listed}
    claims: dict[tuple[str, ...], list[AliasSpec]] = {}
    for entity in entities:
        for name in (n for n in split_parenthetical(entity.name) if n and not n.isupper()):
            for derived in implied_spellings(name, entity.type):
                spec = AliasSpec(
                    entity=entity.id,
                    text=derived.text,
                    needs_anchor=derived.needs_anchor,
                    surname=derived.surname,
                    person=entity.type == "person",
                )
                claims.setdefault(alias_keys(derived.text), []).append(spec)
    return [
        specs[0]
        for keys, specs in claims.items()
        if keys not in taken and len({s.entity for s in specs}) == 1
    ]


def _with_derived(entities: dict[str, Entity], derived: list[AliasSpec]) -> dict[str, Entity]:
    """Entities whose ``aliases`` also list their derived spellings (shown on their pages)."""
    extra: dict[str, list[str]] = {}
    for spec in derived:
        if spec.entity is not None:
            extra.setdefault(spec.entity, []).append(spec.text)
    return {
        eid: replace(e, aliases=tuple(dict.fromkeys((*e.aliases, *extra[eid])))) if eid in extra else e
        for eid, e in entities.items()
    }


def _phrases(value: Any, label: str, alias: str) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{label}: alias {describe_value(alias)}: context words must be a list of words")
    return tuple(alias_keys(v) for v in value if alias_keys(v))


def _is_short_form(alias: str, name: str) -> bool:
    """A one-word person alias ("Sudani", "al-Sudani", "Ryder") that is not the full name."""
    keys = [k for k in alias_keys(alias) if k not in ("al", "el")]
    return len(keys) == 1 and alias_keys(alias) != alias_keys(name) and not alias.lower().startswith("abu ")


def _conflicts(aliases: Iterable[AliasSpec]) -> list[str]:
    """One written form may name only one entity, unless a rule separates the claims."""
    claims: dict[tuple[tuple[str, ...], bool], AliasSpec] = {}
    problems = []
    for spec in aliases:
        key = (alias_keys(spec.text), spec.case_sensitive)
        other = claims.get(key)
        if other is None:
            claims[key] = spec
        elif other.entity != spec.entity and not (other.conditional or spec.conditional):
            owner = lambda s: "the ignore list" if s.entity is None else f"entity {s.entity!r}"  # noqa: E731
            problems.append(
                f"alias {describe_value(spec.text)} of {owner(spec)} is also claimed by {owner(other)}; "
                "remove one or give one a context rule (needs_anchor, not_after, not_before)"
            )
    return problems
