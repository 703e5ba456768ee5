"""Who said what: direct and reported speech with its speaker.

The rules work on the prose of one article, sentence by sentence, with the
quotation marks of each paragraph found first, so that a quotation running
over several sentences is one statement. A statement is a *cue* (a speech
verb, or "according to") plus a *speaker* phrase next to it plus the
*content*: the quotation the cue is attached to, else the clause it reports.

    “…,” X said.          “…,” said X.          X said: “…”
    X said (that) …       X told Vox (that) …   According to X, …
    …, X said.            …, according to X.    X, a senior fellow at …, said …

A speaker phrase is resolved to a registry entity when a mention covers its
name, to a named person ("analyst Abdel-Ameer Al-Majar": the title is kept),
to an unnamed role ("an Iraqi political analyst"), or, for he/she/they, to
the last speaker of the same or the previous paragraph. Anything else ("the
report said") is not a statement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dossier.model import BODY, Mention, Sentence, Statement

SPEECH_VERBS = (
    "said says say told tells added adds stated states noted notes explained explains argued argues "
    "warned warns claimed claims announced announces insisted insists stressed stresses emphasized "
    "emphasised emphasizes emphasises declared declares wrote writes asserted asserts acknowledged "
    "acknowledges confirmed confirms maintained maintains"
).split()
# Verbs that need a "that" clause, a quotation or a clause with a subject after them to report
# speech ("announced the beginning of moves" reports an act, "announced that …" a statement).
NEEDS_CLAUSE = frozenset(
    "announced announces claimed claims confirmed confirms acknowledged acknowledges maintained "
    "maintains".split()
)
# Lower case only: "States" in "United States" is not a verb.
_CUE = re.compile(
    r"\b(?:"
    + "|".join(SPEECH_VERBS)
    + r"|[Aa]ccording to|(?:was|were|is|are) quoted(?: by [^,.“\"]{1,60}?)? as saying)\b"
)
_CLAUSE_START = re.compile(
    r"^(?:\s+[A-Z]?[a-z]+day|\s+(?:on|in|last|this|earlier)\b[^,“\"]*?)?\s*(?:that\b|[:“\"]|,\s+[A-Z]|\b(?:he|she|it|they|we|I|"
    r"the\s+\w+\s+(?:is|was|were|are|had|has|have|will|would))\b)"
)
# Passive or idiomatic uses of a speech verb that attribute nothing.
_NOT_A_CUE_BEFORE = re.compile(
    r"\b(?:is|was|were|are|be|been|being|that|having|needless to|so|it is|it was)\s+$", re.IGNORECASE
)
_NOT_A_CUE_AFTER = re.compile(r"^\s+(?:to\s+(?:be|have)|by\b)", re.IGNORECASE)
_AUXILIARY_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|has also|have also|had also|will|would|later|then|once|previously|"
    r"repeatedly|again|recently|already|publicly|reportedly|separately|himself|herself|itself|themselves))+\s*$",
    re.IGNORECASE,
)
# Words that end a clause before a speaker phrase: the speaker starts after the last of them.
_CLAUSE_BREAK = re.compile(
    r"(?:[;:(—–”]|\s-\s|\b(?:and|but|while|whereas|although|though|because|since|as|who|whom|which|"
    r"that|when|after|before|if|where|whose|despite|yet)\b)",
    re.IGNORECASE,
)
_SUBORDINATOR_START = re.compile(
    r"^\W*(?:while|although|though|as|since|because|if|when|after|before|whereas)\b", re.IGNORECASE
)
PRONOUNS = {"he": "person", "she": "person", "they": "plural"}
DOCUMENT_WORDS = frozenset("statement report study analysis communique release briefing".split())
_PREPOSITION_START = re.compile(r"^(?:on|in|at|for|of|by|with|from|to|meanwhile|however|too|also)\b", re.I)
_ROLE_OF = re.compile(r"^(?P<role>.+?)\s+(?:from|of|for|at|by|with)\s+(?:the\s+)?(?P<who>\S.*)$")
ROLE_WORDS = frozenset(
    "official officials analyst analysts spokesman spokeswoman spokesperson spokespeople expert experts "
    "source sources diplomat diplomats commander commanders adviser advisers advisor advisors minister "
    "ministers ministry government office teacher teachers resident residents lawmaker lawmakers mp mps "
    "member members leader leaders officer officers researcher researchers fellow fellows professor "
    "scholar scholars agencies agency militia militias group groups faction factions statement spokesmen "
    "witness witnesses activist activists observer observers journalist journalists correspondent "
    "president premier cleric politician politicians diplomat ambassador envoy general colonel "
    "department pentagon embassy military army command".split()
)
TITLE_WORDS = frozenset(
    "president vice prime minister ministers deputy foreign defense defence interior secretary general "
    "major lieutenant colonel gen gen. col. lt. maj. admiral commander chief spokesman spokeswoman "
    "ambassador senator sen. rep. representative dr. dr sheikh ayatollah grand imam king queen prince "
    "emir mr. mrs. ms. mr mrs ms air force army navy marine corps us u.s. american iraqi iranian "
    "israeli syrian kurdish state national security adviser advisor head leader chairman director "
    "speaker parliament of the".split()
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'\-]*|Al-[A-Z][\w’'\-]*|bin|ibn|al|el|de|van|von)$")
_TRAILING_TIME = re.compile(
    r"\s+(?:in|on|during|at)\s+(?:(?:early|mid|late)[- ])?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|\d{4}|last|this|the\s+same)\b.*$"
)
_DETERMINER = re.compile(r"^(?:the|a|an|one|another|some|two|three|several)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)[’']s\s+(?P<role>[A-Za-z][\w\s-]*)$")
_MIN_QUOTE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Quotation:
    """A stretch in quotation marks: ``start``/``end`` are its inside."""

    start: int
    end: int

    @property
    def outer(self) -> tuple[int, int]:
        return self.start - 1, self.end + 1


class Quotations:
    """The quotations of a text (sorted, not overlapping), found by position in logarithmic time:
    a book-length text has thousands."""

    def __init__(self, quotes: Quotations) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.ends = [q.outer[1] for q in quotes]

    def containing(self, offset: int) -> Quotation | None:
        i = bisect_right(self.starts, offset) - 1
        return self.quotes[i] if i >= 0 and offset < self.quotes[i].end else None

    def closed_by(self, offset: int) -> Iterator[Quotation]:
        """The quotations closed at or before ``offset``, nearest first."""
        for i in range(bisect_right(self.ends, offset) - 1, -1, -1):
            yield self.quotes[i]

    def opening_at(self, mark: int) -> Quotation | None:
        """The quotation whose opening mark is at ``mark``."""
        i = bisect_left(self.starts, mark + 1)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i].start == mark + 1 else None

    def starting_in(self, start: int, end: int) -> list[Quotation]:
        return self.quotes[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # as the article names them (the entity's name when it is one)
    entity: str | None
    title: str | None  # "a senior fellow at …", "analyst"
    kind: str  # entity, person, role


_OPENING = re.compile(r"[“\"]")


def find_quotations(text: str) -> list[Quotation]:
    """Quotations of a paragraph or less; an unclosed “ runs to the end of its paragraph."""
    found: list[Quotation] = []
    paragraph_ends = [m.start() for m in re.finditer(r"\n\s*\n", text)] + [len(text)]
    position = 0
    for opening in _OPENING.finditer(text):
        i = opening.start()
        if i < position:
            continue
        ch = text[i]
        if ch == '"' and i > 0 and text[i - 1].isalnum():
            continue  # 12" or a closing mark
        closing = "”" if ch == "“" else '"'
        limit = paragraph_ends[bisect_right(paragraph_ends, i)] if i < len(text) else len(text)
        end = text.find(closing, i + 1, limit)
        if end == -1:
            end = limit if ch == "“" else -1
        if end > i + 1:
            found.append(Quotation(i + 1, end))
            position = end + 1
    return found


def _is_statement_quote(text: str, quote: Quotation) -> bool:
    """Whether a quotation is something said rather than a scare-quoted word or a title."""
    inner = text[quote.start : quote.end].strip()
    return len(inner.split()) >= _MIN_QUOTE_WORDS or inner[-1:] in ",.?!"


def _words(phrase: str) -> list[str]:
    return phrase.replace(",", " ").split()


def _split_name(phrase: str) -> tuple[str | None, str | None]:
    """ "analyst Abdel-Ameer Al-Majar" → (name, title); (None, None) if the phrase ends in no name."""
    words = phrase.split()
    name: list[str] = []
    while words and _NAME_WORD.match(words[-1]) and words[-1].lower().strip(".") not in TITLE_WORDS:
        name.insert(0, words.pop())
    while name and name[0].lower() in ("bin", "ibn", "al", "el", "de", "van", "von", "of", "the"):
        words.append(name.pop(0))
    if not name:
        return None, None
    title = " ".join(words).strip(" ,") or None
    return " ".join(name), title


def _role_phrase(phrase: str) -> str | None:
    words = _words(phrase)
    if not words or len(words) > 8 or words[-1].lower().strip(".") not in ROLE_WORDS:
        return None
    return phrase.strip(" ,")


class SpeakerResolver:
    """Turns speaker phrases into speakers, remembering who spoke last (for he/she/they)."""

    def __init__(self, text: str, mentions: Sequence[Mention], person_ids: frozenset[str]) -> None:
        self.text = text
        self.mentions = sorted((m for m in mentions if m.field == BODY), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.person_ids = person_ids
        self.last: Speaker | None = None  # for "they"
        self.last_at = -1
        self.last_person: Speaker | None = None  # for "he" and "she": a person, or one unnamed role
        self.last_person_at = -1
        self.named: dict[str, Speaker] = {}  # surname → the speaker first named in full

    def _mention_at(self, start: int, end: int) -> Mention | None:
        """The last registry mention lying inside ``[start, end)``."""
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and self.mentions[i].start >= start:
            if self.mentions[i].end <= end:
                return self.mentions[i]
            i -= 1
        return None

    def resolve(self, start: int, end: int, paragraph_start: int) -> Speaker | None:
        """The speaker named by ``text[start:end]``, or None if it names none."""
        raw = self.text[start:end]
        phrase = _TRAILING_TIME.sub("", _DETERMINER.sub("", raw.strip(" ,\n\xa0")))
        if not phrase:
            return None
        lowered = phrase.lower()
        if lowered in PRONOUNS:
            if PRONOUNS[lowered] == "person":  # "officials said … He added": not one of them
                found, at = self.last_person, self.last_person_at
            else:
                found, at = self.last, self.last_at
            return found if found is not None and at >= paragraph_start - 2000 else None
        head, title = phrase, None
        if "," in phrase:  # "Jennifer Kavanagh, senior fellow at …" or "al-Sudani’s adviser, Diaa al-Nasiri"
            first, _, rest = phrase.partition(",")
            rest = rest.strip(" ,")
            if rest.lower().startswith(("who ", "whose ", "which ")):
                head = first
            elif _split_name(rest)[0] == rest and _split_name(first)[0] != first:
                head, title = rest, first
            else:
                head, title = first, rest or None
                if title and _PREPOSITION_START.match(title):  # "The US, on its part, says": no title
                    title = None
        role_of = _ROLE_OF.match(head)
        if role_of and _words(role_of.group("role"))[-1].lower() in ROLE_WORDS | DOCUMENT_WORDS:
            # "a recent report from the RAND Corporation", "a spokesman for the Pentagon"
            who = role_of.group("who")
            found = self.resolve(start + raw.find(who) if who in raw else start, end, paragraph_start)
            if found is not None and found.kind != "role":
                role = role_of.group("role")
                if _words(role)[-1].lower() in DOCUMENT_WORDS:
                    role = f"in a {role}"  # "a statement from CENTCOM": CENTCOM, in a statement
                return self._remember(Speaker(found.name, found.entity, role, found.kind), start)
        head_start = start + raw.find(head) if head in raw else start
        mention = self._mention_at(head_start, head_start + len(head))
        owner = _POSSESSIVE.match(head)
        if mention is not None and (mention.end >= head_start + len(head.rstrip(" ,")) - 1 or owner):
            role = owner.group("role") if owner else None
            if owner and role and role.split()[-1].lower() not in ROLE_WORDS:
                return None
            before = self.text[head_start : mention.start].strip(" ,")
            if before.endswith(("’s", "'s")) or len(before.split()) < 2:  # "US Pentagon": no title
                before = ""
            spoken_title = (head if role else None) or title or before or None
            speaker = Speaker(mention.entity, mention.entity, spoken_title, "entity")
            return self._remember(speaker, start)
        name, name_title = _split_name(head)
        if name is not None:
            surname = name.split()[-1]
            if len(name.split()) == 1 and surname in self.named:
                return self._remember(self.named[surname], start)
            if len(name.split()) == 1 and not (title or name_title):
                role = _role_phrase(head)
                return self._remember(Speaker(head, None, None, "role"), start) if role else None
            speaker = Speaker(name, None, title or name_title, "person")
            self.named.setdefault(surname, speaker)
            return self._remember(speaker, start)
        role = _role_phrase(head)
        if role is None:
            return None
        return self._remember(Speaker(role, None, title, "role"), start)

    def _remember(self, speaker: Speaker, at: int) -> Speaker:
        self.last, self.last_at = speaker, at
        if self._is_one_person(speaker):
            self.last_person, self.last_person_at = speaker, at
        return speaker

    def _is_one_person(self, speaker: Speaker) -> bool:
        if speaker.kind == "entity":
            return speaker.entity in self.person_ids
        return speaker.kind == "person" or not speaker.name.endswith("s")


def _paragraph_start(text: str, offset: int) -> int:
    found = text.rfind("\n\n", 0, offset)
    return 0 if found == -1 else found + 2


def _speaker_before(text: str, lower: int, cue: int) -> int:
    """Where the speaker phrase before a cue starts: after the last clause break, or at ``lower``."""
    window = text[lower:cue]
    start = lower
    for match in _CLAUSE_BREAK.finditer(window):
        start = lower + match.end()
    segment = text[start:cue]
    # a comma ends a clause unless it is an apposition: "Name, a title," or "title, Name,"
    commas = [i for i, ch in enumerate(segment) if ch == ","]
    if commas:
        body = segment.rstrip()
        if body.endswith(","):  # "…, Jennifer Kavanagh, senior fellow …, told"
            inner = [c for c in commas if c < len(body) - 1]
            cut = inner[-2] + 1 if len(inner) >= 2 else 0
            if len(inner) == 1 and _split_name(segment[: inner[0]].strip())[0] is None:
                cut = 0
            return start + cut
        return start + commas[-1] + 1
    return start


_AFTER_SPEAKER = re.compile(r"[;:!?]|\.(?=\s*$)|,\s+(?!(?:a|an|the|[a-z]+\s+(?:of|at|for|in)\b))|\s+that\b|$")


_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,]{1,120},\s*$")
_RELATIVE_BEFORE = re.compile(r",?\s+(?:which|who)\s*$")


def _antecedent_start(text: str, lower: int, end: int) -> int:
    """Where the noun phrase before ", which said" starts, keeping one apposition after its head."""
    window = text[lower:end]
    commas = [i for i, ch in enumerate(window) if ch == ","]
    cut = commas[-2] + 1 if len(commas) >= 2 else 0
    start = lower + cut
    breaks = list(_CLAUSE_BREAK.finditer(text, start, end))
    return breaks[-1].end() if breaks else start


def _first_clause_end(text: str, start: int, limit: int) -> int:
    """Where "According to X, a title at Y," ends: the first comma, or the second when an
    apposition starting with a/an sits between them."""
    first = text.find(",", start, limit)
    if first == -1:
        return limit
    second = text.find(",", first + 1, limit)
    if second != -1 and re.match(r"\s+an?\s", text[first + 1 : first + 5]):
        return second
    return first


def _speaker_after(text: str, cue_end: int, limit: int) -> tuple[int, int]:
    """The phrase after an inverted cue ("said X", "according to X, a senior fellow at …"):
    up to the clause's end, keeping an apposition that describes the speaker."""
    match = _AFTER_SPEAKER.search(text, cue_end, limit)
    end = match.start() if match else limit
    return cue_end, end


