"""Recurring unknown names across the corpus: what ``build.py suggest`` lists."""

from __future__ import annotations

from collections import defaultdict

from dossier.model import Suggestion

MINIMUM = 2

# (key, slug, source path, position, text, initial, context), in path and reading order
NameRow = tuple[str, str, str, int, str, int, str]


def build_suggestions(rows: list[NameRow], minimum: int = MINIMUM) -> tuple[Suggestion, ...]:
    """Names seen at least ``minimum`` times; a word seen only at sentence starts is not a name.

    A surname seen alone after the full name in the same article ("Kavanagh"
    after "Jennifer Kavanagh") counts for the full name.
    """
    full_names: dict[tuple[str, str], str] = {}
    for key, slug, *_ in rows:
        if " " in key:
            full_names.setdefault((slug, key.rsplit(" ", 1)[-1]), key)
    seen: dict[str, list[NameRow]] = defaultdict(list)
    for row in rows:
        key, slug = row[0], row[1]
        seen[full_names.get((slug, key), key)].append(row)
    suggestions = []
    for key, places in seen.items():
        if len(places) < minimum or (all(p[5] for p in places) and " " not in key):
            continue
        spellings: dict[str, int] = defaultdict(int)
        for place in places:
            if " " in place[0] or " " not in key:
                spellings[place[4]] += 1
        suggestions.append(
            Suggestion(
                name=min(spellings, key=lambda t: (-spellings[t], t)),
                count=len(places),
                articles=tuple(dict.fromkeys(p[1] for p in places)),
                context=places[0][6],
            )
        )
    return tuple(sorted(suggestions, key=lambda s: (-s.count, s.name.casefold())))
