"""Recurring unknown names across the corpus: what ``build.py suggest`` lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

from dossier.model import Suggestion

MINIMUM = 2


class Sighting(Protocol):
    """An unknown name where it was seen (the store's ``NameSighting`` is one)."""

    @property
    def key(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def initial(self) -> int: ...
    @property
    def context(self) -> str: ...
    @property
    def canon(self) -> str: ...


class Tally(Protocol):
    """How often a name is seen, and whether only at sentence starts (the store's ``NameTally``)."""

    @property
    def canon(self) -> str: ...
    @property
    def seen(self) -> int: ...
    @property
    def only_initial(self) -> bool: ...


def recurring(canon: str, count: int, only_initial: bool, minimum: int = MINIMUM) -> bool:
    """A name recurs once it is seen ``minimum`` times, unless it is one word seen only at sentence
    starts ("Furthermore"), where capitals prove little."""
    return count >= minimum and not (only_initial and " " not in canon)


def recurring_count(tallies: Iterable[Tally]) -> int:
    """How many recurring names the registry does not know."""
    return sum(1 for t in tallies if recurring(t.canon, t.seen, t.only_initial))


def build_suggestions(rows: Sequence[Sighting], minimum: int = MINIMUM) -> tuple[Suggestion, ...]:
    """Names seen at least ``minimum`` times; a word seen only at sentence starts is not a name."""
    seen: dict[str, list[Sighting]] = defaultdict(list)
    for row in rows:
        seen[row.canon].append(row)
    suggestions = []
    for key, places in seen.items():
        if not recurring(key, len(places), all(p.initial for p in places), minimum):
            continue
        spellings: dict[str, int] = defaultdict(int)
        for place in places:
            if " " in place.key or " " not in key:
                spellings[place.text] += 1
        suggestions.append(
            Suggestion(
                name=min(spellings, key=lambda t: (-spellings[t], t)),
                count=len(places),
                articles=tuple(dict.fromkeys(p.slug for p in places)),
                context=places[0].context,
            )
        )
    return tuple(sorted(suggestions, key=lambda s: (-s.count, s.name.casefold())))