def find_statements(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    person_ids: frozenset[str] = frozenset(),
) -> tuple[Statement, ...]:
    """Every attributed statement of ``text`` (the article's prose), in reading order."""
    quotes = Quotations([q for q in find_quotations(text) if _is_statement_quote(text, q)])
    resolver = SpeakerResolver(text, mentions, person_ids)
    found: list[Statement] = []
    used_quotes: set[Quotation] = set()
    # Attributions first, so that a quotation opened before the sentence that attributes it is
    # that speaker's, and not taken as a continuation of the previous speaker's words.
    cues = find_cues(text)
    starts = [cue.start for cue in cues]
    attributed = [
        _sentence_statements(
            text,
            cues[bisect_left(starts, s.start) : bisect_left(starts, s.end)],
            s,
            quotes,
            resolver,
            used_quotes,
        )
        for s in sentences
    ]
    for sentence, statements in zip(sentences, attributed, strict=True):
        # a quotation in a sentence with a cue of its own ("She said …", she unknown) is not a continuation
        cued = bisect_left(starts, sentence.start) < bisect_left(starts, sentence.end)
        if not statements and not cued:
            continued = _continued_quote(text, sentence, quotes, used_quotes, found)
            statements = [continued] if continued is not None else []
        found.extend(statements)
    return tuple(found)


