"""Small text helpers for pages: Markdown sentences as plain text, excerpts for lists."""

from __future__ import annotations

import re

from dossier.model import AnnotatedArticle

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """A sentence of Markdown as plain text: link targets and emphasis markers removed."""
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text).replace("\\", "")


def excerpt(annotated: AnnotatedArticle, limit: int = 260) -> str:
    """The summary, or the opening sentences of the body, cut at a word."""
    if annotated.article.summary:
        text = annotated.article.summary
    else:
        text = ""
        for sentence in annotated.sentences:
            if not sentence.text.rstrip().endswith((".", "!", "?", "”", '"', "’")):
                continue  # headings and fragments
            text = f"{text} {plain(sentence.text)}".strip()
            if len(text) > limit * 0.6:
                break
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)].rstrip(",;:—– ") + "…"
