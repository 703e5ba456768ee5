"""Cross-article views of what the articles claim: who said what, the figures they give, and which
outlets cover what.

Everything here is a pure function of rows read from the build cache, so the
pages built from it are the same whichever order the articles were read in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.cache import speaker_key
from dossier.model import Figure, Statement

DISAGREEMENT = 0.10  # figures for one quantity differ when they are more than 10% apart
COVERAGE_WINDOW = timedelta(
    days=90
)  # an outlet covers an event's period if it published within this after it


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


def group_voices(rows: list[tuple[str, str | None, Statement]], names: dict[str, str]) -> list[Voice]:
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
        if statement.title:
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
        """Whether two claims are more than DISAGREEMENT apart (hedges such as "about" aside)."""
        values = [f.value for _, _, f in self.claims]
        return bool(values) and max(values) > min(values) * (1 + DISAGREEMENT)

    @property
    def sources(self) -> int:
        return len({slug for slug, _, _ in self.claims})


def group_figures(rows: list[tuple[str, str | None, Figure]]) -> list[FigureGroup]:
    """Figures by quantity: the ones several articles give (and those that disagree) first."""
    groups: dict[str, FigureGroup] = {}
    for slug, day, figure in rows:
        group = groups.get(figure.quantity)
        if group is None:
            group = groups[figure.quantity] = FigureGroup(figure.quantity, figure.unit, figure.place, [])
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
    when it published between the event's first day and COVERAGE_WINDOW after its last."""
    reported = tuple(sorted(set(outlets), key=str.casefold))
    until = last_day + COVERAGE_WINDOW
    silent = tuple(
        sorted(
            (
                o
                for o, days in publications.items()
                if o not in reported and any(first_day <= d <= until for d in days)
            ),
            key=str.casefold,
        )
    )
    return EventCoverage(reported, silent)