class Cue(NamedTuple):
    """A speech verb or "according to" in the text."""

    start: int
    end: int
    word: str


def find_cues(text: str) -> list[Cue]:
    """Every cue of a text, in order. Substring search first: running the cue pattern over every
    position of every article costs more than the rest of the voice rules together."""
    lowered = text.lower()
    starts: set[int] = set()
    for word in (*SPEECH_VERBS, "according to", "quoted"):
        position = lowered.find(word)
        while position != -1:
            if word == "quoted":  # the pattern starts at the "was" of "was quoted … as saying"
                starts.add(lowered.rfind(" ", 0, max(position - 1, 0)) + 1)
            else:
                starts.add(position)
            position = lowered.find(word, position + 1)
    cues: list[Cue] = []
    for start in sorted(starts):
        match = _CUE.match(text, start)
        if match is not None and (not cues or match.start() >= cues[-1].end):
            cues.append(Cue(match.start(), match.end(), match.group()))
    return cues


def _is_according_to(cue: Cue) -> bool:
    return cue.word.lower() == "according to"


def _sentence_statements(
    text: str,
    all_cues: list[Cue],
    sentence: Sentence,
    quotes: Quotations,
    resolver: SpeakerResolver,
    used: set[Quotation],
) -> list[Statement]:
    """The statements of one sentence; a cue inside another statement's content (X said that
    experts said …) or inside a quotation is part of that statement, not one of its own."""
    found: list[Statement] = []
    cues = sorted((c for c in all_cues if sentence.start <= c.start < sentence.end), key=_is_according_to)
    for cue in cues:  # speech verbs first, "according to" last
        if quotes.containing(cue.start) or any(f.start <= cue.start < f.end for f in found):
            continue
        if _is_according_to(cue) and found:
            continue  # "According to news agencies, Ryder said …": the speech verb names the speaker
        before = text[max(sentence.start, cue.start - 30) : cue.start]
        if _NOT_A_CUE_BEFORE.search(before) or _NOT_A_CUE_AFTER.match(text[cue.end : cue.end + 12]):
            continue
        if cue.word in NEEDS_CLAUSE and not _CLAUSE_START.match(text[cue.end : sentence.end]):
            continue
        statement = _attributed(text, sentence, cue, quotes, resolver, used)
        if statement is not None and not any(f.start <= statement.start < f.end for f in found):
            found.append(statement)
    return sorted(found, key=lambda f: f.start)


