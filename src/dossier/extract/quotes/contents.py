"""What a cue attributes: the content its verb's frames allow after it, or a quotation closed before it.

After "X said": a quotation, a "that" clause, a clause after an adverbial; after "urged Y" the
to-infinitive, after "accused Y of" the charge, after "demanded" a noun phrase. Before it: the
quotation of “…,” X said.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from dossier.extract.quotes.cues import CLAUSE_START, FORMS, Cue, words_at_least
from dossier.extract.quotes.quotations import Quotation, Quotations
from dossier.model import Sentence

_SUBORDINATOR_START = re.compile(
    r"^\W*(?:while|although|though|as|since|because|if|when|after|before|whereas)\b", re.IGNORECASE
)
MIN_WORDS = 3


def mostly(text: str, quote: Quotation, start: int, end: int) -> bool:
    """Whether a quotation is most of a clause: "The area was “their last stronghold”"."""
    clause = len(text[start:end].split())
    quoted = len(text[quote.start : min(quote.end, end)].split())
    return quote.end >= end - 3 and quoted >= 0.6 * clause


def skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


_BETWEEN_QUOTE_AND_CUE = re.compile(r"[^.;!?“”\"\n]{0,160}")


def quote_before_cue(
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
    r"\b(?:" + "|".join(re.escape(f) for f in FORMS if " " not in f and len(f) > 3) + r")\b"
)
_THAT = re.compile(r"^[^“\"”.;:,]{0,90}?(?:,\s*)?\bthat\b\s*|^,[^“\"”.;:,]{1,40},\s+that\b\s*")
_QUOTE_NEXT = re.compile(r"^(?:\s+[^\s“\".;]+){0,3}?[,:]?\s*(?=[“\"«])")
_ADVERBIAL = re.compile(
    r"^\s+(?:(?:in|on|at|during|to|with|for|from|last|this|earlier|later|again|late|overnight|also|"
    r"likewise|jointly|publicly|repeatedly|separately|previously|however|further|today|yesterday)\b"
    r"[^,“\".;]{1,60}?,\s*|(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"yesterday|(?:late\s+)?(?:last|this)\s+\w+(?:\s+night)?)\s+(?=(?:its|his|her|their|the|a|an)\b))"
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


def content_after(
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
    elif verb is not None and verb.takes("N") and not CLAUSE_START.match(rest):
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
    if not words_at_least(remaining, MIN_WORDS) or remaining[:1] in ".,;":
        return None
    end = sentence.end
    if (
        _SUBORDINATOR_START.match(text[sentence.start : sentence.end])
        and ", " not in text[sentence.start : start]
    ):
        comma = text.find(", ", start, sentence.end)  # "While X said that …, the …": the clause ends there
        end = comma if comma != -1 else end
    end = _next_cue(text, start, end)
    quote = quotes.opening_at(skip_space(text, start))
    if quote is not None and quote.end >= end - 3:
        return quote.start, quote.end, "direct", quote
    return start, end, "reported", None


_NEXT_CUE = re.compile(
    r"(?:,\s*|\s+[—–]\s+|\s+)(?:and\s+|as\s+(?:he|she|it|they|we)\s+|while\s+(?:also\s+)?)(?:also\s+)?(?="
    + "|".join(re.escape(f) for f in FORMS if " " not in f)
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
    if not words_at_least(text[start:end], 2):
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
        quote = quotes.opening_at(skip_space(text, start))
    if quote is not None and quote.start <= start + 1 and quote.end >= sentence.end - 4:
        return quote.start, quote.end, "direct", quote
    return _span(text, start, sentence, quotes)


def _past_adverbials(text: str, start: int, limit: int, dates: Sequence[tuple[int, int]]) -> int:
    """After "announced", past "last Sunday night", "in July", "likewise", "on Tuesday": where its
    object begins."""
    position = skip_space(text, start)
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
        position = skip_space(text, date[1])
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
    if found is None or not words_at_least(text[found[0] : found[1]], MIN_WORDS):
        return None
    return found
