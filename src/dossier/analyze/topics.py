"""Topic data for one entity, from aggregates of the articles' rows handed in.

Counts, spellings, co-occurrences and months are summed by the store; the
choices (which spelling represents a group, the span of the chart) are made here.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from dossier.model import TopicSummary
from dossier.timex import month_value, shift_month


def surface_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").casefold().split())


def aliases_seen(spellings: Sequence[tuple[str, int]]) -> tuple[str, ...]:
    """Distinct spellings (ignoring case and apostrophe style), most used first, as most often written."""
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for text, count in spellings:
        groups[surface_key(text)][text] = count
    ranked = sorted(groups.values(), key=lambda forms: (-sum(forms.values()), min(forms)))
    return tuple(min(forms, key=lambda t: (-forms[t], t)) for forms in ranked)


def months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(month_value(year, month))
        year, month = shift_month(year, month, 1)
    return months


MAX_BARS = 240  # a chart of more months than this (a corpus over 20 years, a mistyped year) counts years


def chart_series(counts: dict[str, int], first: str, last: str) -> tuple[tuple[str, int], ...]:
    """Mentions per month from ``first`` to ``last`` (ISO days), or per year over a long span; at most
    MAX_BARS of the latest periods, so that one article dated 9999 cannot make every topic page huge."""
    first_year, last_year = int(first[:4]), int(last[:4])
    if (last_year - first_year) * 12 < MAX_BARS:
        return tuple((m, counts.get(m, 0)) for m in months_between(first, last))
    years: dict[str, int] = {}
    for month, count in counts.items():
        years[month[:4]] = years.get(month[:4], 0) + count
    start = max(first_year, last_year - MAX_BARS + 1)
    return tuple((f"{y:04d}", years.get(f"{y:04d}", 0)) for y in range(start, last_year + 1))


def topic_summary(
    entity: str,
    mentions: int,
    articles: int,
    days: tuple[str | None, str | None],
    month_counts: dict[str, int],
    spellings: Sequence[tuple[str, int]],
    cooccurring: Sequence[tuple[str, int]],
    span: tuple[str | None, str | None],
) -> TopicSummary:
    """A topic's summary from its rows' aggregates: ``days`` are the first and last day it is named,
    ``month_counts`` its mentions per month, ``span`` the first and last day of the whole corpus
    (every topic's chart runs over it)."""
    by_month: tuple[tuple[str, int], ...] = ()
    if span[0] and span[1]:
        by_month = chart_series(month_counts, span[0], span[1])
    return TopicSummary(
        entity=entity,
        mentions=mentions,
        articles=articles,
        aliases_seen=aliases_seen(spellings),
        first_seen=days[0],
        last_seen=days[1],
        by_month=by_month,
        cooccurring=tuple(cooccurring),
    )