def _attributed(
    text: str,
    sentence: Sentence,
    cue: Cue,
    quotes: Quotations,
    resolver: SpeakerResolver,
    used: set[Quotation],
) -> Statement | None:
    paragraph = _paragraph_start(text, sentence.start)
    according = _is_according_to(cue)
    quote_before = _quote_before(text, quotes, used, cue.start, sentence.start)
    if according or (quote_before is not None and not text[quote_before.outer[1] : cue.start].strip(" ,")):
        # "…,” said X   /   …, according to X   /   According to X, …
        lower, upper = _speaker_after(text, cue.end, sentence.end)
        if according and not text[sentence.start : cue.start].strip(' \n"“”*_>#-'):
            upper = _first_clause_end(text, cue.end, sentence.end)
        speaker = resolver.resolve(lower, upper, paragraph)
        if speaker is None:
            return None
        if according and text[sentence.start : cue.start].strip(' \n"“”*_>#-').lower() == "":
            comma = text.find(",", upper, sentence.end)
            start = upper + 1 if comma == -1 else comma + 1
            return _statement(text, sentence, start, sentence.end, speaker, "reported")
        if quote_before is not None and text[quote_before.outer[1] : cue.start].strip(" ,") == "":
            used.add(quote_before)
            return _statement(text, sentence, *_quote_span(quote_before), speaker, "direct")
        return _statement(text, sentence, sentence.start, cue.start, speaker, "reported")
    lower = sentence.start
    if quote_before is not None:
        lower = max(lower, quote_before.outer[1])
    speaker_end = cue.start
    tail = _AUXILIARY_TAIL.search(text, lower, speaker_end)
    if tail is not None:
        speaker_end = tail.start()
    aside = _RELATIVE_ASIDE.search(text, lower, speaker_end)  # "X, whose government …, has stated"
    if aside is not None:
        speaker_end = aside.start()
    relative = _RELATIVE_BEFORE.search(
        text, lower, speaker_end
    )  # "…the Al-Nujabaa Movement, …, which announced"
    if relative is not None:
        speaker_end = relative.start()
    speaker_start = _speaker_before(text, lower, speaker_end)
    if relative is not None:  # the antecedent may carry an apposition: start before it
        speaker_start = _antecedent_start(text, lower, speaker_end)
    speaker = resolver.resolve(speaker_start, speaker_end, paragraph)
    if speaker is None:
        return None
    if quote_before is not None:  # “…,” X said   (X may carry a title: “…,” analyst Y told Z)
        used.add(quote_before)
        return _statement(text, sentence, *_quote_span(quote_before), speaker, "direct")
    after = _content_after(text, cue, sentence, quotes)
    if after is not None:
        start, end, kind, quote = after
        if quote is not None:
            used.add(quote)
        return _statement(text, sentence, start, end, speaker, kind)
    # …, X said.   (the speaker and cue close the sentence, or sit inside it between commas)
    content_end = text.rfind(",", sentence.start, speaker_start + 1)
    if content_end <= sentence.start:
        return None
    rest = text[cue.end : sentence.end]
    resumed = re.match(r"^(?:\s+[\w.’']+){0,4}\s*,\s*", rest)
    end = sentence.end if resumed and rest[resumed.end() :].strip(" .") else content_end
    return _statement(text, sentence, sentence.start, end, speaker, "reported")


