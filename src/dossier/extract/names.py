"""Capitalized names the registry does not know, so editors can grow it.

A candidate is a run of capitalized words ("Jennifer Kavanagh", "Ministry of
Foreign Affairs") outside every registry match, with small connecting words
allowed inside ("of", "al-", "bin"). Titles and common words at its edges are
trimmed ("Prime Minister", "The"); demonyms of registry places ("Iraqi",
"Syrians") and sentences set in title case (headings) are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from dossier.extract.entities import Match
from dossier.extract.quotes.lexicon import DEMONYMS
from dossier.extract.tokens import Tokens, fold
from dossier.model import BODY, NameOccurrence, Sentence

CONNECTORS = frozenset("al el bin ibn abu bint of for the de del la le du van von da di".split())
NOT_NAMES = frozenset(
    fold(word)
    for word in """shiite shiites shia sunni sunnis kurdish kurds arab arabs arabic muslim muslims christian
    christians jewish jews western eastern northern southern middle european europeans african asian persian
    islamist islamists jihadist jihadists jihadi iraqis iranians americans israelis syrians palestinians
    god allah internet english sms tv gps""".split()
) | frozenset(  # number words start sentences ("Forty-four people were killed"), never names
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions dozen dozens""".split()
)
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "is", "i", "ns", "n", "ese", "ish")


def _is_capitalized(tokens: Tokens, i: int) -> bool:
    first = tokens.text[tokens.starts[i]]
    return first.isupper() and not tokens.keys[i].isdigit()


def _is_demonym(key: str, place_keys: frozenset[str]) -> bool:
    """ "French", "Nigerien" (from the lexicon), or a place's name with a demonym's ending."""
    if key in DEMONYMS:
        return True
    for ending in _DEMONYM_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 2:
            stem = key[: -len(ending)]
            if stem in place_keys or stem + "e" in place_keys or stem + "a" in place_keys:
                return True
    return False


_HEADING_LINE = re.compile(r"[ \t]*#")


def _headings(tokens: Tokens, sentences: tuple[Sentence, ...]) -> list[tuple[int, int]]:
    """Spans of Markdown headings, whose capitals say nothing about names."""
    text = tokens.text
    spans = []
    for sentence in sentences:
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if _HEADING_LINE.match(text, line_start, sentence.start):
            spans.append((sentence.start, sentence.end))
    return spans


def _in_spans(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def unknown_names(
    tokens: Tokens,
    matches: list[Match],
    sentences: tuple[Sentence, ...],
    ignorable: frozenset[str],
    place_keys: frozenset[str],
    field: str = BODY,
) -> tuple[NameOccurrence, ...]:
    """Runs of capitalized words outside registry matches, in reading order.

    ``ignorable`` holds the keys of words that are never a name's edge (titles,
    function words, months); ``place_keys`` the keys of registry names, for demonyms.
    """
    covered = [False] * len(tokens)
    for match in matches:
        for k in range(match.first_token, match.end_token):
            covered[k] = True
    headlines = _headings(tokens, sentences)
    headline_starts = [start for start, _ in headlines]
    sentence_starts = {s.start for s in sentences}
    # words this text also writes in lower case are ordinary words set in title case ("National Security")
    lower_case = {
        k for k, start in zip(tokens.keys, tokens.starts, strict=True) if tokens.text[start].islower()
    }
    found: list[NameOccurrence] = []
    i, n = 0, len(tokens)
    while i < n:
        if covered[i] or not _is_capitalized(tokens, i):
            i += 1
            continue
        j = i + 1
        while j < n and not covered[j] and tokens.joinable(j):
            if _is_capitalized(tokens, j):
                j += 1
            elif (
                tokens.keys[j] in CONNECTORS
                and j + 1 < n
                and not covered[j + 1]
                and _is_capitalized(tokens, j + 1)
                and tokens.joinable(j + 1)
            ):
                j += 2
            else:
                break
        occurrence = _trimmed(tokens, i, j, ignorable, place_keys, sentence_starts, field)
        if (
            occurrence is not None
            and not _in_spans(headlines, headline_starts, occurrence.start)
            and not all(w in lower_case or w in CONNECTORS for w in occurrence.key.split())
        ):
            found.append(occurrence)
        i = j
    return tuple(found)


def _trimmed(
    tokens: Tokens,
    i: int,
    j: int,
    ignorable: frozenset[str],
    place_keys: frozenset[str],
    sentence_starts: set[int],
    field: str,
) -> NameOccurrence | None:
    keys = tokens.keys
    while i < j and (
        keys[i] in ignorable
        or keys[i] in CONNECTORS
        or keys[i] in NOT_NAMES
        or _is_demonym(keys[i], place_keys)
    ):
        i += 1
    while j > i and (keys[j - 1] in CONNECTORS or keys[j - 1] in ignorable):
        j -= 1
    if i >= j:
        return None
    words = keys[i:j]
    if all(w in NOT_NAMES or _is_demonym(w, place_keys) for w in words if w not in CONNECTORS):
        return None
    if len(words) == 1 and len(words[0]) < 2:
        return None
    start, end = tokens.starts[i], tokens.ends[j - 1]
    initial = start in sentence_starts or tokens.text[max(0, start - 2) : start].strip() in (
        "“",
        '"',
        "‘",
        "'",
    )
    return NameOccurrence(
        text=tokens.text[start:end], key=" ".join(words), start=start, end=end, initial=initial, field=field
    )
