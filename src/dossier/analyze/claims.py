"""Cross-article views of what the articles claim: who said what, the figures they give, and which
outlets cover what.

Everything here is a pure function of rows read from the build cache, so the
pages built from it are the same whichever order the articles were read in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from dossier.model import Figure, Statement
from dossier.timex import parse_timex

SAME_TIME = timedelta(days=90)  # figures with no date of their own, in articles this close, are compared
DISAGREEMENT = 0.10  # figures for one quantity differ when they are more than 10% apart
COVERAGE_WINDOW = timedelta(
    days=90
)  # an outlet covers an event's period if it published within this after it


def speaker_key(statement: Statement) -> str:
    """Statements with one key have one speaker: a registry entity, or a name (folded), or a role."""
    if statement.entity:
        return statement.entity
    folded = " ".join(re.sub(r"\b(?:al|el)[- ]", "", statement.speaker.casefold()).split())
    return f"{statement.speaker_kind}:{folded}"


@dataclass(slots=True)
class Voice:
    """One speaker and everything the articles attribute to them."""

    key: str
    name: str
    entity: str | None
    kind: str  # entity, person, role
    titles: list[str] = field(default_factory=list)  # as the articles describe them, most used first
    statements: list[tuple[str, str | None, Statement]] = field(default_factory=list)  # (slug, day, …)

    @property
    def articles(self) -> int:
        return len({slug for slug, _, _ in self.statements})


def group_voices(rows: Sequence[tuple[str, str | None, Statement]], names: dict[str, str]) -> list[Voice]:
    """Statements by speaker: registry entities and named people first (most statements first),
    unnamed roles ("an Iraqi political analyst") last."""
    voices: dict[str, Voice] = {}
    titles: dict[str, dict[str, int]] = defaultdict(dict)
    for slug, day, statement in rows:
        key = speaker_key(statement)
        voice = voices.get(key)
        if voice is None:
            name = names.get(statement.entity, statement.speaker) if statement.entity else statement.speaker
            voice = voices[key] = Voice(key, name, statement.entity, statement.speaker_kind)
        voice.statements.append((slug, day, statement))
        if statement.title and not statement.title.startswith("in a "):  # "in a statement" describes no one
            titles[key][statement.title] = titles[key].get(statement.title, 0) + 1
    for key, voice in voices.items():
        voice.titles = [t for t, _ in sorted(titles[key].items(), key=lambda item: (-item[1], item[0]))]
    return sorted(
        voices.values(),
        key=lambda v: (v.kind == "role", -len(v.statements), v.name.casefold()),
    )


@dataclass(slots=True)
class FigureGroup:
    """The claims of several articles about one quantity (US troops in Iraq, attacks…)."""

    quantity: str
    unit: str
    place: str | None
    claims: list[tuple[str, str | None, Figure]]  # (slug, day, figure), oldest first

    @property
    def disagree(self) -> bool:
        """Whether two claims about the same time are more than DISAGREEMENT apart (hedges such as
        "about" aside). Percentages are shares of different wholes and are never compared."""
        if self.unit == "percent":
            return False
        spans = [
            _Span(slug, figure.value, _period(figure, day), figure.projection)
            for slug, day, figure in self.claims
        ]
        values = [span.value for span in spans]
        if not values or max(values) <= min(values) * (1 + DISAGREEMENT):
            return False
        return any(_conflict(a, b) for a, b in _comparable_pairs(spans))

    @property
    def agree(self) -> bool:
        """Whether every current claim is within DISAGREEMENT of every other, whatever time it is for."""
        values = [f.value for _, _, f in self.claims if not f.projection] or [
            f.value for _, _, f in self.claims
        ]
        return max(values) <= min(values) * (1 + DISAGREEMENT)

    @property
    def sources(self) -> int:
        return len({slug for slug, _, _ in self.claims})


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


def _comparable_pairs(spans: list[_Span]) -> Iterator[tuple[_Span, _Span]]:
    """The pairs of claims that can be about one time: those whose periods, stretched by SAME_TIME,
    share a stretch of SAME_TIME days, and claims of no known time with all others. So a quantity
    that thousands of articles give costs about the claims per quarter squared, not all of them."""
    undated = [span for span in spans if span.period is None]
    for i, a in enumerate(undated):
        yield from ((a, b) for b in [*undated[i + 1 :], *(s for s in spans if s.period is not None)])
    width = SAME_TIME.days
    buckets: dict[int, list[_Span]] = {}
    for span in spans:
        if span.period is not None:
            first, last = span.period[0].toordinal(), span.period[1].toordinal() + width
            for bucket in range(first // width, last // width + 1):
                buckets.setdefault(bucket, []).append(span)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (id(a), id(b))
                if pair not in seen:
                    seen.add(pair)
                    yield a, b


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


def group_figures(rows: Sequence[tuple[str, str | None, Figure]]) -> list[FigureGroup]:
    """Figures by quantity: the ones several articles give (and those that disagree) first."""
    groups: dict[str, FigureGroup] = {}
    for slug, day, figure in rows:
        group = groups.get(figure.quantity)
        if group is None:
            group = groups[figure.quantity] = FigureGroup(figure.quantity, figure.kind, figure.place, [])
        group.claims.append((slug, day, figure))
    return sorted(groups.values(), key=lambda g: (-g.sources, not g.disagree, g.quantity))


@dataclass(frozen=True, slots=True)
class EventCoverage:
    """Which outlets report an event, and which of those covering its period do not."""

    reported_by: tuple[str, ...]
    silent: tuple[str, ...]  # outlets that published in the event's period without reporting it


def event_coverage(
    first_day: date, last_day: date, outlets: list[str], publications: dict[str, list[date]]
) -> EventCoverage:
    """``publications``: outlet → the days it published articles. An outlet covers the event's period
    when it published after the event was over (its last day) and within COVERAGE_WINDOW of it: an
    article from before the end of "the first half of 2024" could not report a count for it."""
    reported = tuple(sorted(set(outlets), key=str.casefold))
    until = last_day + COVERAGE_WINDOW
    covering = [o for o, days in publications.items() if any(last_day <= d <= until for d in days)]
    return EventCoverage(
        reported, tuple(sorted((o for o in covering if o not in reported), key=str.casefold))
    )


COVERAGE_EVENTS = 200  # the most recent events whose coverage is compared


@dataclass(frozen=True, slots=True)
class OutletCoverage:
    """One outlet: how many articles it published, and how often it names each entity."""

    source: str
    articles: int
    cells: dict[str, tuple[int, int]]  # entity → (mentions, articles naming it)


@dataclass(frozen=True, slots=True)
class EventSeen:
    """One event, and which outlets report it or publish in its period without reporting it."""

    label: str
    date: str  # its TIMEX value
    lead: str  # the sentence that reports it first
    first_day: str
    granularity: str
    reported_by: tuple[str, ...]
    silent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which outlets cover what: the entities by mentions, the outlets, the latest events."""

    ranking: tuple[tuple[str, int], ...]  # registry entities by mentions across all outlets
    outlets: tuple[OutletCoverage, ...]  # by name (articles without a source are no outlet)
    events: tuple[EventSeen, ...]  # the COVERAGE_EVENTS latest to end, oldest first


def coverage(
    tallies: Iterable[tuple[str, str, int, int]],
    source_counts: dict[str, int],
    source_days: Iterable[tuple[str, str]],
    events: list[tuple[Any, list[str]]],
    names: dict[str, str],
) -> Coverage:
    """The coverage view, from (source, entity, mentions, articles) tallies, articles per source,
    (source, day) of dated articles, (event, outlets) in timeline order and the registry's names."""
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
    latest = sorted(events, key=lambda pair: (pair[0].date.last_day, pair[0].date.first_day))
    seen = []
    for event, outlets in latest[-COVERAGE_EVENTS:]:
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