_BETWEEN_QUOTE_AND_CUE = re.compile(r"[^.;!?“”\"\n]{0,160}")


def _quote_before(
    text: str, quotes: Quotations, used: set[Quotation], cue: int, sentence_start: int
) -> Quotation | None:
    """The quotation a cue attributes from after it: closed in this sentence, with at most a
    speaker phrase between its closing mark and the cue."""
    for quote in quotes.closed_by(cue):
        end = quote.outer[1]
        if quote in used:
            continue
        if end < sentence_start:
            return None
        between = text[end:cue]
        if _BETWEEN_QUOTE_AND_CUE.fullmatch(between) and len(between.split()) <= 14:
            return quote
        return None
    return None


def _quote_span(quote: Quotation) -> tuple[int, int]:
    return quote.start, quote.end


_THAT = re.compile(r"^[^“\"”.;:]{0,80}?\bthat\b\s*")
_QUOTE_NEXT = re.compile(r"^[^“\".;]{0,80}?[,:]?\s*(?=[“\"])")
_ADVERBIAL_COMMA = re.compile(
    r"^\s+(?:in|on|at|during|to|with|for|from|last|this|earlier|later|again)\b[^,“\".;]{0,60},\s*"
)
_TOLD_OBJECT = re.compile(
    r"^\s+(?:the\s+)?[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*)*(?:\s+(?:in|at|on)\s+[A-Z][\w’'.\-]*)?"
)


