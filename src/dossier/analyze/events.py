"""Events and the cross-article timeline.

An event is a sentence carrying a resolved calendar date, with the entities
of that sentence. Reports of one happening in several articles are merged
when their dates agree (equal, or a day inside the week another report gives)
and they are alike. Likeness is measured twice and the higher score counts:
over the words and names right around the date ("Thursday's *strike*", "the
strike last Thursday *killed*"), and over the whole sentence. Both weigh
rare words and names above ubiquitous ones ("Iraq", "US").

The coarser the date, the stricter the merge: reports of the same day join a
happening if they are like any report of it; reports of "2014" must be like
the happening as a whole, and more so.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from dossier.analyze.similarity import content_words, weighted_jaccard, weighted_overlap
from dossier.extract.dates.resolve import as_timex
from dossier.model import BODY, AnnotatedArticle, DateMention, Event, EventSource, Mention, Sentence
from dossier.timex import GRANULARITIES, Timex

# How alike reports must be to merge, by the precision of their date.
MERGE_THRESHOLD = {"day": 0.1, "week": 0.2, "month": 0.3, "season": 0.35, "quarter": 0.35, "half": 0.35}
COARSE_THRESHOLD = 0.45
SINGLE_LINK = frozenset({"day", "week"})  # precise dates: like any one report is enough
LOCAL_WINDOW = 45  # characters each side of the date expression


@dataclass(frozen=True, slots=True)
class Report:
    """One sentence of one article giving a date: a candidate event."""

    order: int  # position of the article in the corpus, then of the sentence
    slug: str
    sentence: Sentence
    date: Timex
    mod: str | None
    date_text: str
    inferred: bool
    entities: tuple[str, ...]
    features: frozenset[str]  # content words and "@entity" names of the sentence
    local: frozenset[str]  # the same, within a few words of the date
    dated: bool = True  # False for a sentence that reports the happening without giving its date


@dataclass(slots=True)
class _Happening:
    reports: list[Report] = field(default_factory=list)
    features: set[str] = field(default_factory=set)

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.features |= report.features


def sentence_features(text: str, start: int, end: int, mentions: list[Mention]) -> frozenset[str]:
    """Words of ``text[start:end]`` outside names, plus the names as "@id" features."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    pieces, cursor = [], start
    for mention in inside:
        pieces.append(text[cursor : mention.start])
        cursor = mention.end
    pieces.append(text[cursor:end])
    return content_words(" ".join(pieces)) | {f"@{m.entity}" for m in inside}


def _report(
    annotated: AnnotatedArticle, article_order: int, sentence: Sentence, date: DateMention, timex: Timex
) -> Report:
    body = annotated.article.body
    mentions = [m for m in annotated.mentions if m.field == BODY and sentence.start <= m.start < sentence.end]
    # the date itself is not shared wording: blank it out
    text = body[: date.start] + " " * (date.end - date.start) + body[date.end :]
    local_start = max(sentence.start, date.start - LOCAL_WINDOW)
    local_end = min(sentence.end, date.end + LOCAL_WINDOW)
    return Report(
        order=article_order * 100_000 + sentence.index,
        slug=annotated.slug,
        sentence=sentence,
        date=timex,
        mod=date.mod,
        date_text=date.text,
        inferred=annotated.published.inferred and date.kind not in ("absolute", "anaphoric"),
        entities=tuple(dict.fromkeys(m.entity for m in mentions)),
        features=sentence_features(text, sentence.start, sentence.end, mentions),
        local=sentence_features(text, local_start, local_end, mentions),
    )


def collect_reports(articles: list[AnnotatedArticle]) -> list[Report]:
    """Every (sentence, date) pair of the corpus, in corpus order."""
    reports = []
    for article_order, annotated in enumerate(articles):
        starts = [s.start for s in annotated.sentences]
        seen: set[tuple[int, str]] = set()
        for date in annotated.body_dates():
            timex = as_timex(date.value)
            index = bisect_left(starts, date.start + 1) - 1
            if timex is None or index < 0 or date.start >= annotated.sentences[index].end:
                continue
            sentence = annotated.sentences[index]
            if (sentence.index, timex.value) not in seen:
                seen.add((sentence.index, timex.value))
                reports.append(_report(annotated, article_order, sentence, date, timex))
    return reports


