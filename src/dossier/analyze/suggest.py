"""Recurring unknown names across the corpus: what ``build.py suggest`` lists."""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.model import AnnotatedArticle, NameOccurrence, Suggestion

MINIMUM = 2
CONTEXT = 70  # characters of context on each side


def _context(annotated: AnnotatedArticle, occurrence: NameOccurrence) -> str:
    body = annotated.article.body
    start = max(0, occurrence.start - CONTEXT)
    end = min(len(body), occurrence.end + CONTEXT)
    snippet = " ".join(body[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(body) else "")


def build_suggestions(articles: list[AnnotatedArticle], minimum: int = MINIMUM) -> tuple[Suggestion, ...]:
    """Names seen at least ``minimum`` times; a word seen only at sentence starts is not a name."""
    seen: dict[str, list[tuple[AnnotatedArticle, NameOccurrence]]] = defaultdict(list)
    for annotated in articles:
        # "Kavanagh" after "Jennifer Kavanagh" in the same article is the same person
        full_names = {o.key.rsplit(" ", 1)[-1]: o.key for o in annotated.unknown_names if " " in o.key}
        for occurrence in annotated.unknown_names:
            seen[full_names.get(occurrence.key, occurrence.key)].append((annotated, occurrence))
    suggestions = []
    for places in seen.values():
        if len(places) < minimum:
            continue
        if all(o.initial for _, o in places) and " " not in places[0][1].key:
            continue
        spellings = Counter(o.text for _, o in places if " " in o.key or len(places) == 1)
        spellings = spellings or Counter(o.text for _, o in places)
        first_article, first = places[0]
        suggestions.append(
            Suggestion(
                name=spellings.most_common(1)[0][0],
                count=len(places),
                articles=tuple(dict.fromkeys(a.slug for a, _ in places)),
                context=_context(first_article, first),
            )
        )
    return tuple(sorted(suggestions, key=lambda s: (-s.count, s.name.casefold())))