def _content_after(
    text: str, cue: Cue, sentence: Sentence, quotes: Quotations
) -> tuple[int, int, str, Quotation | None] | None:
    """What follows "X said": a quotation, a "that" clause, a clause after an adverbial
    ("claimed in a 2022 report, ISIS …"), or the rest of the sentence ("said the strike …")."""
    rest = text[cue.end : sentence.end]
    that = _THAT.match(rest)
    quoted = _QUOTE_NEXT.match(rest)
    if quoted is not None and (that is None or quoted.end() <= that.end()):
        quote = quotes.opening_at(cue.end + quoted.end())
        if quote is not None:
            return quote.start, quote.end, "direct", quote
    if that is not None:
        start = cue.end + that.end()
    elif (adverbial := _ADVERBIAL_COMMA.match(rest)) is not None:
        start = cue.end + adverbial.end()
    elif cue.word.lower() in ("told", "tells"):
        told = _TOLD_OBJECT.match(rest)
        start = cue.end + (told.end() if told else 0)
        if not text[start : sentence.end].strip(" .,"):
            return None
    else:  # "said the strike …", "announced Friday he will …"
        day = re.match(r"^\s+(?:on\s+)?(?:[A-Z][a-z]+day|yesterday|today)\b", rest)
        start = cue.end + (day.end() if day else 0)
    remaining = text[start : sentence.end].strip()
    if len(remaining.split()) < 3 or remaining[:1] in ".,;":
        return None
    end = sentence.end
    if (
        _SUBORDINATOR_START.match(text[sentence.start : sentence.end])
        and ", " not in text[sentence.start : start]
    ):
        comma = text.find(", ", start, sentence.end)  # "While X said that …, the …": the clause ends there
        end = comma if comma != -1 else end
    return start, end, "reported", None


