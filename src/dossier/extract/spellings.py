"""Spellings a registry entry implies without listing them.

An analyst's first registry names each entity once ("Antony Blinken",
"Wagner Group", "United Nations Security Council", "Rapid Support Forces
(RSF)"); news writing then uses the short forms: "Blinken", "Wagner", "the
Security Council", "RSF". Each rule here derives one kind of short form from
the name alone. A derived spelling is weaker than a listed one: it is dropped
when any entity lists it, or when two entities would derive it (see
:func:`dossier.extract.registry.registry_from_data`), and a surname counts
only in an article that names its person otherwise too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.extract.tokens import alias_keys

# "Rapid Support Forces (RSF)", "Bahri (Khartoum North)": the name, then another name for it.
_PARENTHETICAL = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<other>[^()]+)\)\s*$")
# Particles that belong to an Arabic surname ("al-Burhan") but may be left out ("Burhan").
_PARTICLES = ("al", "el")
# Given names that are the first half of a compound ("Abdel Fattah"): the first word alone is no name.
_COMPOUND_GIVEN = frozenset("abd abdel abdul abdal abu abou bin ben ibn ould".split())
# Words that end a group's name without naming it ("Wagner Group", "the Gaza Strip").
GENERIC_HEADS = frozenset("group strip".split())
# Owners written before a body's own name ("United Nations Security Council" → "Security Council").
OWNER_PREFIXES = (
    (("united", "nations"), ("un",)),
    (("united", "states"), ("us",)),
    (("european", "union"), ("eu",)),
    (("african", "union"), ("au",)),
)
# British and American spellings of the words that recur in the names of bodies.
_SPELLING_PAIRS = (
    ("defence", "defense"),
    ("programme", "program"),
    ("organisation", "organization"),
    ("mobilisation", "mobilization"),
    ("centre", "center"),
    ("labour", "labor"),
)
_MIN_SURNAME_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Derived:
    """One implied spelling; ``needs_anchor`` ones count only where the entity is named otherwise too."""

    text: str
    needs_anchor: bool = False
    surname: bool = False


def split_parenthetical(name: str) -> tuple[str, str | None]:
    """ "Rapid Support Forces (RSF)" → ("Rapid Support Forces", "RSF"); other names are left whole."""
    match = _PARENTHETICAL.match(name.strip())
    if match is None or not alias_keys(match.group("other")):
        return name.strip(), None
    return match.group("name").strip(), match.group("other").strip()


def implied_spellings(name: str, kind: str) -> list[Derived]:
    """Every spelling the rules derive from one name (the name itself excluded)."""
    found: list[Derived] = []
    for variant in spelling_variants(name):
        found.append(Derived(variant))
    if kind == "person":
        found.extend(Derived(s, needs_anchor=True, surname=True) for s in surname_forms(name))
        found.extend(Derived(s) for s in given_and_surname(name))
    else:
        # "Lima Group" is not Lima: a name without its head counts only beside the full name
        shorts = [(s, True) for s in without_generic_head(name)] + [(s, False) for s in without_owner(name)]
        for short, anchored in shorts:
            for text in (short, *spelling_variants(short)):
                found.append(Derived(text, needs_anchor=anchored))
        found.extend(Derived(s) for s in number_variants(name, kind))
    unique: dict[tuple[str, ...], Derived] = {}
    own = alias_keys(name)
    for derived in found:
        keys = alias_keys(derived.text)
        if keys and keys != own:
            unique.setdefault(keys, derived)
    return list(unique.values())


def spelling_variants(name: str) -> list[str]:
    """ "Ministry of Defence" → "Ministry of Defense" (and back)."""
    variants = []
    for british, american in _SPELLING_PAIRS:
        for old, new in ((british, american), (american, british)):
            pattern = re.compile(rf"\b{old}\b", re.IGNORECASE)
            if pattern.search(name):
                variants.append(pattern.sub(_replacement(new), name))
    return variants


def _replacement(word: str) -> Callable[[re.Match[str]], str]:
    """Put ``word`` in place of a match, capitalized as the match was."""
    return lambda match: word.capitalize() if match.group()[:1].isupper() else word


def surname_forms(name: str) -> list[str]:
    """ "Antony Blinken" → "Blinken"; "Abdel Fattah al-Burhan" → "al-Burhan", "Burhan"."""
    words = name.split()
    if len(words) < 2:
        return []
    last, forms = words[-1], []
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:  # "Abdel Fattah al Burhan"
        forms.append(f"{words[-2]} {last}")
    elif "-" in last and last.split("-", 1)[0].lower() in _PARTICLES:  # "al-Burhan"
        forms.append(last)
        last = last.split("-", 1)[1]
    forms.append(last)
    return forms if _is_name_word(last) else []


def given_and_surname(name: str) -> list[str]:
    """ "Nabil Abdallah Ali" → "Nabil Ali": the middle name left out, as news often does."""
    words = name.split()
    if len(words) != 3 or words[0].lower() in _COMPOUND_GIVEN or words[1].lower() in _COMPOUND_GIVEN:
        return []
    if words[1].lower() in _PARTICLES or not all(_is_name_word(w) for w in words):
        return []
    return [f"{words[0]} {words[2]}"]


def _is_name_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= _MIN_SURNAME_LETTERS and word[:1].isupper()


def without_generic_head(name: str) -> list[str]:
    """ "Wagner Group" → "Wagner"; "the Gaza Strip" → "Gaza"."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) >= 2 and words[-1].lower() in GENERIC_HEADS and words[-2][:1].isupper():
        return [" ".join(words[:-1])]
    return []


def without_owner(name: str) -> list[str]:
    """ "United Nations Security Council" → "Security Council", "UN Security Council";
    "US Africa Command" → "Africa Command", "United States Africa Command"."""
    words = name.split()
    keys = alias_keys(name)
    for group in OWNER_PREFIXES:
        prefix = next((p for p in group if keys[: len(p)] == p), None)
        if prefix is None:
            continue
        rest = words[_words_covering(words, len(prefix)) :]
        if len(rest) < 2 or not rest[0][:1].isupper():
            return []
        body = " ".join(rest)
        return [body, *(f"{_written(p)} {body}" for p in group if p != prefix)]
    return []


def _written(owner: tuple[str, ...]) -> str:
    """An owner's keys as text: ("united", "nations") → "United Nations", ("un",) → "UN"."""
    return " ".join(k.upper() if len(owner) == 1 else k.capitalize() for k in owner)


def _words_covering(words: list[str], key_count: int) -> int:
    """How many written words make up the first ``key_count`` keys ("U.S." is one word and one key)."""
    covered = 0
    for index, word in enumerate(words):
        covered += len(alias_keys(word))
        if covered >= key_count:
            return index + 1
    return len(words)


# Endings of English plurals of the people a group is named after ("Houthis", "Sadrists", "Kurds",
# "Shiites", "Afghans"); a name that merely ends in s ("Hamas", "Daesh"-like transliterations) is
# no plural, and its singular may be another name (Hama, a city in Syria).
_PLURAL_ENDINGS = ("is", "ists", "ites", "ans", "ers", "ds")


def number_variants(name: str, kind: str) -> list[str]:
    """A one-word group name in the other number: "Houthis" → "Houthi"; "Taliban" and "Hamas"
    stay."""
    words = name.split()
    if len(words) != 1 or kind in ("country", "place", "city", "region"):
        return []
    word = words[0]
    if word.lower().endswith(_PLURAL_ENDINGS) and len(word) > 4:
        return [word[:-1]]
    return []
