"""Paragraphs built to make a text scanner slow: one pattern repeated to a given size.

Each once took time that grew with the square of the paragraph's length (a run of dots: sentence
candidates tried from every dot; "said " again and again: a speaker searched for before every verb;
"](" and "<a": Markdown links and tags tried 2,000 characters on from each). Used by
``tests/test_linear.py`` and ``bench/pathological.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.model import Article

PATTERNS: dict[str, Callable[[int], str]] = {
    "a run of dots after a word": lambda size: "Word" + "." * size + " and more",
    "words with full stops": lambda size: "word. " * (size // 6),
    '"said " repeated': lambda size: "said " * (size // 5),
    '"he said: \\"" repeated': lambda size: 'he said: "' * (size // 10),
    '"according to " repeated': lambda size: "according to " * (size // 13),
    '"](" repeated': lambda size: "](" * (size // 2),
    '"<a" repeated': lambda size: "<a" * (size // 2),
}


def paragraph_article(body: str) -> Article:
    return Article(
        source_path="articles/pathological.md",
        slug="pathological",
        title="Pathological",
        body=body,
        markup="markdown",
        published=date(2024, 3, 1),
    )


def extraction_seconds(matcher: Matcher, pattern: str, size: int) -> float:
    """The CPU time extracting one paragraph of ``size`` characters of ``pattern`` takes (CPU time,
    so that other work on a shared machine does not count)."""
    article = paragraph_article(PATTERNS[pattern](size))
    started = time.process_time()
    extract_article(article, matcher)
    return time.process_time() - started
