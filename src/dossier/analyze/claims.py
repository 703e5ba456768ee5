"""Cross-article views of what the articles claim: who said what, the figures they give, and which
outlets cover what.

Everything here is a pure function of the rows handed in (read from the store by
the analysis step), so the pages built from it are the same whichever order the
articles were read in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from dossier.model import Coverage, EventSeen, Figure, FigureGroup, OutletCoverage, Statement, Voice
from dossier.timex import parse_timex

SAME_TIME = timedelta(days=90)  # figures with no date of their own, in articles this close, are compared
DISAGREEMENT = 0.10  # figures for one quantity differ when they are more than 10% apart
COVERAGE_WINDOW = timedelta(
    days=90
)  # an outlet covers an event's period if it published within this after it


Row = tuple[str, str | None, Statement]  # (slug, publication day, statement)


def voices_of(rows: Iterable[Row], names: dict[str, str]) -> list[Voice]:
    """The speakers of these statements (rows newest first, as the store gives them), each named as
    its newest statement names it (a registry entity by the registry's name), with the titles the
    articles give it, most used first ("in a statement" describes no one and is left out)."""
    said: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        said[row[2].voice].append(row)
    return [_voice(key, found, names) for key, found in said.items()]


def _voice(key: str, rows: list[Row], names: dict[str, str]) -> Voice:
    newest = rows[0][2]
    titles: dict[str, int] = defaultdict(int)
    for _, _, statement in rows:
        if statement.title and not statement.title.startswith("in a "):
            titles[statement.title] += 1
    ranked = tuple(t for t, _ in sorted(titles.items(), key=lambda item: (-item[1], item[0])))
    name = names.get(newest.entity, newest.speaker) if newest.entity else newest.speaker
    articles = len({slug for slug, _, _ in rows})
    return Voice(key, name, newest.entity, newest.speaker_kind, ranked, len(rows), articles)


def in_voice_order(voices: Iterable[Voice]) -> list[Voice]:
    """Registry entities and named people first (most statements first), unnamed roles last."""
    return sorted(voices, key=lambda v: (v.kind == "role", -v.statements, v.name.casefold(), v.key))


Claim = tuple[str, str | None, Figure]  # (slug, publication day, figure)


def disagree(unit: str, claims: Sequence[Claim]) -> bool:
    """Whether two claims about the same time are more than DISAGREEMENT apart (hedges such as
    "about" aside). Percentages are shares of different wholes and are never compared."""
    if unit == "percent":
        return False
    spans = [
        _Span(slug, figure.value, _period(figure, day), figure.projection) for slug, day, figure in claims
    ]
    values = [span.value for span in spans]
    if not values or max(values) <= min(values) * (1 + DISAGREEMENT):
        return False
    return _any_conflict(spans)


def agree(claims: Sequence[Claim]) -> bool:
    """Whether every current claim is within DISAGREEMENT of every other, whatever time it is for."""
    values = [f.value for _, _, f in claims if not f.projection] or [f.value for _, _, f in claims]
    return max(values) <= min(values) * (1 + DISAGREEMENT)


class _Span(NamedTuple):
    slug: str
    value: float
    period: tuple[date, date, bool] | None
    projection: bool


def _conflict(a: _Span, b: _Span) -> bool:
    """Two articles, one time, values far apart; a projection is set only against other projections."""
    return (
        a.slug != b.slug
        and a.projection == b.projection
        and max(a.value, b.value) > min(a.value, b.value) * (1 + DISAGREEMENT)
        and _same_time(a.period, b.period)
    )


def _any_conflict(spans: list[_Span]) -> bool:
    """Whether two of the claims conflict, checking only pairs that can: claims whose periods,
    stretched by SAME_TIME, share a stretch of SAME_TIME days (claims of no known time go with all
    the others), of one kind (count or projection), and far enough apart in value, found by a sort
    and a binary search. So a quantity thousands of articles agree on costs a sort per quarter."""
    groups: list[list[_Span]] = [spans] if any(span.period is None for span in spans) else []
    width = SAME_TIME.days
    buckets: dict[int, list[_Span]] = {}
    for span in spans:
        if span.period is not None:
            first, last = span.period[0].toordinal(), span.period[1].toordinal() + width
            for bucket in range(first // width, last // width + 1):
                buckets.setdefault(bucket, []).append(span)
    groups.extend(buckets.values())
    for members in groups:
        for projection in (False, True):
            alike = sorted((m for m in members if m.projection == projection), key=lambda m: m.value)
            values = [m.value for m in alike]
            for i, low in enumerate(alike):
                far = bisect_right(values, low.value * (1 + DISAGREEMENT), i + 1)
                if any(_conflict(low, high) for high in alike[far:]):
                    return True
    return False


def _period(figure: Figure, day: str | None) -> tuple[date, date, bool] | None:
    """The time a figure holds for: its own date, else the day its article was published (a point)."""
    timex = parse_timex(figure.holds) if figure.holds else None
    if timex is not None:
        return timex.first_day, timex.last_day, False
    if day:
        point = date.fromisoformat(day)
        return point, point, True
    return None


def _same_time(a: tuple[date, date, bool] | None, b: tuple[date, date, bool] | None) -> bool:
    """Whether two figures can be about the same moment: their periods overlap, within SAME_TIME when
    one of them gives no date of its own (it holds when its article appeared)."""
    if a is None or b is None:
        return True
    slack = SAME_TIME if a[2] or b[2] else timedelta(0)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def group_figures(rows: Sequence[Claim]) -> list[FigureGroup]:
    """Figures by quantity: the ones several articles give (and those that disagree) first; each
    quantity's claims oldest first (undated articles last)."""
    claims: dict[str, list[Claim]] = {}
    oldest_first = sorted(rows, key=lambda row: (row[1] is None, row[1] or "", row[0], row[2].start))
    for slug, day, figure in oldest_first:
        claims.setdefault(figure.quantity, []).append((slug, day, figure))
    groups = []
    for quantity, found in claims.items():
        figure = found[0][2]
        groups.append(
            FigureGroup(
                quantity, figure.kind, figure.place, tuple(found), disagree(figure.kind, found), agree(found),
                len({slug for slug, _, _ in found}),
            )
        )  # fmt: skip
    return sorted(groups, key=lambda g: (-g.sources, not g.disagree, g.quantity))


@dataclass(frozen=True, slots=True)
class EventCoverage:
    """Which outlets report an event, and which of those covering its period do not."""

    reported_by: tuple[str, ...]
    silent: tuple[str, ...]  # outlets that published in the event's period without reporting it


def event_coverage(
    first_day: date, last_day: date, outlets: list[str], publications: dict[str, list[date]]
) -> EventCoverage:
    """``publications``: outlet → the days it published articles, in order. An outlet covers the
    event's period when it published after the event was over (its last day) and within
    COVERAGE_WINDOW of it: an article from before the end of "the first half of 2024" could not
    report a count for it."""
    reported = tuple(sorted(set(outlets), key=str.casefold))
    until = last_day + COVERAGE_WINDOW
    covering = [o for o, days in publications.items() if _published_between(days, last_day, until)]
    return EventCoverage(
        reported, tuple(sorted((o for o in covering if o not in reported), key=str.casefold))
    )


def _published_between(days: list[date], first: date, last: date) -> bool:
    """Whether a sorted list of days has one from ``first`` to ``last``."""
    at = bisect_left(days, first)
    return at < len(days) and days[at] <= last


COVERAGE_EVENTS = 200  # the most recent events whose coverage is compared


def coverage(
    tallies: Iterable[tuple[str, str, int, int]],
    source_counts: dict[str, int],
    source_days: Iterable[tuple[str, str]],
    events: Sequence[tuple[Any, list[str], list[str]]],
    names: dict[str, str],
) -> Coverage:
    """The coverage view, from (source, entity, mentions, articles) tallies, articles per source,
    (source, day) of dated articles, (event, outlets, languages) in timeline order (the latest
    COVERAGE_EVENTS of them are enough) and the registry's names."""
    totals: dict[str, int] = {}
    cells: dict[str, dict[str, tuple[int, int]]] = {}
    for source, entity, mentions, articles in tallies:
        if entity in names:
            totals[entity] = totals.get(entity, 0) + mentions
        cells.setdefault(source, {})[entity] = (mentions, articles)
    ranking = sorted(totals.items(), key=lambda pair: (-pair[1], names[pair[0]].casefold()))
    publications: dict[str, list[date]] = {}
    for source, day in source_days:
        if source:  # an article without a source is no outlet's silence
            publications.setdefault(source, []).append(date.fromisoformat(day))
    for days in publications.values():
        days.sort()
    latest = sorted(events, key=lambda pair: (pair[0].date.last_day, pair[0].date.first_day))
    seen = []
    for event, outlets, _ in latest[-COVERAGE_EVENTS:]:
        named = [o or "an article without a source" for o in outlets]
        found = event_coverage(event.date.first_day, event.date.last_day, named, publications)
        seen.append(
            EventSeen(
                event.label, event.date.value, event.lead.sentence, event.first_day,
                event.date.granularity, found.reported_by, found.silent,
            )
        )  # fmt: skip
    by_outlet = tuple(
        OutletCoverage(s, source_counts.get(s, 0), cells[s]) for s in sorted(cells, key=str.casefold) if s
    )
    return Coverage(tuple(ranking), by_outlet, tuple(seen))
