"""Who said what in Arabic news: the peer of the English rules for an article in Arabic.

Arabic news puts the verb first ("وقال السوداني إن …", "أكدت الحركة في بيان أن …"),
then the speaker, then the content: a quotation in «», “” or "" after a colon
or "إن", or reported speech after "إن"/"أن"/"بأن". A circumstantial participle
("مضيفًا أن …", "مؤكدًا: «…»") adds a statement by the sentence's speaker, and
"بحسب X"/"وفقًا لـX" credit the rest of the sentence (or what came before) to X;
"نقلت وكالة X عن Y قوله إن …" is Y's. A speaker is a registry entity named in the
phrase (a person before any body: "المتحدث باسم البنتاغون بات رايدر" is Ryder;
"المتحدث باسم كتائب حزب الله" speaks for the group), a country an official or a
government speaks for ("الحكومة العراقية", "مسؤول أمني عراقي"), else the phrase as
written, a role ("مصدر في الشرطة") or a name the registry does not know. A verb
with no speaker phrase ("وأضاف أن …"), or one that names the last speaker again
("وأوضح المسؤول"), is the last speaker's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from dossier.extract.arabic import FoldedText, fold_arabic, nisba_bases
from dossier.extract.quotes import arabic_lexicon as words
from dossier.model import BODY, DateMention, Mention, Sentence, Statement

Lookup = Callable[[str], "str | None"]


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of folded ``phrases``, longest first, any spaces between words."""
    folded = sorted({fold_arabic(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded)


def _folded_set(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_arabic(p) for p in phrases)


_NO_LETTER_BEFORE, _NO_LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_CUE = re.compile(rf"{_NO_LETTER_BEFORE}[وف]?(?:{_alternation(words.VERBS)}){_NO_LETTER_AFTER}")
_PARTICIPLE = re.compile(rf"{_NO_LETTER_BEFORE}(?:{_alternation(words.PARTICIPLES)}){_NO_LETTER_AFTER}")
_CREDIT = re.compile(rf"{_NO_LETTER_BEFORE}[وف]?(?:{_alternation(words.CREDITS)})\s*")
# What opens the content: a colon, or إن/أن/بأن (with a pronoun: إنه، أنها), then maybe a quotation.
_MARKER = re.compile(rf"\s*(?::|،?\s*{_NO_LETTER_BEFORE}ف?ب?ان(?:ه|ها|هم|نا)?{_NO_LETTER_AFTER})\s*")
_PHRASE_END = re.compile(rf"\s+(?:{_alternation(words.PHRASE_ENDINGS)}|لـ?\s*[«\"“])")
_RELAYED = re.compile(rf"{_NO_LETTER_BEFORE}عن\s+")  # "نقلت وكالة تسنيم عن النائب …"
_SAYING = re.compile(r"\s+قول(?:ه|ها|هم)?\s*$")  # "… قوله إن": the frame's
_FRAME_OPENING = re.compile(r"(?:ف?ان(?:ه|ها|هم)?|فقد)\s+")  # "بحسب X، فإن …"
_CLOSE = {"«": "»", "“": "”", '"': '"'}
_ROLES = _folded_set(words.ROLE_WORDS)
_ANNOUNCING = _folded_set(words.ANNOUNCING)
# What may stand between an announcing verb's speaker and what it announces: "في بيان (مشترك)",
# a time of day before a date ("مساء"), a preposition before a date ("في", "يوم").
_ANNOUNCEMENT_FRAME = re.compile(r"\s*(?:في\s+(?:بيان|تصريح|كلمه)|مساء|صباح|فجر|ظهر|في|يوم|عن)(?=\s)")
_MAX_ROLE_WORDS = 4
_SOURCES = _ROLES | _folded_set(words.SOURCE_WORDS)
_OFFICIALS = _folded_set(words.OFFICIAL_WORDS)
_BACK_REFERENCES = _folded_set(words.BACK_REFERENCES)
_BEFORE_PARTICIPLE_CONTENT = ("", "الي")  # "مشيرًا إلى أن"
_SPEAKER_REACH = 110  # folded characters between a verb and its content
_MIN_CONTENT = 8
_MAX_PHRASE_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    entity: str | None
    kind: str  # entity, person, role
    title: str | None = None


@dataclass(frozen=True, slots=True)
class _Article:
    """What the rules read: the prose, its folded view, its mentions and the registry's answers."""

    text: str
    view: FoldedText
    mentions: tuple[Mention, ...]
    types: dict[str, str]
    lookup: Lookup | None
    dates: tuple[DateMention, ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.view.span(start, end)

    def folded_offset(self, original: int) -> int:
        """The folded offset of the first folded character at or after ``original``."""
        return bisect_left(self.view.origins, original)


def find_arabic_statements(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    types: dict[str, str],
    lookup: Lookup | None = None,
    dates: Sequence[DateMention] = (),
) -> tuple[Statement, ...]:
    """Every attributed statement of an Arabic article's prose, in reading order. ``lookup``
    finds the registry entity a spelling names (the country of "الحكومة العراقية"); ``dates``
    are skipped between an announcing verb's speaker and what it announces."""
    body_mentions = tuple(m for m in mentions if m.field == BODY)
    body_dates = tuple(d for d in dates if d.field == BODY)
    article = _Article(text, FoldedText.of(text), body_mentions, types, lookup, body_dates)
    found: list[Statement] = []
    last: _Speaker | None = None
    for sentence in sentences:
        for statement in _statements_in(article, sentence, last):
            found.append(statement)
            last = _Speaker(statement.speaker, statement.entity, statement.speaker_kind, statement.title)
    return tuple(found)


def _statements_in(article: _Article, sentence: Sentence, last: _Speaker | None) -> list[Statement]:
    start, end = article.folded_offset(sentence.start), article.folded_offset(sentence.end)
    folded = article.view.folded
    cues = sorted(
        [(m, "verb") for m in _CUE.finditer(folded, start, end)]
        + [(m, "participle") for m in _PARTICIPLE.finditer(folded, start, end)]
        + [(m, "credit") for m in _CREDIT.finditer(folded, start, end)],
        key=lambda pair: pair[0].start(),
    )
    found: list[Statement] = []
    taken = -1  # folded offset up to which the sentence is content already
    for cue, form in cues:
        if cue.start() < taken:
            continue
        if form == "credit":
            statement = _credited(article, sentence, cue, start, end)
        elif form == "participle":  # the sentence's speaker only
            statement = _said(article, sentence, cue, end, last if found else None, participle=True)
        else:
            statement = _said(article, sentence, cue, end, last, participle=False)
        if statement is None:
            continue
        found.append(statement)
        last = _Speaker(statement.speaker, statement.entity, statement.speaker_kind, statement.title)
        taken = article.folded_offset(statement.end)
    return found


def _said(
    article: _Article,
    sentence: Sentence,
    cue: re.Match[str],
    end: int,
    last: _Speaker | None,
    participle: bool,
) -> Statement | None:
    """ "قال X إن …", "قال X: «…»", "مضيفًا أن …": the speaker after the verb, then the content."""
    folded = article.view.folded
    marker = next(
        (
            m
            for m in _MARKER.finditer(folded, cue.end(), min(end, cue.end() + _SPEAKER_REACH))
            if m.group().strip()
        ),
        None,
    )
    if marker is None:
        verb = cue.group().removeprefix("و").removeprefix("ف")
        return None if participle or verb not in _ANNOUNCING else _announced(article, sentence, cue, end)
    if participle:
        if folded[cue.end() : marker.start()].strip() not in _BEFORE_PARTICIPLE_CONTENT:
            return None
        speaker = last
    else:
        speaker = _speaker(article, cue.end(), marker.start(), last)
    content = _content(article, marker.end(), _next_participle(folded, marker.end(), end))
    if speaker is None or content is None:
        return None
    return _statement(article, speaker, content, sentence)


def _announced(article: _Article, sentence: Sentence, cue: re.Match[str], end: int) -> Statement | None:
    """ "أعلنت كتائب حزب الله، مساء الثلاثاء، تعليق عملياتها": a registry name right after the
    verb, or a role set off by a comma, then what it announces, past any statement frame or date."""
    folded, text = article.view.folded, article.text
    start = cue.end() + len(folded[cue.end() :]) - len(folded[cue.end() :].lstrip())
    o_start = article.span(start, start + 1)[0]
    named = [m for m in article.mentions if o_start <= m.start <= o_start + 1]
    if named:
        speaker = _Speaker(named[0].entity, named[0].entity, "entity")
        after = _past_coordinated(article, article.folded_offset(named[0].end), end)
    else:
        comma = folded.find("،", start, end)
        phrase = folded[start:comma].split() if comma != -1 else []
        if not 1 <= len(phrase) <= _MAX_ROLE_WORDS or phrase[0] not in _SOURCES:
            return None
        o_end = article.span(comma - 1, comma)[1]
        speaker = _Speaker(" ".join(text[o_start:o_end].split()), None, "role")
        after = comma
    content_start = _past_frame(article, after, end)
    if content_start is None:
        return None
    stop = _trimmed_end(folded, _next_participle(folded, content_start, end))
    if len(folded[content_start:stop].split()) < 2:
        return None
    c_start, c_end = _stripped(text, *article.span(content_start, stop))
    return _statement(article, speaker, (c_start, c_end, "reported"), sentence)


def _past_coordinated(article: _Article, start: int, end: int) -> int:
    """Past a nisba and a second name joined with و ("بغداد وواشنطن", "كتائب حزب الله العراقية")."""
    rest = article.view.folded[start:end]
    nisba = re.match(r"\s+ال[^\W\d_]+(?:يه|ي)(?![^\W\d_])", rest)
    position = start + (nisba.end() if nisba else 0)
    o_position = article.span(position, position + 1)[0] if position < end else article.span(end - 1, end)[1]
    joined = [m for m in article.mentions if o_position < m.start <= o_position + 3]
    if joined and article.text[o_position : joined[0].start].strip() == "و":
        return article.folded_offset(joined[0].end)
    return position


def _past_frame(article: _Article, start: int, end: int) -> int | None:
    """Where the announced content starts: past a comma-enclosed aside, "في بيان", dates."""
    folded = article.view.folded
    for _ in range(4):
        rest = folded[start:end]
        stripped = len(rest) - len(rest.lstrip())
        if rest.lstrip().startswith("،"):
            close = folded.find("،", start + stripped + 1, min(end, start + stripped + 90))
            if close == -1:
                return None
            start = close + 1
            continue
        frame = _ANNOUNCEMENT_FRAME.match(folded, start, end)
        o_next = article.span(start + stripped, start + stripped + 1)[0] if start + stripped < end else None
        date = next((d for d in article.dates if d.start == o_next), None)
        if date is not None:
            start = article.folded_offset(date.end)
        elif frame is not None:
            start = frame.end()
        else:
            return start
    return start


def _credited(
    article: _Article, sentence: Sentence, cue: re.Match[str], start: int, end: int
) -> Statement | None:
    """ "بحسب X، …" (the rest of the sentence), or "…، بحسب X." (what came before)."""
    folded = article.view.folded
    comma = folded.find("،", cue.end(), end)
    opening = cue.start() - start <= 2
    if opening and comma == -1:
        return None
    speaker = _speaker(article, cue.end(), comma if opening else _trimmed_end(folded, end), None)
    if speaker is None or not _credible(speaker):
        return None
    if opening:
        c_start, c_end = article.span(
            _after_relative_clause(folded, comma, end) + 1, _trimmed_end(folded, end)
        )
    else:
        c_start, c_end = article.span(start, cue.start())
    c_start, c_end = _without_frame(article, *_stripped(article.text, c_start, c_end))
    if c_end - c_start < _MIN_CONTENT:
        return None
    return _statement(article, speaker, (c_start, c_end, "reported"), sentence)


def _statement(
    article: _Article, speaker: _Speaker, content: tuple[int, int, str], sentence: Sentence
) -> Statement:
    start, end, kind = content
    text = article.text[start:end]
    return Statement(
        start, end, text, speaker.name, speaker.entity, speaker.title, speaker.kind, kind, sentence.index
    )


def _speaker(article: _Article, start: int, end: int, last: _Speaker | None) -> _Speaker | None:
    """The speaker a phrase (folded ``start:end``) names: a person in it, else a body in it, else
    a country an official speaks for, else the phrase itself as a role or a name."""
    folded = article.view.folded
    relayed = _RELAYED.search(folded, start, end)
    start = relayed.end() if relayed else start
    for pattern in (_PHRASE_END, _SAYING):
        cut = pattern.search(folded, start, end)
        end = cut.start() if cut else end
    if not folded[start:end].strip():
        return last
    o_start, o_end = article.span(start, end)
    phrase = " ".join(article.text[o_start:o_end].split()).strip("،, ")
    inside = [m for m in article.mentions if o_start <= m.start and m.end <= o_end]
    persons = [m for m in inside if article.types.get(m.entity) == "person"]
    if persons or inside:
        named = (persons or inside)[0]
        title = " ".join(article.text[o_start : named.start].split()).strip("،, ") or None
        person = None if persons else _name_after(article.text[inside[-1].end : o_end])
        if person is not None:  # "المتحدثة باسم وزارة الدفاع سابرينا سينغ": the person, not the body
            return _Speaker(person, None, "person", " ".join(article.text[o_start : inside[-1].end].split()))
        return _Speaker(named.entity, named.entity, "entity", title)
    phrase_words = phrase.split()
    if not phrase_words or len(phrase_words) > _MAX_PHRASE_WORDS:
        return None
    first = fold_arabic(phrase_words[0])
    if last is not None and _names_last_again(phrase_words, first, last):
        return last
    if first in _OFFICIALS:
        country = _country_of(article, phrase_words[1:])
        if country is not None:
            return _Speaker(country, country, "entity", phrase)
    return _Speaker(phrase, None, "role" if first in _SOURCES else "person")


_NAME_WORD = re.compile(r"[^\W\d_]+")
_NOT_NAME_WORDS = _folded_set("في من عن على إلى مع عبر أمام لدى قد".split())


def _name_after(rest: str) -> str | None:
    """A person's name written after the body they speak for: two or three words, none of them
    with the article or a preposition ("سابرينا سينغ", not "في بيان")."""
    found = rest.split()
    if not 2 <= len(found) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in found):
        return None
    folded = [fold_arabic(w) for w in found]
    if any(w.startswith("ال") or w in _NOT_NAME_WORDS or w in _ROLES for w in folded):
        return None
    return " ".join(found)


def _names_last_again(phrase_words: list[str], first: str, last: _Speaker | None) -> bool:
    """ "وأوضح المسؤول أن …"; "وأضاف النعمان" after "… صباح النعمان": the last speaker again."""
    if len(phrase_words) != 1 or last is None:
        return False
    return first in _BACK_REFERENCES or (last.entity is None and last.name.endswith(" " + phrase_words[0]))


def _country_of(article: _Article, phrase_words: list[str]) -> str | None:
    """The country a nisba in the phrase names ("العراقية" → Iraq), if the registry has it."""
    if article.lookup is None:
        return None
    for word in phrase_words:
        for base in nisba_bases(word):
            entity = article.lookup(base)
            if entity is not None and article.types.get(entity) == "country":
                return entity
    return None


def _credible(speaker: _Speaker) -> bool:
    """ "بحسب مصادر", "وفقًا لـX": a source, not "وفقًا للاتفاق" (in keeping with the agreement)."""
    phrase_words = speaker.name.split()
    return speaker.entity is not None or (len(phrase_words) <= 5 and fold_arabic(phrase_words[0]) in _SOURCES)


def _content(article: _Article, start: int, end: int) -> tuple[int, int, str] | None:
    """What follows the marker: a quotation (to its closing mark, even past the sentence), or the
    rest of the sentence as reported speech."""
    folded = article.view.folded
    if start < len(folded) and folded[start] in _CLOSE:
        close = folded.find(_CLOSE[folded[start]], start + 1)
        if close != -1:
            return (*_stripped(article.text, *article.span(start + 1, close)), "direct")
    stop = _trimmed_end(folded, end)
    if stop - start < _MIN_CONTENT:
        return None
    return (*_stripped(article.text, *article.span(start, stop)), "reported")


def _after_relative_clause(folded: str, comma: int, end: int) -> int:
    """ "بحسب البيان، الذي نشرته الوزارة، تستمر …": the comma after the relative clause."""
    if folded[comma + 1 : end].lstrip().startswith(("الذي ", "التي ")):
        following = folded.find("،", comma + 1, end)
        return following if following != -1 else comma
    return comma


def _without_frame(article: _Article, start: int, end: int) -> tuple[int, int]:
    """Reported content without the particle the frame puts before it ("فإن", "فقد")."""
    frame = _FRAME_OPENING.match(article.view.folded, article.folded_offset(start))
    if frame is None or frame.end() >= article.folded_offset(end):
        return start, end
    return article.span(frame.end(), frame.end() + 1)[0], end


def _next_participle(folded: str, start: int, end: int) -> int:
    """Where reported content stops: before "، مضيفًا أن …" (another statement), or the end."""
    participle = _PARTICIPLE.search(folded, start, end)
    return participle.start() if participle else end


def _trimmed_end(folded: str, end: int) -> int:
    while end > 0 and folded[end - 1] in " .،,؛\n":
        end -= 1
    return end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ،,:\n":
        start += 1
    while end > start and text[end - 1] in " .،,:\n":
        end -= 1
    return start, end
