"""What one article contributes to the site, computed once per article version.

An :class:`ArticleFacts` holds everything the cross-article analysis needs
from one article (mention counts, first mentions, sentence co-occurrences, the
sentences that may report a happening) and everything its own page and its
entry in the exports need (the rendered body, the annotations). It is made in
a worker process, stored in the build cache, and never recomputed while the
article, the registry and dossier stay the same.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence

from dossier.extract.dates.resolve import as_timex
from dossier.extract.furniture import is_comparison_base, is_deadline, is_furniture
from dossier.features import FeatureWeights, content_words
from dossier.model import (
    BODY,
    STATEMENTS,
    TITLE,
    AnnotatedArticle,
    ArticleFacts,
    Card,
    Mention,
    NameRow,
    Sentence,
    SentenceReport,
    TopicRow,
)

BACKGROUND = frozenset({"decade", "century"})  # too coarse to place a happening of a news story
LOCAL_WINDOW = 45
_ATTRIBUTION = re.compile(
    r"[”\"’]?\s*,\s*(?:[\w’'.-]+\s+){0,8}?(?:said|says|reported|reports|added|told|stated|announced|wrote)\b"
)  # characters each side of a date whose words describe the happening


def _sentence_of(starts: list[int], sentences: tuple[Sentence, ...], offset: int) -> Sentence | None:
    index = bisect_right(starts, offset) - 1
    if index < 0 or offset >= sentences[index].end:
        return None
    return sentences[index]


def _words_and_names(text: str, base: int, start: int, end: int, mentions: list[Mention]) -> frozenset[str]:
    """Content words of body[start:end] outside names, plus the names as "@id" features.

    ``text`` is the stretch of the body that begins at offset ``base`` (a sentence, not the whole
    body, so that a long article is never copied once per date).
    """
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    pieces, cursor = [], start
    for mention in inside:
        pieces.append(text[cursor - base : mention.start - base])
        cursor = mention.end
    pieces.append(text[cursor - base : end - base])
    return content_words(" ".join(pieces)) | {f"@{m.entity}" for m in inside}


def _mentions_within(mentions: list[Mention], starts: list[int], sentence: Sentence) -> list[Mention]:
    """The mentions that start inside ``sentence``; ``starts`` are the mentions' sorted start offsets."""
    return mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]


def _topic_rows(annotated: AnnotatedArticle, starts: list[int]) -> tuple[TopicRow, ...]:
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str]] = {}
    for mention in annotated.mentions:
        counts[mention.entity] += 1
        if mention.field == TITLE:
            first.setdefault(mention.entity, (annotated.article.title, ""))
            continue
        sentence = _sentence_of(starts, annotated.sentences, mention.start)
        place = (sentence.text, sentence.anchor) if sentence else ("", "")
        known = first.get(mention.entity)
        if known is None or (not known[1] and place[1]):  # prefer the body's first sentence over the title
            first[mention.entity] = place
    return tuple(TopicRow(e, counts[e], *first[e]) for e in sorted(counts))


def _pairs(annotated: AnnotatedArticle, starts: list[int]) -> tuple[tuple[str, str, int], ...]:
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for mention in annotated.mentions:
        if mention.field == TITLE:
            by_sentence[-1].add(mention.entity)
        else:
            sentence = _sentence_of(starts, annotated.sentences, mention.start)
            by_sentence[sentence.index if sentence else -2].add(mention.entity)
    pairs: Counter[tuple[str, str]] = Counter()
    for names in by_sentence.values():
        for a in names:
            for b in names:
                if a != b:
                    pairs[(a, b)] += 1
    return tuple((a, b, n) for (a, b), n in sorted(pairs.items()))


def _main_place(annotated: AnnotatedArticle, weight: FeatureWeights) -> str | None:
    """The place the article names most (the first named, on a tie): where its happenings are,
    when a sentence names no place of its own."""
    counts: Counter[str] = Counter(m.entity for m in annotated.body_mentions() if weight.is_place(m.entity))
    return max(counts, key=lambda e: counts[e]) if counts else None


def _attribution_tails(annotated: AnnotatedArticle) -> list[tuple[int, int]]:
    """Where a sentence goes on after what was said to say who said it and when ("…, Al Jazeera
    reported on Saturday", "…, authorities said on Saturday"): a date there dates the report, not
    the happening it reports."""
    starts = {s.index: s for s in annotated.sentences}
    tails = []
    for statement in annotated.found(STATEMENTS):
        sentence = starts.get(statement.sentence)
        if sentence is not None and statement.end < sentence.end:
            tail = annotated.article.body[statement.end : sentence.end]
            if _ATTRIBUTION.match(tail):
                tails.append((statement.end, sentence.end))
    return tails


