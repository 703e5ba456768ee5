"""Recurring unknown names across the corpus: what ``build.py suggest`` lists."""

from __future__ import annotations

from collections import defaultdict

from dossier.model import Suggestion

MINIMUM = 2

# (name key, slug, source path, position, text, initial, context, canonical key), in path and reading order
NameRow = tuple[str, str, str, int, str, int, str, str]

# How many names recur: a name counts once it is seen ``MINIMUM`` times, unless it is one word seen only
# at sentence starts ("Furthermore"). The same rule as :func:`build_suggestions`, as SQL over the cache.
RECURRING_SQL = (
    "SELECT COUNT(*) FROM (SELECT canon FROM names GROUP BY canon "
    f"HAVING COUNT(*) >= {MINIMUM} AND (instr(canon, ' ') > 0 OR MIN(initial) = 0))"
)


def build_suggestions(rows: list[NameRow], minimum: int = MINIMUM) -> tuple[Suggestion, ...]:
    """Names seen at least ``minimum`` times; a word seen only at sentence starts is not a name."""
    seen: dict[str, list[NameRow]] = defaultdict(list)
    for row in rows:
        seen[row[7]].append(row)
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
