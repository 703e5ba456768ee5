"""The base registry: countries, capitals and international bodies, merged under a site's own.

Every story names countries and the UN; no analyst should have to list "U.S."
or "Britain". Country names and official names come from pycountry (ISO
3166, kept up to date upstream); ``world.yaml`` adds what news writes instead,
the capitals, Arabic names, the international bodies and the titles that
stand before people's names.

A site's ``entities.yaml`` always wins. A base entity is the site's own when
the site uses its id, or when one of its spellings is a site entity's name:
the site entity keeps its id, name, type and rules and gains the base
spellings nobody else in the site claims. Base entities the site does not
name are added, minus any spelling a site entry claims.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dossier.extract.spellings import split_parenthetical
from dossier.extract.tokens import alias_keys

WORLD_FILE = Path(__file__).with_name("world.yaml")

Keys = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BaseRegistry:
    entities: tuple[dict[str, Any], ...]  # in entities.yaml form
    ignore: tuple[str, ...]
    titles: tuple[str, ...]


@lru_cache(maxsize=1)
def base_registry() -> BaseRegistry:
    """The base entities, the names it ignores and the titles it knows. Read once per process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it: 10x faster
    world = yaml.load(WORLD_FILE.read_text(encoding="utf-8"), Loader=loader)
    entities = [*_countries_and_capitals(world["countries"]), *world["bodies"]]
    return BaseRegistry(tuple(entities), tuple(world.get("ignore") or ()), tuple(world.get("titles") or ()))


def _countries_and_capitals(table: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    import pycountry  # only when a registry is built: the import reads pycountry's data

    for code, extra in table.items():
        iso = pycountry.countries.get(alpha_2=code)
        name = extra.get("name") or _short_name(iso)
        spellings = [*_iso_names(iso), *extra.get("also", ()), *extra.get("ar", ())]
        yield {
            "id": _ascii_id(name),
            "name": name,
            "type": "country",
            "aliases": _unique(s for s in spellings if alias_keys(s) != alias_keys(name)),
        }
        capital = extra.get("capital")
        if capital:
            yield {
                "id": _ascii_id(capital),
                "name": capital,
                "type": "place",
                "description": f"Capital of {name}",
                "aliases": _unique(extra.get("capital_also", ())),
            }


def _short_name(iso: Any) -> str:
    """The name news uses: pycountry's common name, else its ISO name."""
    return str(getattr(iso, "common_name", None) or iso.name)


def _iso_names(iso: Any) -> list[str]:
    """ISO names that read as names ("Iran, Islamic Republic of" does not), and official names
    with and without "the" ("Republic of the Sudan", "Republic of Sudan")."""
    if iso is None:
        return []
    names = [n for n in (iso.name, getattr(iso, "common_name", None)) if n and "," not in n]
    official = getattr(iso, "official_name", None)
    if official and "," not in official:
        official = re.sub(r"^the\s+", "", official)
        names += [official, re.sub(r"\bof the (\w+)$", r"of \1", official)]
    return names


def _ascii_id(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[Keys, str] = {}
    for name in names:
        seen.setdefault(alias_keys(name), name)
    return list(seen.values())


def with_base(data: dict[str, Any]) -> dict[str, Any]:
    """The site's registry data with the base registry merged under it (see the module docstring)."""
    base_data = base_registry()
    site = [dict(e) if isinstance(e, dict) else e for e in data.get("entities") or []]
    if not isinstance(data.get("entities") or [], list):
        return data  # malformed: let validation report it against the site's own file
    site_ids = {e.get("id"): i for i, e in enumerate(site) if isinstance(e, dict)}
    named = _keys_of(site, names_only=True)
    claimed = set(_keys_of(site, names_only=False)) | {_keys(t) for t in _texts(data.get("ignore"))}
    added = []
    for base in base_data.entities:
        spellings = [base["name"], *base.get("aliases", ())]
        owner = site_ids.get(base["id"])
        if owner is None:
            owner = next((named[k] for k in map(_keys, spellings) if k in named), None)
        if owner is not None:
            _add_aliases(site[owner], [s for s in spellings if _keys(s) not in claimed])
        elif base["id"] not in site_ids:
            kept = [s for s in base.get("aliases", ()) if _keys(s) not in claimed]
            if _keys(base["name"]) not in claimed:
                added.append({**base, "aliases": kept})
    ignored = _extended(data.get("ignore"), [n for n in base_data.ignore if alias_keys(n) not in claimed])
    titles = _extended(data.get("titles"), list(base_data.titles))
    return {**data, "entities": [*site, *added], "ignore": ignored, "titles": titles}


def _extended(site_value: Any, base_values: list[str]) -> Any:
    """A site's list followed by the base's; a malformed site value is kept for validation to report."""
    if site_value is None:
        return base_values
    return [*site_value, *base_values] if isinstance(site_value, list) else site_value


def _keys(spelling: Any) -> Keys:
    text = spelling.get("text") if isinstance(spelling, dict) else spelling
    return alias_keys(text) if isinstance(text, str) else ()


def _keys_of(site: list[Any], names_only: bool) -> dict[Keys, int]:
    """Spelling keys → the index of the site entity that writes them (names, or every spelling)."""
    found: dict[Keys, int] = {}
    for index, entity in enumerate(site):
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
            continue
        texts = [n for n in split_parenthetical(entity["name"]) if n]
        if not names_only:
            texts += [*_texts(entity.get("aliases")), *_texts(entity.get("case_sensitive"))]
        for text in texts:
            found.setdefault(_keys(text), index)
    found.pop((), None)
    return found


def _texts(values: Any) -> list[Any]:
    return list(values) if isinstance(values, list) else []


def _add_aliases(entity: dict[str, Any], spellings: list[Any]) -> None:
    own = {_keys(s) for s in [*split_parenthetical(entity["name"]), *_texts(entity.get("aliases"))] if s}
    new = [s for s in spellings if _keys(s) and _keys(s) not in own]
    if new:
        entity["aliases"] = [*_texts(entity.get("aliases")), *new]
