"""Statements: each sentence's cues with their speakers and contents, as Statement records.

:func:`find_statements` reads the sentences of an article in order: attributions first, then the
quotations that continue an attributed one. A cue inside a quotation or inside another statement's
content is part of that statement, not one of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from dossier.extract.quotes.contents import MIN_WORDS, content_after, mostly, quote_before_cue, skip_space
from dossier.extract.quotes.cues import (
    TRAILING_ADVERBIAL,
    Cue,
    find_cues,
    is_live_cue,
    lemma,
    looks_inverted,
    usable,
    words_at_least,
)
from dossier.extract.quotes.lexicon import OUTLETS
from dossier.extract.quotes.quotations import Quotation, Quotations, find_quotations, is_statement_quote
from dossier.extract.quotes.speaker_spans import (
    DATELINE,
    SPEAKER_WINDOW,
    VERBISH,
    first_clause_end,
    speaker_after,
    speaker_span,
)
from dossier.extract.quotes.speakers import Lookup, Speaker, SpeakerResolver
from dossier.model import DateMention, Mention, Sentence, Statement

_CREDIT = re.compile(
    r",\s+(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+(?:reported|reports|said|says|added)"
    r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+(?:today|yesterday|earlier|late\s+\w+))?\s*[.]?$"
)


class _Context(NamedTuple):
    text: str
    sentence: Sentence
    quotes: Quotations
    resolver: SpeakerResolver
    used: set[Quotation]
    paragraph: int


def find_statements(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    types: dict[str, str] | frozenset[str] | None = None,
    dates: Sequence[DateMention] = (),
    lookup: Lookup | None = None,
    title: str = "",
    descriptions: dict[str, str] | None = None,
    authors: Sequence[str] = (),
) -> tuple[Statement, ...]:
    """Every attributed statement of ``text`` (the article's prose), in reading order.

    ``types`` maps registry ids to entity types (a set of ids is read as the persons);
    ``lookup`` finds the registry entity a phrase names ("Sudanese Armed Forces")."""
    if types is None:
        types = {}
    elif not isinstance(types, dict):
        types = dict.fromkeys(types, "person")
    quotes = Quotations([q for q in find_quotations(text) if is_statement_quote(text, q)])
    spans = [(s.start, s.end) for s in sentences]
    resolver = SpeakerResolver(text, mentions, types, dates, lookup, descriptions or {}, spans)
    used: set[Quotation] = set()
    cues = find_cues(text)
    starts = [cue.start for cue in cues]
    # Attributions first, so that a quotation opened before the sentence that attributes it is
    # that speaker's, and not taken as a continuation of the previous speaker's words.
    contexts: list[tuple[_Context, list[Cue], bool]] = []
    attributed: list[list[Statement]] = []
    for sentence in sentences:
        own = cues[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        context = _Context(text, sentence, quotes, resolver, used, _paragraph_start(text, sentence.start))
        headline = _is_headline(text, sentence, title)
        contexts.append((context, own, headline))
        attributed.append([] if headline else _sentence_statements(context, own))
    found: list[Statement] = []
    for (context, own, headline), statements in zip(contexts, attributed, strict=True):
        live = [
            c for c in own if quotes.containing(c.start) is None and is_live_cue(text, c, context.sentence)
        ]
        if not statements and not headline and not live:
            continued = _continued_quote(context, found)
            statements = [continued] if continued is not None else []
        found.extend(statements)
    writers = {" ".join(a.split()).casefold() for a in authors}
    return tuple(s for s in found if s.speaker.casefold() not in writers)  # the writer's own reporting


def _is_headline(text: str, sentence: Sentence, title: str) -> bool:
    """A headline or sub-heading: the title again, or a short line without a sentence's end."""
    line = sentence.text.strip()
    if title and " ".join(line.split()).casefold() == " ".join(title.split()).casefold():
        return True
    if line[-1:] in '.!?”"’:»)…' or words_at_least(line, 17):
        return False
    before, after = text[max(0, sentence.start - 1) : sentence.start], text[sentence.end : sentence.end + 1]
    return before in ("", "\n") and after == "\n"


def _paragraph_start(text: str, offset: int) -> int:
    found = text.rfind("\n\n", 0, offset)
    return 0 if found == -1 else found + 2


def _sentence_statements(context: _Context, cues: list[Cue]) -> list[Statement]:
    """The statements of one sentence; a cue inside another statement's content (X said that
    experts said …) or inside a quotation is part of that statement, not one of its own.

    Linear in the number of cues: a pasted paragraph may hold thousands."""
    text, sentence = context.text, context.sentence
    candidates: list[tuple[Cue, Statement]] = []
    outer: list[Statement] = []  # the candidates whose cue lies in no earlier candidate's content
    for cue in sorted(cues, key=lambda c: c.according):  # speech verbs first, "according to" last
        if context.quotes.containing(cue.start) is not None:
            continue
        if cue.according and candidates:
            continue  # "According to news agencies, Ryder said …": the speech verb names the speaker
        if not usable(text, cue, sentence, context.quotes):
            continue
        statement = _attributed(context, cue, outer[-1] if outer else None)
        if statement is None:
            continue
        candidates.append((cue, statement))
        if not any(o.start <= cue.start < o.end for o in outer[-4:]):
            outer.append(statement)
    if len(candidates) <= 1:
        return [s for _, s in candidates]
    # the outer statement wins: one whose content holds another's cue; but a wire agency's credit
    # line ("…, Reuters reported Friday") gives way to the statement it carries
    holds = _cue_holders(candidates)
    credits = {
        id(s) for i, (cue, s) in enumerate(candidates)
        if s.speaker.casefold() in OUTLETS and s.start < cue.start and i in holds.values()
    }  # fmt: skip
    candidates = [(cue, s) for cue, s in candidates if id(s) not in credits]
    holds = _cue_holders(candidates)
    kept = [s for i, (_, s) in enumerate(candidates) if i not in holds]
    out: list[Statement] = []
    reach = -1
    for statement in sorted(kept, key=lambda st: st.start):
        if statement.start >= reach:
            out.append(statement)
            reach = max(reach, statement.end)
    return out


def _cue_holders(candidates: list[tuple[Cue, Statement]]) -> dict[int, int]:
    """For each candidate whose cue lies inside another candidate's content, that other one: found
    with one sweep over the contents sorted by start, not by comparing every pair."""
    order = sorted(range(len(candidates)), key=lambda i: candidates[i][1].start)
    starts = [candidates[i][1].start for i in order]
    best_end: list[tuple[int, int]] = []  # prefix maximum of content ends: (end, candidate)
    for i in order:
        end = candidates[i][1].end
        best_end.append(max(best_end[-1], (end, i)) if best_end else (end, i))
    holders: dict[int, int] = {}
    for i, (cue, _) in enumerate(candidates):
        k = bisect_right(starts, cue.start) - 1
        if k >= 0:
            end, holder = best_end[k]
            if holder != i and cue.start < end:
                holders[i] = holder
    return holders


def _attributed(context: _Context, cue: Cue, previous: Statement | None) -> Statement | None:
    text, sentence = context.text, context.sentence
    quote_before = quote_before_cue(text, context.quotes, context.used, cue.start, sentence.start)
    if cue.according:
        return _according(context, cue)
    if quote_before is not None and not text[quote_before.outer[1] : cue.start].strip(" ,"):
        # "…,” said X
        lower, upper = speaker_after(text, cue.end, sentence.end)
        after = context.resolver.resolve(lower, upper, context.paragraph, lemma(cue))
        if after is None:
            return None
        context.used.add(quote_before)
        return _statement(text, sentence, quote_before.start, quote_before.end, after, "direct")
    shared = _shared_subject(text, cue, sentence, previous)
    if shared is None and _joined(context, cue):
        shared = _clause_subject(context, cue)
        if shared is None:
            return None
    speaker: Speaker | None
    if shared is not None:
        speaker = shared
        speaker_start = cue.start
    else:
        speaker_start, speaker_end = speaker_span(text, cue, sentence, quote_before)
        speaker = context.resolver.resolve(speaker_start, speaker_end, context.paragraph, lemma(cue))
    if speaker is None:
        if cue.verb is not None and cue.verb.takes("V") and looks_inverted(text, cue, sentence):
            return _inverted_after(context, cue)
        return None
    if quote_before is not None and shared is None:  # “…,” X said   (X may carry a title)
        context.used.add(quote_before)
        return _statement(text, sentence, quote_before.start, quote_before.end, speaker, "direct")
    rest = text[cue.end : sentence.end]
    if (
        shared is None
        and TRAILING_ADVERBIAL.match(rest)
        and text.rfind(",", max(sentence.start, speaker_start - 4000), speaker_start + 1) > 0
    ):
        return _content_before(context, speaker, speaker_start, cue)  # "…, officials said at the time."
    content = content_after(text, cue, sentence, context.quotes, context.resolver.dates)
    if content is not None:
        start, end, kind, quote = content
        if quote is not None:
            context.used.add(quote)
        return _statement(text, sentence, start, end, speaker, kind)
    if shared is not None:
        return None
    # …, X said.   (the speaker and cue close the sentence, or sit inside it between commas)
    return _content_before(context, speaker, speaker_start, cue)


def _shared_subject(text: str, cue: Cue, sentence: Sentence, previous: Statement | None) -> Speaker | None:
    """ "…, adding that …", "rejected A and accused Y of …": the subject of the verb before."""
    before = text[max(sentence.start, cue.start - SPEAKER_WINDOW) : cue.start]
    participle = cue.word.lower().endswith("ing") and re.search(r"(?:,|\band|\bas well as)\s*$", before)
    coordinated = re.search(r"(?:^|[^,])\s+and\s+(?:also\s+|then\s+|later\s+)?$", before) is not None
    if not (participle or coordinated):
        return None
    if previous is not None:
        return Speaker(previous.speaker, previous.entity, previous.title, previous.speaker_kind)
    return None


def _joined(context: _Context, cue: Cue) -> bool:
    """Whether a cue continues a verb phrase with no subject of its own ("…, believing that …",
    "… and accused …", "… and 10 Aug announced …")."""
    sentence = context.sentence
    before = context.resolver._blank_dates(max(sentence.start, cue.start - SPEAKER_WINDOW), cue.start)
    before = re.sub(r"\s+", " ", before)
    if cue.word.lower().endswith("ing") and re.search(r",\s*$", before):
        return True
    return re.search(
        r"(?:^|[^,])\s+and\s+(?:also\s+|then\s+|later\s+)?$", before
    ) is not None and not re.search(r"(?:^|[,;]\s*|\band\s+)(?:he|she|it|they|we)\s+and\s+$", before)


def _clause_subject(context: _Context, cue: Cue) -> Speaker | None:
    """The subject of the verb an "and" or a participle joins a cue to: "The U.S. has committed
    $30 million … and said …", "The CNRD, led by …, rejected the ultimatum and accused …"."""
    text, sentence = context.text, context.sentence
    start = sentence.start
    dateline = DATELINE.match(text, start, cue.start)
    if dateline is not None:
        start = dateline.end()
    start = max(start, cue.start - 2 * SPEAKER_WINDOW)
    intro = re.match(
        r"(?:(?:In|On|At|During|After|Earlier|Later|Meanwhile|However|Despite)\b[^,]{0,60},\s*)",
        text[start : cue.start],
    )
    if intro is not None:
        start += intro.end()
    segment = text[start : cue.start]
    aside = re.match(
        r"^([^,]{2,80}?),\s+(?:who|which|led|known|based|backed|a|an|the)\b[^,]{1,100}(?:,[^,]{1,60})?,\s+",
        segment,
    )
    end = start + len(aside.group(1)) if aside else start
    if aside is None:
        verb = VERBISH.search(segment) or re.search(r"\s(?:\w+ed|\w+s)\b", segment)
        if verb is None:
            return None
        end = start + verb.start()
    if end <= start:
        return None
    return context.resolver.resolve(start, end, context.paragraph)


def _according(context: _Context, cue: Cue) -> Statement | None:
    """ "According to X, …" and "…, according to X(, a title)"."""
    text, sentence = context.text, context.sentence
    lead = re.sub(r"(?i)\bas\s*$", "", text[sentence.start : cue.start])  # "As per the Pentagon, …"
    first = not lead.strip(' \n"“”*_>#-') or DATELINE.fullmatch(lead.strip() + " ") is not None
    lower, upper = speaker_after(text, cue.end, sentence.end)
    if first:
        upper = first_clause_end(text, cue.end, sentence.end)
    speaker = context.resolver.resolve(lower, upper, context.paragraph)
    if speaker is None:
        return None
    if first:
        comma = text.find(",", upper, sentence.end)
        start = upper + 1 if comma == -1 else comma + 1
        quote = context.quotes.opening_at(skip_space(text, start))
        if quote is not None and quote.end >= sentence.end - 3:
            context.used.add(quote)
            return _statement(text, sentence, quote.start, quote.end, speaker, "direct")
        return _statement(text, sentence, start, sentence.end, speaker, "reported")
    start = sentence.start
    dateline = DATELINE.match(text, start, cue.start)
    if dateline is not None:
        start = dateline.end()
    return _statement(text, sentence, start, cue.start, speaker, "reported")


def _inverted_after(context: _Context, cue: Cue) -> Statement | None:
    """ "…, said the statement read out on state television." with no speaker before the cue."""
    text, sentence = context.text, context.sentence
    lower, upper = speaker_after(text, cue.end, sentence.end)
    if len(text[lower:upper].split()) > 10 or text[cue.start - 2 : cue.start].strip() not in (",", ""):
        return None
    speaker = context.resolver.resolve(lower, upper, context.paragraph)
    if speaker is None:
        return None
    content_end = text.rfind(",", sentence.start, cue.start + 1)
    if content_end <= sentence.start:
        return None
    return _statement(text, sentence, sentence.start, content_end, speaker, "reported")


def _content_before(context: _Context, speaker: Speaker, speaker_start: int, cue: Cue) -> Statement | None:
    text, sentence = context.text, context.sentence
    content_end = text.rfind(",", max(sentence.start, speaker_start - 4000), speaker_start + 1)
    if content_end <= sentence.start:
        return None
    start = sentence.start
    dateline = DATELINE.match(text, start, content_end)
    if dateline is not None:
        start = dateline.end()
    rest = text[cue.end : sentence.end]
    resumed = re.match(r"^(?:\s+[\w.’']+){0,4}\s*,\s*(?:and\s+)?", rest)
    end = sentence.end if resumed and words_at_least(rest[resumed.end() :].strip(" ."), 3) else content_end
    quote = context.quotes.opening_at(skip_space(text, start))
    if quote is not None and end == content_end and mostly(text, quote, start, content_end):
        context.used.add(quote)
        return _statement(text, sentence, quote.start, quote.end, speaker, "direct")
    inner = context.quotes.starting_in(start, content_end)
    if len(inner) == 1 and mostly(text, inner[0], start, content_end):
        context.used.add(inner[0])
        return _statement(text, sentence, inner[0].start, inner[0].end, speaker, "direct")
    return _statement(text, sentence, start, end, speaker, "reported")


def _continued_quote(context: _Context, found: list[Statement]) -> Statement | None:
    """“A,” she said. “B.”: a quotation right after an attributed one goes to the same speaker,
    as does each paragraph of a quotation reopened paragraph after paragraph."""
    if not found:
        return None
    text, sentence = context.text, context.sentence
    previous = found[-1]
    for quote in context.quotes.starting_in(sentence.start, sentence.end):
        if quote in context.used:
            continue
        between = text[previous.end : quote.outer[0]]
        if between.count("\n\n") > 1 or len(between) > 240 or previous.end > quote.start:
            return None
        if re.search(r"[“\"«]", between.replace(text[previous.end : previous.end + 1], "", 1)[1:]):
            return None  # another quotation came in between
        context.used.add(quote)
        content = text[quote.start : quote.end].strip().rstrip(",")
        return Statement(
            quote.start, quote.start + len(content), content, previous.speaker, previous.entity,
            previous.title, previous.speaker_kind, "direct", sentence.index, previous.said_as,
        )  # fmt: skip
    return None


def _statement(
    text: str, sentence: Sentence, start: int, end: int, speaker: Speaker, kind: str
) -> Statement | None:
    content = text[start:end].strip()
    dateline = DATELINE.match(content)
    content = content[dateline.end() :] if dateline else content
    content = _CREDIT.sub("", content) if kind == "reported" else content
    content = content.strip(",;:—– ").rstrip(",").strip()
    if kind == "reported":
        content = content.rstrip(".").strip()
    if not words_at_least(content, 2 if kind == "direct" else MIN_WORDS):
        return None
    offset = text.find(content, start, end)
    if offset == -1:
        return None
    written = (
        speaker.written if speaker.written and speaker.written.casefold() != speaker.name.casefold() else ""
    )
    return Statement(
        offset, offset + len(content), content, speaker.name, speaker.entity, speaker.title, speaker.kind,
        kind, sentence.index, written,
    )  # fmt: skip