_POINTER = re.compile(
    r"^\W*(?:The|This|That)\s+(?:group|militia|movement|faction|organi[sz]ation|bloc|alliance|"
    r"company|coalition|council|government|junta|force|forces|army|ministry)\b|^\W*(?:It|They)\s"
)


def _pointed_back(
    annotated: AnnotatedArticle,
    sentence: Sentence,
    mentions: list[Mention],
    starts: list[int],
    weight: FeatureWeights,
) -> list[str]:
    """ "The group … emerged in late 2023": a sentence that opens by pointing back takes part of the
    first name (not a place) of the sentence before it."""
    if sentence.index == 0 or not _POINTER.match(sentence.text):
        return []
    previous = annotated.sentences[sentence.index - 1]
    for mention in _mentions_within(mentions, starts, previous):
        if not weight.is_place(mention.entity):
            return [mention.entity]
    return []


def _speakers_by_sentence(annotated: AnnotatedArticle) -> dict[int, list[str]]:
    """The registry entities that speak in each sentence: they take part in what it reports."""
    found: dict[int, list[str]] = defaultdict(list)
    for statement in annotated.found(STATEMENTS):
        if statement.entity:
            found[statement.sentence].append(statement.entity)
    return found


def _reports(
    annotated: AnnotatedArticle, starts: list[int], weight: FeatureWeights | None = None
) -> tuple[SentenceReport, ...]:
    """Every (sentence, date) pair that dates a happening, once per sentence and date value: not
    the page's own dates, nor the deadlines of plans (see :mod:`dossier.extract.furniture`)."""
    body = annotated.article.body
    mentions = sorted(annotated.body_mentions(), key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    main_place = _main_place(annotated, weight) if weight is not None else None
    published = annotated.published.day
    tails = _attribution_tails(annotated)
    speakers = _speakers_by_sentence(annotated)
    found: list[SentenceReport] = []
    seen: set[tuple[int, str]] = set()
    for date in annotated.body_dates():
        timex = as_timex(date.value)
        sentence = _sentence_of(starts, annotated.sentences, date.start)
        if timex is None or sentence is None or (sentence.index, timex.value) in seen:
            continue
        at, until = date.start - sentence.start, min(date.end, sentence.end) - sentence.start
        later = published is not None and timex.first_day > published
        days_after = (timex.first_day - published).days if published is not None else None
        if is_furniture(sentence.text, at, until) or is_deadline(sentence.text, at, later, days_after):
            continue
        if is_comparison_base(sentence.text, at):
            continue
        if timex.granularity in BACKGROUND or any(a <= date.start < b for a, b in tails):
            continue  # "in the early 2000s" is background; "…, Al Jazeera reported on Saturday" no happening
        seen.add((sentence.index, timex.value))
        inside = _mentions_within(mentions, mention_starts, sentence)
        entities = list(dict.fromkeys([*(m.entity for m in inside), *speakers.get(sentence.index, ())]))
        if weight is not None and all(weight.is_place(e) for e in entities):
            entities.extend(_pointed_back(annotated, sentence, mentions, mention_starts, weight))
        if main_place and weight is not None and not any(weight.is_place(e) for e in entities):
            entities.append(main_place)  # "On April 29, 56 more were buried." happened in El Geneina
        date_end = min(date.end, sentence.end)
        blanked = (  # the sentence with its date blanked: a shared date is not shared wording
            body[sentence.start : date.start] + " " * (date_end - date.start) + body[date_end : sentence.end]
        )
        found.append(
            SentenceReport(
                sentence=sentence.index,
                anchor=sentence.anchor,
                text=sentence.text,
                date=timex.value,
                mod=date.mod,
                date_text=date.text,
                inferred=annotated.published.inferred and date.kind not in ("absolute", "anaphoric"),
                entities=tuple(entities),
                features=_words_and_names(blanked, sentence.start, sentence.start, sentence.end, inside),
                local=_words_and_names(
                    blanked,
                    sentence.start,
                    max(sentence.start, date.start - LOCAL_WINDOW),
                    min(sentence.end, date.end + LOCAL_WINDOW),
                    inside,
                ),
                language=annotated.primary_language,
            )
        )
    return tuple(found)


def _undated(
    annotated: AnnotatedArticle, dated: set[int], weight: FeatureWeights
) -> tuple[SentenceReport, ...]:
    """Sentences without a date that name at least two entities, one of them not a place:
    the ones that can recount a happening another article dates."""
    if annotated.published.day is None or annotated.published.inferred:
        return ()
    body = annotated.article.body
    mentions = sorted(annotated.body_mentions(), key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    found = []
    for sentence in annotated.sentences:
        if sentence.index in dated:
            continue
        inside = _mentions_within(mentions, mention_starts, sentence)
        entities = tuple(dict.fromkeys(m.entity for m in inside))
        if len(entities) < 2 or all(weight.is_place(e) for e in entities):
            continue
        text = body[sentence.start : sentence.end]
        features = _words_and_names(text, sentence.start, sentence.start, sentence.end, inside)
        found.append(
            SentenceReport(
                sentence.index,
                sentence.anchor,
                sentence.text,
                None,
                None,
                "",
                False,
                entities,
                features,
                features,
                language=annotated.primary_language,
            )
        )
    return tuple(found)


def _annotations_entry(annotated: AnnotatedArticle) -> str:
    """The article's object in data/annotations.json (the evaluation contract)."""
    article = annotated.article
    published = annotated.published
    entry: dict = {
        "slug": article.slug,
        "title": article.title,
        "source_path": article.source_path,
        "published": published.day.isoformat() if published.day else None,
        "published_inferred": published.inferred,
    }
    if published.inferred and published.value is not None:
        entry["published_estimate"] = published.value.value
    entry["mentions"] = [
        {
            "entity": m.entity,
            "text": m.text,
            "start": m.start,
            "end": m.end,
            **({"field": TITLE} if m.field == TITLE else {}),
        }
        for m in annotated.mentions
    ]
    entry["dates"] = [
        {
            "text": d.text,
            "value": d.value,
            "start": d.start,
            "end": d.end,
            "kind": d.kind,
            **({"mod": d.mod} if d.mod else {}),
            **({"field": TITLE} if d.field == TITLE else {}),
        }
        for d in annotated.dates
    ]
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _weighed(report: SentenceReport, weight: FeatureWeights) -> SentenceReport:
    return report._replace(
        features_weight=weight.total(report.features), local_weight=weight.total(report.local)
    )


def article_facts(
    annotated: AnnotatedArticle, key: str, body_html: str, excerpt: str, weight: FeatureWeights
) -> ArticleFacts:
    """Everything the site needs from one annotated article."""
    article = annotated.article
    starts = [s.start for s in annotated.sentences]
    reports = _reports(annotated, starts, weight)
    spellings: Counter[tuple[str, str]] = Counter((m.entity, m.text) for m in annotated.mentions)
    published = annotated.published
    return ArticleFacts(
        key=key,
        path=article.source_path,
        card=Card(
            slug=article.slug,
            title=article.title,
            source=article.source,
            authors=article.authors,
            published=published.value.value if published.value else None,
            inferred=published.inferred,
            excerpt=excerpt,
            language=annotated.language,
        ),
        day=published.day.isoformat() if published.day else None,
        url=article.url,
        tags=article.tags,
        summary=article.summary,
        mentions=_topic_rows(annotated, starts),
        spellings=tuple((e, t, n) for (e, t), n in sorted(spellings.items())),
        pairs=_pairs(annotated, starts),
        reports=tuple(_weighed(r, weight) for r in reports),
        undated=tuple(
            _weighed(r, weight) for r in _undated(annotated, {r.sentence for r in reports}, weight)
        ),
        names=_name_rows(annotated),
        body_html=body_html,
        annotations=_annotations_entry(annotated),
        mention_count=len(annotated.mentions),
        date_count=len(annotated.dates),
        findings=annotated.findings,
    )


def canonical_keys(keys: Sequence[str]) -> list[str]:
    """Each name key of one article as counted: a surname seen alone counts for the full name.

    "Kavanagh" after "Jennifer Kavanagh" in the same article is the same person. Done per
    article, so it is stored with the article and counting across articles is a plain sum.
    """
    full_names: dict[str, str] = {}
    for key in keys:
        if " " in key:
            full_names.setdefault(key.rsplit(" ", 1)[-1], key)
    return [full_names.get(key, key) for key in keys]


def _name_rows(annotated: AnnotatedArticle) -> tuple[NameRow, ...]:
    body = annotated.article.body
    names = [n for n in annotated.unknown_names if n.field == BODY]
    return tuple(
        NameRow(n.key, n.text, n.start, n.initial, _context(body, n.start, n.end), canon)
        for n, canon in zip(names, canonical_keys([n.key for n in names]), strict=True)
    )


def _context(body: str, start: int, end: int, width: int = 70) -> str:
    left, right = max(0, start - width), min(len(body), end + width)
    snippet = " ".join(body[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(body) else "")
