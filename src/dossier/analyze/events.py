"""Events: reports of one happening, merged within a bucket of compatible dates.

A report is a sentence carrying a resolved calendar date. Reports whose
dates may describe one happening share a *bucket*: a day shares one with the
rest of its ISO week (so "Thursday" and "last week" can meet), any other date
has a bucket of its own. Within a bucket, reports merge when their dates agree
(equal, or a day inside the week another gives) and they are alike. Likeness
is measured twice and the higher score counts: over the words and names
right around the date ("Thursday's *strike*", "the strike last Thursday
*killed*"), and over the whole sentence, with fixed weights (see
:mod:`similarity`), so merging depends on the bucket alone. Reports in two
languages (an Arabic and an English account of one strike) have no words in
common: they are compared by the names they share (:func:`_name_likeness`).

Reports of one day link when any two are alike (single link); vaguer reports
join the most alike compatible group, and the coarser the date, the more alike
they must be: two sentences about "2014" are less likely to report the same
thing than two about 4 January 2024.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.analyze.similarity import weighted_jaccard, weighted_overlap
from dossier.features import FeatureWeights
from dossier.model import PRECISE, EventSource, SentenceReport, TimelineEvent
from dossier.timex import GRANULARITIES, Timex, parse_timex

MERGE_THRESHOLD = {"day": 0.1, "week": 0.2, "month": 0.3, "season": 0.35, "quarter": 0.35, "half": 0.35}
COARSE_THRESHOLD = 0.45
NAMES_SHARED = 0.5  # across languages: the least share of the fewer names (see _name_likeness)


@dataclass(frozen=True, slots=True)
class Report:
    """A dated sentence placed in the corpus: which article, published when."""

    slug: str
    day: str  # the article's publication day ("" if unknown)
    sentence: SentenceReport
    date: Timex
    signature: str = ""  # shared by the same sentence wherever it appears

    @property
    def order(self) -> tuple[str, str, int]:
        """Corpus order: oldest article first, then reading order."""
        return (self.day or "9999", self.slug, self.sentence.sentence)


@dataclass(slots=True)
class _Group:
    reports: list[Report] = field(default_factory=list)
    signatures: dict[tuple[frozenset[str], frozenset[str]], Report] = field(default_factory=dict)
    features: set[str] = field(default_factory=set)
    features_total: int = 0
    dates: dict[str, Timex] = field(default_factory=dict)  # distinct dates of the members

    def add(self, report: Report, weight: FeatureWeights) -> None:
        self.reports.append(report)
        # identical sentences (wire copy, quotes repeated) are compared once
        self.signatures.setdefault((report.sentence.local, report.sentence.features), report)
        new = report.sentence.features - self.features
        self.features |= new
        self.features_total += (
            weight.total(new) if new is not report.sentence.features else report.sentence.features_weight
        )
        self.dates.setdefault(report.date.value, report.date)

    def accepts_date(self, date: Timex) -> bool:
        return all(_compatible(known, date) for known in self.dates.values())


def _compatible(a: Timex, b: Timex) -> bool:
    if a.value == b.value:
        return True
    return {a.granularity, b.granularity} == {"day", "week"} and (a.contains(b) or b.contains(a))


def _likeness(a: SentenceReport, b: SentenceReport, weight: FeatureWeights) -> float:
    """How alike two reports are: in one language by their words and names, across two by their
    names alone."""
    if across_languages(a.language, b.language):
        return _name_likeness(a.entities, b.entities, weight)
    return max(
        weighted_overlap(a.local, b.local, weight, a.local_weight, b.local_weight),
        weighted_jaccard(a.features, b.features, weight, a.features_weight, b.features_weight),
    )


def across_languages(a: str, b: str) -> bool:
    """Whether two sentences are in languages whose words cannot be compared. A sentence of an
    article that names no language and is not in Arabic script ("") is taken to share the
    language of any other sentence in the Latin script."""
    if a == b:
        return False
    return "ar" in (a, b) or (a != "" and b != "")


def _name_likeness(a: Sequence[str], b: Sequence[str], weight: FeatureWeights) -> float:
    """How alike two reports in different languages are, by their names: the weight of the names
    they share over that of the fewer names, counted only when they share a person, a group or
    an institution and at least half of what the fewer names weigh (a shared country or city
    alone says nothing: every report of the story names Iraq). One shared name may be all there
    is: real reports of one strike, an English sentence and an Arabic one, share "Abu Taqwa" and
    nothing else the registry knows."""
    shared = set(a).intersection(b)
    if all(weight.is_place(e) for e in shared):  # also when they share none
        return 0.0
    smaller = min(sum(weight.entity(e) for e in set(a)), sum(weight.entity(e) for e in set(b)))
    score = sum(weight.entity(e) for e in shared) / smaller
    return score if score >= NAMES_SHARED else 0.0


def _best_link(report: Report, group: _Group, weight: FeatureWeights) -> float:
    return max(_likeness(report.sentence, member.sentence, weight) for member in group.signatures.values())


def _same_day(reports: list[Report], weight: FeatureWeights) -> list[_Group]:
    """Reports of one day: a report joins every group it is alike to, merging them (single link)."""
    groups: list[_Group] = []
    threshold = MERGE_THRESHOLD["day"]
    for report in reports:
        linked = [g for g in groups if _best_link(report, g, weight) >= threshold]
        if not linked:
            group = _Group()
            groups.append(group)
        else:
            group = linked[0]
            for other in linked[1:]:
                for member in other.reports:
                    group.add(member, weight)
                groups.remove(other)
        group.add(report, weight)
    return groups


Occurrence = tuple[str, str | None, int, str, str]  # slug, publication day, sentence, anchor, signature


def cluster_bucket(
    bucket: str,
    occurrences: Sequence[Occurrence],
    reports: dict[str, SentenceReport],
    weight: FeatureWeights,
) -> list[TimelineEvent]:
    """The events of one bucket, from where its reports occur and one report per signature.

    Identical sentences (wire copy, a quote repeated) share a signature and are
    merged as one: each distinct report is placed once, where it first occurs,
    and takes every occurrence with it. So the cost follows the number of
    distinct sentences, not of the articles repeating them.
    """
    groups, where = _bucket_groups(occurrences, reports, weight)
    return [_group_event(bucket, group, where) for group in groups]


def _bucket_groups(
    occurrences: Sequence[Occurrence], reports: dict[str, SentenceReport], weight: FeatureWeights
) -> tuple[list[_Group], dict[str, list[Report]]]:
    dates = {sig: parse_timex(r.date) for sig, r in reports.items() if r.date}
    ordered = sorted(
        (o for o in occurrences if dates.get(o[4]) is not None), key=lambda o: (o[1] or "9999", o[0], o[2])
    )
    where: dict[str, list[Report]] = {}
    for slug, day, sentence, anchor, sig in ordered:
        placed = reports[sig]._replace(sentence=sentence, anchor=anchor)
        where.setdefault(sig, []).append(Report(slug, day or "", placed, dates[sig], sig))  # type: ignore[arg-type]
    firsts = sorted(
        (places[0] for places in where.values()),
        key=lambda r: (GRANULARITIES.index(r.date.granularity), r.date.sort_key, r.order),
    )
    days: dict[str, list[Report]] = {}
    vaguer: list[Report] = []
    for report in firsts:
        (days.setdefault(report.date.value, []) if report.date.granularity == "day" else vaguer).append(
            report
        )
    groups: list[_Group] = []
    for day in sorted(days):
        groups.extend(_same_day(days[day], weight))
    for report in vaguer:
        best, best_score = None, 0.0
        own_total = report.sentence.features_weight
        for group in groups:
            if not group.accepts_date(report.date):
                continue
            coarser = max(report.date.granularity, group.reports[0].date.granularity, key=GRANULARITIES.index)
            if coarser in PRECISE:
                score = _best_link(report, group, weight)
            else:
                score = weighted_jaccard(
                    report.sentence.features, group.features, weight, own_total, group.features_total
                )
            if score >= MERGE_THRESHOLD.get(coarser, COARSE_THRESHOLD) and score > best_score:
                best, best_score = group, score
        if best is None:
            best = _Group()
            groups.append(best)
        best.add(report, weight)
    return groups, where


def _group_event(bucket: str, group: _Group, where: dict[str, list[Report]]) -> TimelineEvent:
    members = [r for first in group.reports for r in where[first.signature]]
    return _event(bucket, sorted(members, key=lambda r: r.order))


BucketData = tuple[Sequence[Occurrence], dict[str, SentenceReport]]


def month_of(bucket: str) -> str | None:
    """The month a bucket belongs to for merging across granularities: a month is its own, an ISO
    week belongs to the month of its Thursday (so each week to one month); others to none."""
    if len(bucket) == 7 and bucket[4] == "-" and bucket[5:].isdigit():
        return bucket
    if len(bucket) == 8 and bucket[4:6] == "-W":
        thursday = date.fromisocalendar(int(bucket[:4]), int(bucket[6:]), 4)
        return f"{thursday.year:04d}-{thursday.month:02d}"
    return None


def weeks_of(month: str) -> list[str]:
    """The ISO weeks whose Thursday lies in ``month`` ("2023-10" → 2023-W40 … 2023-W43)."""
    year, number = int(month[:4]), int(month[5:])
    day = date(year, number, 1)
    weeks = []
    while day.month == number:
        if day.isoweekday() == 4:
            iso = day.isocalendar()
            weeks.append(f"{iso.year}-W{iso.week:02d}")
        day += timedelta(days=1)
    return weeks


def cluster_month(
    month: str, data: Mapping[str, BucketData], weight: FeatureWeights
) -> dict[str, list[TimelineEvent]]:
    """The events of a month's bucket and of its weeks' buckets, with the same happening told at two
    granularities merged: a report dated only to the month ("the onset of the war in Gaza in October
    2023") joins the precise event of that month it is most alike ("after the October 7 attacks")
    when they share a name. The merged event keeps its precise date and lists
    every source; what a bucket's events are depends only on the buckets of its month."""
    clustered = {bucket: _bucket_groups(*bucket_data, weight) for bucket, bucket_data in data.items()}
    coarse, where = clustered.get(month, ([], {}))
    precise = [
        (bucket, group) for bucket, (groups, _) in clustered.items() if bucket != month for group in groups
    ]
    remaining = []
    for group in coarse:
        target = _precise_match(group, precise, weight)
        if target is None:
            remaining.append(group)
            continue
        bucket = target[0]
        clustered[bucket][1].update(
            {sig: where[sig] for sig in where if any(r.signature == sig for r in group.reports)}
        )
        for report in group.reports:
            target[1].add(report, weight)
    events: dict[str, list[TimelineEvent]] = {}
    for bucket, (groups, bucket_where) in clustered.items():
        kept = remaining if bucket == month else groups
        events[bucket] = [_group_event(bucket, group, {**where, **bucket_where}) for group in kept]
    return events


PARTS = {"EARLY": (1, 10), "START": (1, 10), "MID": (11, 20), "LATE": (21, 31), "END": (21, 31)}


def _in_part(mod: str | None, day: Timex) -> bool:
    """Whether a day lies in the part of its month a modifier names ("mid-October": the 11th–20th)."""
    low, high = PARTS.get(mod or "", (1, 31))
    return low <= day.first_day.day <= high


def _precise_match(
    group: _Group, precise: list[tuple[str, _Group]], weight: FeatureWeights
) -> tuple[str, _Group] | None:
    """The precise group inside a month-dated group's month that it tells of, if any."""
    if any(r.date.granularity != "month" for r in group.reports):
        return None
    month = group.reports[0].date
    names = {e for r in group.reports for e in r.sentence.entities}
    best: tuple[float, str, int, tuple[str, _Group]] | None = None
    for bucket, candidate in precise:
        first = candidate.reports[0].date
        if candidate.reports[0].date.granularity not in PRECISE or not month.contains(first):
            continue
        if not all(_in_part(r.sentence.mod, first) for r in group.reports):
            continue  # "late October" tells of no happening on 7 October
        theirs = {e for r in candidate.reports for e in r.sentence.entities}
        if names.isdisjoint(theirs):
            continue
        score = _same_language_link(group, candidate, weight)
        if score >= MERGE_THRESHOLD["month"]:
            key = (score, first.value, -len(candidate.reports), (bucket, candidate))
            if best is None or key[:3] > best[:3]:
                best = key
    return best[3] if best is not None else None


def _same_language_link(group: _Group, candidate: _Group, weight: FeatureWeights) -> float:
    """How alike a month-dated group is to a precise one, over the pairs of reports in one language:
    names alone cannot tell which day of a month a report "in January" tells of."""
    return max(
        (
            _likeness(ours.sentence, theirs.sentence, weight)
            for ours in group.signatures.values()
            for theirs in candidate.signatures.values()
            if not across_languages(ours.sentence.language, theirs.sentence.language)
        ),
        default=0.0,
    )


def _source(report: Report) -> EventSource:
    s = report.sentence
    return EventSource(
        report.slug, s.text, s.anchor, s.date_text, True, _order(report.day, report.slug, s.sentence)
    )


def _order(day: str, slug: str, sentence: int) -> str:
    return f"{day or '9999'}|{slug}|{sentence:05d}"


def undated_source(day: str, slug: str, sentence: int, anchor: str, text: str) -> EventSource:
    """An undated sentence (of an article published on ``day``) that recounts an event."""
    return EventSource(slug, text, anchor, "", False, _order(day, slug, sentence))


def _event(bucket: str, reports: list[Report]) -> TimelineEvent:
    finest = min(reports, key=lambda r: (GRANULARITIES.index(r.date.granularity), r.order))
    counts = Counter(e for r in reports for e in r.sentence.entities)
    first_seen: dict[str, int] = {}
    for r in reports:
        for e in r.sentence.entities:
            first_seen.setdefault(e, len(first_seen))
    first = reports[0]
    key = f"{first.slug}#{first.sentence.anchor}#{finest.date.value}"
    return TimelineEvent(
        id=f"e-{finest.date.value.lower()}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}",
        bucket=bucket,
        date=finest.date,
        label=finest.date.label(finest.sentence.mod),
        inferred=all(r.sentence.inferred for r in reports),
        entities=tuple(sorted(counts, key=lambda e: (-counts[e], first_seen[e]))),
        dated=tuple(_source(r) for r in reports),
        features=frozenset().union(*(r.sentence.features for r in reports)),
    )
