"""Cues: the speech verbs and "according to" that statements are found by, and whether one attributes.

:func:`find_cues` finds them (a substring search first, then the cue pattern); :func:`usable` says
whether a cue can attribute anything in its sentence: not passive or idiomatic ("it was reported"),
not a noun ("media reports"), and followed or preceded by what its verb's frames need.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dossier.extract.quotes.lexicon import NEEDS_CONTENT, VERBS, Verb
from dossier.extract.quotes.quotations import Quotations
from dossier.model import Sentence

FORMS = sorted(VERBS, key=len, reverse=True)
# Lower case only: "States" in "United States" is not a verb.
_CUE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in FORMS)
    + r"|[Aa]ccording\s+to|(?<=[Aa]s )per(?=\s+[A-Z]|\s+the\s)|(?<=, )per(?=\s+[A-Z])"
    + r"|(?:was|were|is|are)\s+quoted(?:\s+by\s+[^,.“\"]{1,60}?)?\s+as\s+saying)\b"
)
CLAUSE_START = re.compile(
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
TRAILING_ADVERBIAL = re.compile(
    r"^\s*(?:(?:on|in|at|late|early|earlier|overnight|from|during|last|this|today|yesterday)\b"
    r"(?:(?!\bthat\b)[^“\",;:.]){0,40})?(?:,\s*(?:without|after|before|while|citing|quoting)\b[^“\"]{0,80})?"
    r"[.!]?\s*$"
)


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


def is_live_cue(text: str, cue: Cue, sentence: Sentence) -> bool:
    before = text[max(sentence.start, cue.start - 30) : cue.start]
    return not _NOT_A_CUE_BEFORE.search(before)


def usable(text: str, cue: Cue, sentence: Sentence, quotes: Quotations) -> bool:
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
    inverted = looks_inverted(text, cue, sentence)
    if verb.ambiguous and not inverted and not re.match(r"^\s*(?:that\b|[:“\"«])", after):
        return False
    if verb.frames == "V":
        return inverted and _quote_closes_before(text, cue, quotes)
    if verb.lemma in NEEDS_CONTENT and not inverted:
        if verb.takes("I") and re.match(r"^\s+to\s+\w", after):
            return True
        if verb.takes("N") and not re.match(r"^\s+(?:responsibility|credit)\b", after):
            return True
        return bool(CLAUSE_START.match(after))
    return True


def looks_inverted(text: str, cue: Cue, sentence: Sentence) -> bool:
    """ "…, X said." / "…,” said X": the cue follows its content (a comma and a short speaker
    phrase before it, nothing but an adverbial after it), or comes right after a quotation."""
    before = text[sentence.start : cue.start].rstrip()
    if before.endswith((",", ",”", ',"', "”", '"', "’")):
        return True
    after = text[cue.end : sentence.end]
    comma = before.rfind(",")
    return comma != -1 and len(before[comma:].split()) <= 9 and TRAILING_ADVERBIAL.match(after) is not None


def _quote_closes_before(text: str, cue: Cue, quotes: Quotations) -> bool:
    for quote in quotes.closed_by(cue.start):
        return not words_at_least(text[quote.outer[1] : cue.start], 9)
    return False


def words_at_least(text: str, count: int) -> bool:
    """Whether ``text`` has ``count`` words, looking no further than it must (contents can be long)."""
    return len(text[: 40 * count].split()) >= count or len(text.split(None, count)) > count


def lemma(cue: Cue) -> str:
    verb = cue.verb
    return verb.lemma if verb is not None else ""
