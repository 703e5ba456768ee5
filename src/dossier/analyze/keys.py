"""The keys an article's rows are filed under, so that reports of one happening, and statements of
one speaker, are found together. Used when the rows are made (in the extraction worker), so they are
kept apart from the analysis proper: a change to the analysis need not extract anything again."""

from __future__ import annotations

import re

from dossier.model import Statement
from dossier.timex import parse_timex, week_value


def bucket_of(value: str) -> str:
    """Dates that may report one happening share a bucket: a day with its ISO week; else the value."""
    timex = parse_timex(value)
    if timex is not None and timex.granularity in ("day", "week"):
        return week_value(timex.first_day)
    return value


def speaker_key(statement: Statement) -> str:
    """Statements with one key have one speaker: a registry entity, or a name (folded), or a role."""
    if statement.entity:
        return statement.entity
    folded = " ".join(re.sub(r"\b(?:al|el)[- ]", "", statement.speaker.casefold()).split())
    return f"{statement.speaker_kind}:{folded}"