def _continued_quote(
    text: str, sentence: Sentence, quotes: Quotations, used: set[Quotation], found: list[Statement]
) -> Statement | None:
    """“A,” she said. “B.”: a quotation right after an attributed one goes to the same speaker."""
    if not found:
        return None
    previous = found[-1]
    for quote in quotes.starting_in(sentence.start, sentence.end):
        if quote in used:
            continue
        between = text[previous.end : quote.outer[0]]
        if between.count("\n\n") > 1 or len(between) > 160 or previous.end > quote.start:
            return None
        if re.search(r"[“\"]", between):  # another quotation came in between
            return None
        used.add(quote)
        return Statement(
            quote.start, quote.end, text[quote.start : quote.end].strip(), previous.speaker,
            previous.entity, previous.title, previous.speaker_kind, "direct", sentence.index,
        )  # fmt: skip
    return None


_DATELINE = re.compile(r"^[A-Z]{3,}[A-Z .'-]{0,40}(?:,\s*[A-Z][\w .]+)?\s*[—–-]{1,2}\s+")  # "BAGHDAD — "


def _statement(
    text: str, sentence: Sentence, start: int, end: int, speaker: Speaker, kind: str
) -> Statement | None:
    content = _DATELINE.sub("", text[start:end].strip()).strip(",.;:—–").strip()
    if len(content.split()) < 3:
        return None
    offset = text.find(content, start, end)
    return Statement(
        offset, offset + len(content), content, speaker.name, speaker.entity, speaker.title, speaker.kind,
        kind, sentence.index,
    )  # fmt: skip
