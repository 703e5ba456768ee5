"""Who said what: direct and reported speech with its speaker.

The rules work on the prose of one article, sentence by sentence, with the
quotation marks of each paragraph found first, so that a quotation running
over several sentences (or paragraphs) is one statement. A statement is a
*cue* (a speech verb of :mod:`.lexicon`, or "according to") plus a *speaker*
phrase next to it plus the *content* its frame allows:

    “…,” X said.          “…,” said X.          X said: “…”
    X said (that) …       X told Vox (that) …   According to X, …
    …, X said.            …, according to X.    X, a senior fellow at …, said …
    X urged Y to …        X accused Y of …      X described Y as …
    X demanded the release of …                 X claimed to have …
    …, adding that …      X rejected A and accused Y of …  (the same speaker)

Speaker phrases are resolved by :mod:`.speakers`. A cue inside a quotation or
inside another statement's content is part of that statement. Headlines and
lines without a sentence's punctuation carry no statements.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from dossier.extract.quotes.lexicon import NEEDS_CONTENT, OUTLETS, VERBS, Verb
from dossier.extract.quotes.quotations import Quotation, Quotations, find_quotations, is_statement_quote
from dossier.extract.quotes.speakers import Lookup, Speaker, SpeakerResolver
from dossier.model import DateMention, Mention, Sentence, Statement

__all__ = ["Cue", "Quotation", "find_cues", "find_quotations", "find_statements"]

_FORMS = sorted(VERBS, key=len, reverse=True)
# Lower case only: "States" in "United States" is not a verb.
_CUE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in _FORMS)
    + r"|[Aa]ccording\s+to|(?<=[Aa]s )per(?=\s+[A-Z]|\s+the\s)|(?<=, )per(?=\s+[A-Z])"
    + r"|(?:was|were|is|are)\s+quoted(?:\s+by\s+[^,.“\"]{1,60}?)?\s+as\s+saying)\b"
)
_CLAUSE_START = re.compile(
    r"^(?:\s+(?:on\s+)?[A-Z]?[a-z]+day\b|\s+(?:on|in|last|this|earlier|late|overnight|again|also|jointly|"
    r"publicly|repeatedly|separately|previously)\b[^,“\"]*?)?\s*(?:that\b|[:“\"«]|,\s+[A-Z“\"]|\b(?:he|she|it|"
    r"they|we|I|there|this|its|his|her|their)\b|\bthe\s+\w+(?:\s+\w+)?\s+(?:is|was|were|are|had|has|have|"
    r"will|would|could|can|did|does|may|might|should)\b)"
)
# Passive or idiomatic uses of a speech verb that attribute nothing.
_NOT_A_CUE_BEFORE = re.compile(
    r"\b(?:is|was|were|are|be|been|being|having|needless to|so|it is|it was|has been|have been|to)\s+$|"
    r"(?:^|\s)(?:that|the|a|an|this|these|those|its|their|his|her|our|such|any|and\s+the)\s+$",
    re.IGNORECASE,
)
# Words before a form that is also a noun that make it the noun ("media reports", "member states").
_NOUN_BEFORE = re.compile(
    r"(?:^|\s)(?:member|conflicting|media|news|press|unconfirmed|earlier|initial|first|latest|new|"
    r"several|many|some|two|three|recent)\s+$",
    re.IGNORECASE,
)
_NOT_A_CUE_AFTER = re.compile(
    r"^\s+(?:to\s+(?:be|have\s+been)\b|by\b|in\s+the\s+(?:report|statement)\b)", re.I
)
_AUXILIARY_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|has also|have also|had also|will|would|later|then|once|previously|"
    r"repeatedly|again|recently|already|publicly|reportedly|separately|himself|herself|itself|themselves|"
    r"however|jointly|earlier|likewise|further|initially|first|has been|have been|had been|is|are|was|were|"
    r"did|does|do|not|never|immediately|officially|formally|privately|openly|allegedly|subsequently|"
    r"meanwhile|finally|quickly|promptly|first|had earlier|has since|had previously|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today))+\s*$",
    re.IGNORECASE,
)
# Room for the last of those words (the longest, "had previously", and a space before it): a window
# that ends in any of them shows one within this many characters of its last letter.
_AUXILIARY_REACH = 40
# Words that end a clause before a speaker phrase: the speaker starts after the last of them.
# (The look-ahead names the letters those words start with: it changes no match, and spares trying
# every word at every word boundary of a speaker window, which is scanned once per speech verb.)
_CLAUSE_BREAK = re.compile(
    r"(?:[;:(—–―”»]|\s-\s|\b(?=[abdiostuwy])(?:but|while|whereas|although|though|because|since|as|who|"
    r"whom|which|that|when|after|before|if|where|whose|despite|yet|so|than|amid|until|once)\b)",
    re.IGNORECASE,
)
_SUBORDINATOR_START = re.compile(
    r"^\W*(?:while|although|though|as|since|because|if|when|after|before|whereas)\b", re.IGNORECASE
)
_DATELINE = re.compile(
    r"(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][A-Za-z .'/\[\]-]{1,60},\s*"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\))?\s*[:—–―-]{1,2}\s+"
    r"|[A-Z]{3,}[A-Z .'/-]{0,40}(?:,\s*[A-Z][\w .]+)?\s*[:—–―-]{1,2}\s+|[A-Z][\w ]{1,30}/\s+)"
)  # "BAGHDAD — ", "RIYADH, May 6 ― ", "Niamey, 22 March 2025 (dpa/MIA) - ", "KHARTOUM: "
_CREDIT = re.compile(
    r",\s+(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+(?:reported|reports|said|says|added)"
    r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+(?:today|yesterday|earlier|late\s+\w+))?\s*[.]?$"
)
_MIN_WORDS = 3
SPEAKER_WINDOW = 400  # how far before its verb a speaker phrase may begin (appositions included)


class Cue(NamedTuple):
    """A speech verb or "according to" in the text."""

    start: int
    end: int
    word: str

    @property
    def verb(self) -> Verb | None:
        return VERBS.get(" ".join(self.word.lower().split()))

    @property
    def according(self) -> bool:
        return self.word.lower().startswith("according") or self.word.lower() == "per"


def find_cues(text: str) -> list[Cue]:
    """Every cue of a text, in order. Substring search first: running the cue pattern over every
    position of every article costs more than the rest of the voice rules together."""
    lowered = text.lower()
    starts: set[int] = set()
    for word in (*{f.split()[0] for f in VERBS}, "according", "quoted", "per"):
        position = lowered.find(word)
        while position != -1:
            if word == "quoted":  # the pattern starts at the "was" of "was quoted … as saying"
                starts.add(lowered.rfind(" ", 0, max(position - 1, 0)) + 1)
            elif position == 0 or not lowered[position - 1].isalnum():
                starts.add(position)
            position = lowered.find(word, position + 1)
    cues: list[Cue] = []
    for start in sorted(starts):
        match = _CUE.match(text, start)
        if match is not None and (not cues or match.start() >= cues[-1].end):
            cues.append(Cue(match.start(), match.end(), match.group()))
    return cues


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
            c for c in own if quotes.containing(c.start) is None and _is_live_cue(text, c, context.sentence)
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
    if line[-1:] in '.!?”"’:»)…' or _words_at_least(line, 17):
        return False
    before, after = text[max(0, sentence.start - 1) : sentence.start], text[sentence.end : sentence.end + 1]
    return before in ("", "\n") and after == "\n"


def _is_live_cue(text: str, cue: Cue, sentence: Sentence) -> bool:
    before = text[max(sentence.start, cue.start - 30) : cue.start]
    return not _NOT_A_CUE_BEFORE.search(before)


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
        if not _usable(text, cue, sentence, context.quotes):
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


def _usable(text: str, cue: Cue, sentence: Sentence, quotes: Quotations) -> bool:
    before = text[max(sentence.start, cue.start - 30) : cue.start]
    after = text[cue.end : sentence.end]
    passive = _NOT_A_CUE_BEFORE.search(before)
    if passive and not (
        cue.word.endswith("ing") and before.rstrip().endswith(("been", "is", "are", "was", "were"))
    ):
        return False
    if _NOT_A_CUE_AFTER.match(after[:24]):
        return False
    verb = cue.verb
    if verb is None:
        return True
    if verb.ambiguous and _NOUN_BEFORE.search(before):
        return False
    inverted = _looks_inverted(text, cue, sentence)
    if verb.ambiguous and not inverted and not re.match(r"^\s*(?:that\b|[:“\"«])", after):
        return False
    if verb.frames == "V":
        return inverted and _quote_closes_before(text, cue, quotes)
    if verb.lemma in NEEDS_CONTENT and not inverted:
        if verb.takes("I") and re.match(r"^\s+to\s+\w", after):
            return True
        if verb.takes("N") and not re.match(r"^\s+(?:responsibility|credit)\b", after):
            return True
        return bool(_CLAUSE_START.match(after))
    return True


def _looks_inverted(text: str, cue: Cue, sentence: Sentence) -> bool:
    """ "…, X said." / "…,” said X": the cue follows its content (a comma and a short speaker
    phrase before it, nothing but an adverbial after it), or comes right after a quotation."""
    before = text[sentence.start : cue.start].rstrip()
    if before.endswith((",", ",”", ',"', "”", '"', "’")):
        return True
    after = text[cue.end : sentence.end]
    comma = before.rfind(",")
    return comma != -1 and len(before[comma:].split()) <= 9 and _TRAILING_ADVERBIAL.match(after) is not None


def _quote_closes_before(text: str, cue: Cue, quotes: Quotations) -> bool:
    for quote in quotes.closed_by(cue.start):
        return not _words_at_least(text[quote.outer[1] : cue.start], 9)
    return False


def _attributed(context: _Context, cue: Cue, previous: Statement | None) -> Statement | None:
    text, sentence = context.text, context.sentence
    quote_before = _quote_before(text, context.quotes, context.used, cue.start, sentence.start)
    if cue.according:
        return _according(context, cue)
    if quote_before is not None and not text[quote_before.outer[1] : cue.start].strip(" ,"):
        # "…,” said X
        lower, upper = _speaker_after(text, cue.end, sentence.end)
        after = context.resolver.resolve(lower, upper, context.paragraph, _lemma(cue))
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
        speaker_start, speaker_end = _speaker_span(text, cue, sentence, quote_before)
        speaker = context.resolver.resolve(speaker_start, speaker_end, context.paragraph, _lemma(cue))
    if speaker is None:
        if cue.verb is not None and cue.verb.takes("V") and _looks_inverted(text, cue, sentence):
            return _inverted_after(context, cue)
        return None
    if quote_before is not None and shared is None:  # “…,” X said   (X may carry a title)
        context.used.add(quote_before)
        return _statement(text, sentence, quote_before.start, quote_before.end, speaker, "direct")
    rest = text[cue.end : sentence.end]
    if (
        shared is None
        and _TRAILING_ADVERBIAL.match(rest)
        and text.rfind(",", max(sentence.start, speaker_start - 4000), speaker_start + 1) > 0
    ):
        return _content_before(context, speaker, speaker_start, cue)  # "…, officials said at the time."
    content = _content_after(text, cue, sentence, context.quotes, context.resolver.dates)
    if content is not None:
        start, end, kind, quote = content
        if quote is not None:
            context.used.add(quote)
        return _statement(text, sentence, start, end, speaker, kind)
    if shared is not None:
        return None
    # …, X said.   (the speaker and cue close the sentence, or sit inside it between commas)
    return _content_before(context, speaker, speaker_start, cue)


def _words_at_least(text: str, count: int) -> bool:
    """Whether ``text`` has ``count`` words, looking no further than it must (contents can be long)."""
    return len(text[: 40 * count].split()) >= count or len(text.split(None, count)) > count


def _lemma(cue: Cue) -> str:
    verb = cue.verb
    return verb.lemma if verb is not None else ""


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
    dateline = _DATELINE.match(text, start, cue.start)
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
        verb = _VERBISH.search(segment) or re.search(r"\s(?:\w+ed|\w+s)\b", segment)
        if verb is None:
            return None
        end = start + verb.start()
    if end <= start:
        return None
    return context.resolver.resolve(start, end, context.paragraph)


def _speaker_span(text: str, cue: Cue, sentence: Sentence, quote_before: Quotation | None) -> tuple[int, int]:
    lower = sentence.start
    if quote_before is not None:
        lower = max(lower, quote_before.outer[1])
    dateline = _DATELINE.match(text, lower, cue.start)
    if dateline is not None:
        lower = dateline.end()
    lower = max(lower, cue.start - SPEAKER_WINDOW)
    speaker_end = cue.start
    # Each pattern below ends at ``speaker_end`` ("…\s*$"), so it is tried at every position of the
    # window; a cheap look at how the window ends says first whether it could match at all.
    ending = text[lower:speaker_end].rstrip()
    aside = None
    if _may_be_anonymous(ending):
        aside = _ANONYMITY.search(text, lower, speaker_end)
    if aside is None and ending.endswith(","):
        aside = _PARENTHETICAL.search(text, lower, speaker_end)
    if aside is not None:  # "a US official that spoke on condition of anonymity to Reuters confirmed"
        speaker_end = aside.start()
    last_word_end = lower + len(text[lower:speaker_end].rstrip())
    tail = _AUXILIARY_TAIL.search(text, max(lower, last_word_end - _AUXILIARY_REACH), speaker_end)
    if tail is not None:
        tail = _AUXILIARY_TAIL.search(text, lower, speaker_end)  # the whole run of them, from its start
    if tail is not None:
        speaker_end = tail.start()
    ending = text[lower:speaker_end].rstrip()
    aside = _RELATIVE_ASIDE.search(text, lower, speaker_end) if ending.endswith(",") else None
    if aside is not None and not _names_itself(text[aside.start() : aside.end()]):
        speaker_end = aside.start()
        ending = text[lower:speaker_end].rstrip()
    # "…the Al-Nujabaa Movement, …, which announced"
    relative = (
        _RELATIVE_BEFORE.search(text, lower, speaker_end) if ending.endswith(("which", "who")) else None
    )
    if relative is not None:
        speaker_end = relative.start()
        return _antecedent_start(text, lower, speaker_end), speaker_end
    return _speaker_before(text, lower, speaker_end), speaker_end


def _may_be_anonymous(ending: str) -> bool:
    """Whether a speaker window could end in an anonymity aside (see ``_ANONYMITY``): one of its
    last words is there, near the end (30 characters and a comma after the word at most)."""
    tail = ending[-48:].lower()
    return "anonymity" in tail or "identified" in tail or "named" in tail


def _names_itself(aside: str) -> bool:
    return re.search(r"\b(?:calling itself|known as|called|named)\b", aside) is not None


def _speaker_before(text: str, lower: int, cue: int) -> int:
    """Where the speaker phrase before a cue starts: after the last clause break, or at ``lower``."""
    window = text[lower:cue]
    start = lower
    for match in _CLAUSE_BREAK.finditer(window):
        start = lower + match.end()
    start = _after_clause_and(text, start, cue)
    segment = text[start:cue]
    # a comma ends a clause unless it is an apposition: "Name, a title," or "title, Name,"
    commas = [match.start() for match in _COMMA.finditer(segment)]
    if not commas:
        return start
    body = segment.rstrip()
    if body.endswith(","):  # "…, Jennifer Kavanagh, senior fellow …, told"
        inner = [c for c in commas if c < len(body) - 1]
        if not inner:
            return start
        cut = inner[-2] + 1 if len(inner) >= 2 else 0
        if _is_intro(segment[cut : inner[-1]].strip()):  # "In a statement on Tuesday, the Spokesperson …,"
            return start + (inner[0] if len(inner) >= 2 else inner[-1]) + 1
        return start + cut
    # otherwise the speaker is what follows the last comma ("…, the Pentagon said")
    return start + commas[-1] + 1 if segment[commas[-1] + 1 :].strip() else start


_COMMA = re.compile(",")


def _is_intro(phrase: str) -> bool:
    """An adverbial that opens a sentence ("In a statement on Tuesday", "Earlier on Wednesday")."""
    return (
        re.match(
            r"^(?:in|on|at|during|after|before|earlier|later|speaking|meanwhile|however|separately|"
            r"last|this|yesterday|today|overnight|while|with|for|by|from|since|under|according)\b",
            phrase,
            re.IGNORECASE,
        )
        is not None
    )


_ANONYMITY = re.compile(
    r",?\s+(?:who|that)?\s*(?:spoke|speaking|talked|talking|asked|requested|declined)\b[^,.;]{0,60}?"
    r"(?:anonymity|identified|named)\b[^,.;]{0,30}?,?\s*$",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(
    r"(?:\s+(?:have|has|had))?,\s*(?:for\s+instance|for\s+example|in\s+turn|too|meanwhile|however|also|"
    r"in\s+a\s+statement|in\s+an\s+interview)\s*,\s*$",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|\w{3,}ed)\b"
)
_ADJECTIVES_IN_ED = frozenset(
    "armed united so-called us-led u.s.-led elected detained displaced alleged".split()
)


def _after_clause_and(text: str, start: int, cue: int) -> int:
    """ "The fighting raged, and the army said": a speaker starts after an "and" that joins
    clauses; "Saudi Arabia and the United States said": one that joins names stays inside."""
    segment = text[start:cue]
    for match in reversed(list(re.finditer(r"\band\b", segment))):
        left = segment[: match.start()]
        words = [w for w in _VERBISH.findall(left) if w.lower() not in _ADJECTIVES_IN_ED]
        if words:
            return start + match.end()
    return start


_AFTER_SPEAKER = re.compile(
    r"[;:!?]|\.(?=\s*$)|,\s+(?!(?:a|an|the|[a-z]+\s+(?:of|at|for|in)\b|known|who|which|led|based)\b|"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s*[.,]?\s*$)|"
    r"\s+(?:that|quoting|citing|adding|saying)\b|$"
)
_RELATIVE_ASIDE = re.compile(
    r",\s+(?:who|whose|which|led|known|based|backed)\b[^,]{1,120}(?:,[^,]{1,60})?,\s*$"
)
_RELATIVE_BEFORE = re.compile(r",?\s+(?:which|who)\s*$")


_LAST_LINK = re.compile(
    r".*\b(?:among|in|on|at|from|with|by|against|between|to|of|for|after|before|(?<![\w-])\w+ed|is|was|are|were|has|"
    r"have|had|prompting|including)\s+",
    re.IGNORECASE | re.DOTALL,
)


def _antecedent_start(text: str, lower: int, end: int) -> int:
    """Where the noun phrase before "which said" starts: right before the relative pronoun
    ("anger among [Iran-aligned groups] which demanded"), keeping one apposition after a name
    ("[Harakat al-Nujaba, one of the armed factions], which announced")."""
    window = text[lower:end]
    commas = [i for i, ch in enumerate(window) if ch == ","]
    if commas:
        tail = window[commas[-1] + 1 :].strip()
        before = window[: commas[-1]]
        if re.match(r"(?:one|a|an|the)\b", tail) and re.search(r"[A-Z][\w’'-]*\s*$", before):
            cut = commas[-2] + 1 if len(commas) >= 2 else 0
            start = lower + cut
            breaks = list(_CLAUSE_BREAK.finditer(text, start, lower + commas[-1]))
            return breaks[-1].end() if breaks else start
        lower, window = lower + commas[-1] + 1, tail and window[commas[-1] + 1 :]
    link = _LAST_LINK.match(window)
    start = lower + (link.end() if link else 0)
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
    limit = min(limit, cue_end + SPEAKER_WINDOW)
    match = _AFTER_SPEAKER.search(text, cue_end, limit)
    end = match.start() if match else limit
    return cue_end, end


def _according(context: _Context, cue: Cue) -> Statement | None:
    """ "According to X, …" and "…, according to X(, a title)"."""
    text, sentence = context.text, context.sentence
    lead = re.sub(r"(?i)\bas\s*$", "", text[sentence.start : cue.start])  # "As per the Pentagon, …"
    first = not lead.strip(' \n"“”*_>#-') or _DATELINE.fullmatch(lead.strip() + " ") is not None
    lower, upper = _speaker_after(text, cue.end, sentence.end)
    if first:
        upper = _first_clause_end(text, cue.end, sentence.end)
    speaker = context.resolver.resolve(lower, upper, context.paragraph)
    if speaker is None:
        return None
    if first:
        comma = text.find(",", upper, sentence.end)
        start = upper + 1 if comma == -1 else comma + 1
        quote = context.quotes.opening_at(_skip_space(text, start))
        if quote is not None and quote.end >= sentence.end - 3:
            context.used.add(quote)
            return _statement(text, sentence, quote.start, quote.end, speaker, "direct")
        return _statement(text, sentence, start, sentence.end, speaker, "reported")
    start = sentence.start
    dateline = _DATELINE.match(text, start, cue.start)
    if dateline is not None:
        start = dateline.end()
    return _statement(text, sentence, start, cue.start, speaker, "reported")


def _inverted_after(context: _Context, cue: Cue) -> Statement | None:
    """ "…, said the statement read out on state television." with no speaker before the cue."""
    text, sentence = context.text, context.sentence
    lower, upper = _speaker_after(text, cue.end, sentence.end)
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
    dateline = _DATELINE.match(text, start, content_end)
    if dateline is not None:
        start = dateline.end()
    rest = text[cue.end : sentence.end]
    resumed = re.match(r"^(?:\s+[\w.’']+){0,4}\s*,\s*(?:and\s+)?", rest)
    end = sentence.end if resumed and _words_at_least(rest[resumed.end() :].strip(" ."), 3) else content_end
    quote = context.quotes.opening_at(_skip_space(text, start))
    if quote is not None and end == content_end and _mostly(text, quote, start, content_end):
        context.used.add(quote)
        return _statement(text, sentence, quote.start, quote.end, speaker, "direct")
    inner = context.quotes.starting_in(start, content_end)
    if len(inner) == 1 and _mostly(text, inner[0], start, content_end):
        context.used.add(inner[0])
        return _statement(text, sentence, inner[0].start, inner[0].end, speaker, "direct")
    return _statement(text, sentence, start, end, speaker, "reported")


def _mostly(text: str, quote: Quotation, start: int, end: int) -> bool:
    """Whether a quotation is most of a clause: "The area was “their last stronghold”"."""
    clause = len(text[start:end].split())
    quoted = len(text[quote.start : min(quote.end, end)].split())
    return quote.end >= end - 3 and quoted >= 0.6 * clause


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


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
        if _BETWEEN_QUOTE_AND_CUE.fullmatch(between) and len(between.split()) <= 16:
            inner_end = text[quote.start : quote.end].rstrip()[-1:]
            if between.strip() and not between.lstrip().startswith(",") and inner_end not in ",?!":
                return None  # “…” and then something else: no attribution of the quote
            return quote
        return None
    return None


_INNER_CUE = re.compile(
    r"\b(?:" + "|".join(re.escape(f) for f in _FORMS if " " not in f and len(f) > 3) + r")\b"
)
_THAT = re.compile(r"^[^“\"”.;:,]{0,90}?(?:,\s*)?\bthat\b\s*|^,[^“\"”.;:,]{1,40},\s+that\b\s*")
_QUOTE_NEXT = re.compile(r"^(?:\s+[^\s“\".;]+){0,3}?[,:]?\s*(?=[“\"«])")
_ADVERBIAL = re.compile(
    r"^\s+(?:(?:in|on|at|during|to|with|for|from|last|this|earlier|later|again|late|overnight|also|"
    r"likewise|jointly|publicly|repeatedly|separately|previously|however|further|today|yesterday)\b"
    r"[^,“\".;]{1,60}?,\s*|(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"yesterday|(?:late\s+)?(?:last|this)\s+\w+(?:\s+night)?)\s+(?=(?:its|his|her|their|the|a|an)\b))"
)
_TRAILING_ADVERBIAL = re.compile(
    r"^\s*(?:(?:on|in|at|late|early|earlier|overnight|from|during|last|this|today|yesterday)\b"
    r"(?:(?!\bthat\b)[^“\",;:.]){0,40})?(?:,\s*(?:without|after|before|while|citing|quoting)\b[^“\"]{0,80})?"
    r"[.!]?\s*$"
)
_TOLD_OBJECT = re.compile(
    r"^\s+(?:the\s+)?[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*)*(?:\s+(?:in|at|on)\s+[A-Z][\w’'.\-]*)?"
)
_NP_END = re.compile(
    r",\s+(?!(?:including|particularly|especially|notably|such\s+as|as\s+well\s+as|and|or|both|[“\"«]))|;|\s[—–]\s|\s+(?:and|but)\s+(?:also\s+)?(?:\w+ed|said|"
    r"urged|called|told|warned)\b|\s+as\s+(?:he|she|it|they)\b|\s+(?:after|before|amid|following)\s"
)
_TO_OBJECT = re.compile(r"^[^.;:“\"]{0,100}?\s(?P<to>(?:not\s+)?to\s+)(?=[\w“\"])")
_OF_OBJECT = re.compile(r"^[^.;:“\"]{0,100}?\sof\s+")


def _content_after(
    text: str, cue: Cue, sentence: Sentence, quotes: Quotations, dates: Sequence[tuple[int, int]] = ()
) -> tuple[int, int, str, Quotation | None] | None:
    """What follows "X said": a quotation, a "that" clause, a clause after an adverbial, the
    to-infinitive after "urged Y", the charge after "accused Y of", or a noun phrase of content."""
    verb = cue.verb
    rest = text[cue.end : sentence.end]
    first = bisect_left(dates, (cue.end, cue.end))
    for d_start, d_end in dates[first : first + 4]:  # "reported on Tuesday, July 16, 2024, that …"
        if d_end <= sentence.end:
            a, b = d_start - cue.end, d_end - cue.end
            rest = rest[:a] + "D" * (b - a) + rest[b:]
    if (verb is not None and verb.takes("T") and not verb.takes("C")) or (verb and verb.lemma == "urge"):
        found = _to_complement(text, cue, sentence, quotes)
        if found is not None or not verb.takes("N"):
            return found
    if verb is not None and verb.takes("O"):
        of = _OF_OBJECT.match(rest)
        return _span(text, cue.end + of.end(), sentence, quotes) if of else None
    if verb is not None and verb.takes("A"):
        return _span(text, cue.end, sentence, quotes) if re.search(r"\sas\s", rest[:120]) else None
    if verb is not None and verb.takes("I") and re.match(r"^\s+to\s+\w", rest):
        return _span(text, cue.end + len(rest) - len(rest.lstrip()), sentence, quotes)
    that = _THAT.match(rest)
    if that is not None and _INNER_CUE.search(rest[: that.start() + len(that.group()) - 5]):
        that = None  # "said on Friday a ship captain reported that …": the captain's words are inside
    quoted = _QUOTE_NEXT.match(rest)
    if quoted is not None and (that is None or quoted.end() <= that.end()):
        quote = quotes.opening_at(cue.end + quoted.end())
        if quote is not None:
            return quote.start, quote.end, "direct", quote
    if that is not None:
        start = cue.end + that.end()
    elif verb is not None and verb.lemma in ("tell", "inform", "assure"):
        told = _TOLD_OBJECT.match(rest)
        start = cue.end + (told.end() if told else 0)
        if not text[start : sentence.end].strip(" .,"):
            return None
    elif verb is not None and verb.takes("N") and not _CLAUSE_START.match(rest):
        if verb.lemma == "declare" and not re.search(r"[“\"«]", rest):
            return None  # "declared three days of mourning" is an act; "declared Khartoum “free”" a claim
        return _noun_phrase_content(text, cue, sentence, quotes, dates)
    elif (adverbial := _ADVERBIAL.match(rest)) is not None:
        start = cue.end + adverbial.end()
    else:  # "said the strike …", "announced Friday he will …"
        day = re.match(r"^\s+(?:on\s+)?(?:[A-Z][a-z]+day|yesterday|today)\b", rest)
        start = cue.end + (day.end() if day else 0)
    return _clause(text, start, sentence, quotes)


def _clause(
    text: str, start: int, sentence: Sentence, quotes: Quotations
) -> tuple[int, int, str, Quotation | None] | None:
    remaining = text[start : sentence.end].strip()
    if not _words_at_least(remaining, _MIN_WORDS) or remaining[:1] in ".,;":
        return None
    end = sentence.end
    if (
        _SUBORDINATOR_START.match(text[sentence.start : sentence.end])
        and ", " not in text[sentence.start : start]
    ):
        comma = text.find(", ", start, sentence.end)  # "While X said that …, the …": the clause ends there
        end = comma if comma != -1 else end
    end = _next_cue(text, start, end)
    quote = quotes.opening_at(_skip_space(text, start))
    if quote is not None and quote.end >= end - 3:
        return quote.start, quote.end, "direct", quote
    return start, end, "reported", None


_NEXT_CUE = re.compile(
    r"(?:,\s*|\s+[—–]\s+|\s+)(?:and\s+|as\s+(?:he|she|it|they|we)\s+|while\s+(?:also\s+)?)(?:also\s+)?(?="
    + "|".join(re.escape(f) for f in _FORMS if " " not in f)
    + r"|called\s+(?:for|on)|calling\s+(?:for|on))\b"
    r"|,\s*(?=(?:adding|saying|citing|noting|warning|calling|urging|stressing|accusing|describing|announcing|"
    r"claiming|insisting|arguing|explaining|demanding|declaring|vowing|pledging)\b)"
)


def _next_cue(text: str, start: int, end: int) -> int:
    """Where a second speech verb of the same speaker begins ("demanded that A — and requested that
    B", "said A as he warned that B"): one statement per speech verb."""
    found = _NEXT_CUE.search(text, start, min(end, start + 600))
    return found.start() if found is not None else end


def _span(
    text: str, start: int, sentence: Sentence, quotes: Quotations
) -> tuple[int, int, str, Quotation | None] | None:
    end = _next_cue(text, start, sentence.end)
    stop = _NP_END.search(text, start, end)
    if stop is not None:
        end = stop.start()
    if not _words_at_least(text[start:end], 2):
        return None
    return start, end, "reported", None


def _to_complement(
    text: str, cue: Cue, sentence: Sentence, quotes: Quotations
) -> tuple[int, int, str, Quotation | None] | None:
    """ "urged both sides to act …": the complement without "to" ("not to …" keeps it)."""
    rest = text[cue.end : sentence.end]
    found = _TO_OBJECT.match(rest)
    if found is None:
        return None
    to = found.group("to")
    start = cue.end + found.start("to") + (0 if to.startswith("not") else len(to))
    quote_mark = text.rfind("“", cue.end, start + 1)
    quote = quotes.opening_at(quote_mark) if quote_mark != -1 else None
    if quote is None:
        quote = quotes.opening_at(_skip_space(text, start))
    if quote is not None and quote.start <= start + 1 and quote.end >= sentence.end - 4:
        return quote.start, quote.end, "direct", quote
    return _span(text, start, sentence, quotes)


def _past_adverbials(text: str, start: int, limit: int, dates: Sequence[tuple[int, int]]) -> int:
    """After "announced", past "last Sunday night", "in July", "likewise", "on Tuesday": where its
    object begins."""
    position = _skip_space(text, start)
    while position < limit:
        word = re.match(
            r"(?:also|likewise|jointly|publicly|formally|officially|again|further)\b\s*", text[position:limit]
        )
        if word is not None:
            position += word.end()
            continue
        preposition = re.match(r"(?:in|on|at|during|late|early|earlier)\s+", text[position:limit])
        at = position + (preposition.end() if preposition else 0)
        date = next((d for d in dates if d[0] == at), None)
        if date is None:
            break
        position = _skip_space(text, date[1])
    return position


def _noun_phrase_content(
    text: str, cue: Cue, sentence: Sentence, quotes: Quotations, dates: Sequence[tuple[int, int]] = ()
) -> tuple[int, int, str, Quotation | None] | None:
    """ "demanded the “immediate release” of Bazoum", "called for an immediate halt …"."""
    start = _past_adverbials(text, cue.end, sentence.end, dates)
    quote = quotes.opening_at(start)
    if quote is not None and quote.end >= sentence.end - 4:
        return quote.start, quote.end, "direct", quote
    found = _span(text, start, sentence, quotes)
    if found is None or not _words_at_least(text[found[0] : found[1]], _MIN_WORDS):
        return None
    return found


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
    dateline = _DATELINE.match(content)
    content = content[dateline.end() :] if dateline else content
    content = _CREDIT.sub("", content) if kind == "reported" else content
    content = content.strip(",;:—– ").rstrip(",").strip()
    if kind == "reported":
        content = content.rstrip(".").strip()
    if not _words_at_least(content, 2 if kind == "direct" else _MIN_WORDS):
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
