"""Where a cue's speaker phrase lies in the text (what it names is for :mod:`.speakers` to say).

Before a cue the phrase runs back to the last clause break, past a dateline, an anonymity aside, a
relative clause and auxiliaries ("X, a senior fellow at …, has also said"); after an inverted cue
("said X", "according to X, a title at Y,") it runs to the clause's end.
"""

from __future__ import annotations

import re

from dossier.extract.quotes.cues import Cue
from dossier.extract.quotes.quotations import Quotation
from dossier.model import Sentence

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
DATELINE = re.compile(
    r"(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][A-Za-z .'/\[\]-]{1,60},\s*"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\))?\s*[:—–―-]{1,2}\s+"
    r"|[A-Z]{3,}[A-Z .'/-]{0,40}(?:,\s*[A-Z][\w .]+)?\s*[:—–―-]{1,2}\s+|[A-Z][\w ]{1,30}/\s+)"
)  # "BAGHDAD — ", "RIYADH, May 6 ― ", "Niamey, 22 March 2025 (dpa/MIA) - ", "KHARTOUM: "
SPEAKER_WINDOW = 400  # how far before its verb a speaker phrase may begin (appositions included)


def speaker_span(text: str, cue: Cue, sentence: Sentence, quote_before: Quotation | None) -> tuple[int, int]:
    lower = sentence.start
    if quote_before is not None:
        lower = max(lower, quote_before.outer[1])
    dateline = DATELINE.match(text, lower, cue.start)
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
VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|\w{3,}ed)\b")
_ADJECTIVES_IN_ED = frozenset(
    "armed united so-called us-led u.s.-led elected detained displaced alleged".split()
)


def _after_clause_and(text: str, start: int, cue: int) -> int:
    """ "The fighting raged, and the army said": a speaker starts after an "and" that joins
    clauses; "Saudi Arabia and the United States said": one that joins names stays inside."""
    segment = text[start:cue]
    for match in reversed(list(re.finditer(r"\band\b", segment))):
        left = segment[: match.start()]
        words = [w for w in VERBISH.findall(left) if w.lower() not in _ADJECTIVES_IN_ED]
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


def first_clause_end(text: str, start: int, limit: int) -> int:
    """Where "According to X, a title at Y," ends: the first comma, or the second when an
    apposition starting with a/an sits between them."""
    first = text.find(",", start, limit)
    if first == -1:
        return limit
    second = text.find(",", first + 1, limit)
    if second != -1 and re.match(r"\s+an?\s", text[first + 1 : first + 5]):
        return second
    return first


def speaker_after(text: str, cue_end: int, limit: int) -> tuple[int, int]:
    """The phrase after an inverted cue ("said X", "according to X, a senior fellow at …"):
    up to the clause's end, keeping an apposition that describes the speaker."""
    limit = min(limit, cue_end + SPEAKER_WINDOW)
    match = _AFTER_SPEAKER.search(text, cue_end, limit)
    end = match.start() if match else limit
    return cue_end, end
