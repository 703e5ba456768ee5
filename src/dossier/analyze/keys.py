"""The key an article's dated sentences are filed under, so that reports of one happening are found
together. Used when the rows are made (in the extraction worker), so it is kept apart from the
analysis proper: a change to the analysis need not extract anything again."""

from __future__ import annotations

from dossier.timex import parse_timex, week_value


def bucket_of(value: str) -> str:
    """Dates that may report one happening share a bucket: a day with its ISO week; else the value."""
    timex = parse_timex(value)
    if timex is not None and timex.granularity in ("day", "week"):
        return week_value(timex.first_day)
    return value
