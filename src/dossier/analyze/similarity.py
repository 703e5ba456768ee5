"""Weighted word and entity overlap, for deciding whether two sentences report one happening."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even few for from further had
    has have having he her here hers him his how i if in into is it its itself just like made make many
    may me might more most much must my no nor not now of off on once only or other our out over own
    said same say says she should since so some still such than that the their them then there these
    they this those through to too under until up upon very was we were what when where which while who
    whom why will with would yet you your""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s")


def stem(word: str) -> str:
    """A light suffix stripper: "announce", "announced", "announcement" all become "announc"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2)


def inverse_frequencies(collections: Iterable[Iterable[str]]) -> dict[str, float]:
    """IDF weights: rare words and entities count for more than ubiquitous ones."""
    documents = 0
    frequency: Counter[str] = Counter()
    for items in collections:
        documents += 1
        frequency.update(set(items))
    return {item: math.log(1 + documents / count) for item, count in frequency.items()}


def weighted_jaccard(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    """Shared weight over total weight."""
    union = sum(weights.get(x, 1.0) for x in a | b)
    return sum(weights.get(x, 1.0) for x in a & b) / union if union else 0.0


def weighted_overlap(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    """Shared weight over the weight of the smaller side: high when one is contained in the other."""
    smaller = min(sum(weights.get(x, 1.0) for x in a), sum(weights.get(x, 1.0) for x in b))
    return sum(weights.get(x, 1.0) for x in a & b) / smaller if smaller else 0.0