def _compatible(a: Timex, b: Timex) -> bool:
    if a.value == b.value:
        return True
    return {a.granularity, b.granularity} == {"day", "week"} and (a.contains(b) or b.contains(a))


def _coarser(a: Timex, b: Timex) -> str:
    return max(a.granularity, b.granularity, key=GRANULARITIES.index)


def _likeness(a: Report, b: Report, weights: dict[str, float]) -> float:
    return max(weighted_overlap(a.local, b.local, weights), weighted_jaccard(a.features, b.features, weights))


def _score(report: Report, happening: _Happening, weights: dict[str, float]) -> float:
    granularity = _coarser(report.date, happening.reports[0].date)
    if granularity in SINGLE_LINK:
        return max(_likeness(report, member, weights) for member in happening.reports)
    return weighted_jaccard(report.features, frozenset(happening.features), weights)


def _same_day_groups(reports: list[Report], weights: dict[str, float]) -> list[_Happening]:
    """Reports of the same day, linked when any two are alike (connected components)."""
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_day: dict[str, list[int]] = {}
    for index, report in enumerate(reports):
        by_day.setdefault(report.date.value, []).append(index)
    threshold = MERGE_THRESHOLD["day"]
    for members in by_day.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if root(i) != root(j) and _likeness(reports[i], reports[j], weights) >= threshold:
                    parent[root(j)] = root(i)
    groups: dict[int, _Happening] = {}
    for index, report in enumerate(reports):
        groups.setdefault(root(index), _Happening()).add(report)
    return list(groups.values())


def merge_reports(reports: list[Report], weights: dict[str, float]) -> list[list[Report]]:
    """Group reports of the same happening.

    Days first, as connected groups of alike reports; then every vaguer report,
    finest first, joins its most alike compatible group or starts its own.
    """
    days = sorted(
        (r for r in reports if r.date.granularity == "day"), key=lambda r: (r.date.sort_key, r.order)
    )
    happenings = _same_day_groups(days, weights)
    by_year: dict[int, list[_Happening]] = {}
    for happening in happenings:
        by_year.setdefault(happening.reports[0].date.year, []).append(happening)
    vaguer = [r for r in reports if r.date.granularity != "day"]
    for report in sorted(
        vaguer, key=lambda r: (GRANULARITIES.index(r.date.granularity), r.date.sort_key, r.order)
    ):
        best, best_score = None, 0.0
        for happening in by_year.get(report.date.year, []):
            if not all(_compatible(m.date, report.date) for m in happening.reports):
                continue
            score = _score(report, happening, weights)
            threshold = MERGE_THRESHOLD.get(
                _coarser(report.date, happening.reports[0].date), COARSE_THRESHOLD
            )
            if score >= threshold and score > best_score:
                best, best_score = happening, score
        if best is None:
            best = _Happening()
            happenings.append(best)
            by_year.setdefault(report.date.year, []).append(best)
        best.add(report)
    return [sorted(h.reports, key=lambda r: r.order) for h in happenings]


def finest(reports: list[Report]) -> Report:
    return min(reports, key=lambda r: (GRANULARITIES.index(r.date.granularity), r.order))


def event_from(reports: list[Report]) -> Event:
    most_precise = finest(reports)
    entity_counts = Counter(e for r in reports for e in r.entities)
    first_seen: dict[str, int] = {}
    for r in reports:
        for e in r.entities:
            first_seen.setdefault(e, len(first_seen))
    key = "|".join(f"{r.slug}#{r.sentence.anchor}" for r in reports)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return Event(
        id=f"e-{most_precise.date.value.lower()}-{digest}",
        date=most_precise.date,
        label=most_precise.date.label(most_precise.mod),
        inferred=all(r.inferred for r in reports),
        entities=tuple(sorted(entity_counts, key=lambda e: (-entity_counts[e], first_seen[e]))),
        sources=tuple(
            EventSource(r.slug, r.sentence.text, r.sentence.anchor, r.date_text, r.dated) for r in reports
        ),
    )
