"""Registry → :class:`Matcher`; text → entity mentions.

All aliases are compiled into one trie over token keys, so tagging walks
the text once and its cost does not grow with the size of the registry.
At each word the longest alias that its rules accept wins, and nothing
inside it is tagged ("Kataib Hezbollah" is not also "Hezbollah"; nothing in
"Washington Post" when it is on the ignore list). Rules that need the whole
article (``needs_anchor``) are applied once the article has been scanned.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.extract.arabic import has_arabic, proclitic_readings
from dossier.extract.registry import AliasSpec, Registry
from dossier.extract.tokens import Tokens, alias_keys, fold, tokenize
from dossier.model import BODY, TITLE, Mention

ANY_CASE, CAPITALIZED, EXACT = 0, 1, 2
_END = ""  # trie key marking the aliases that end at a node (no token key is empty)

# Capitalized words that do not start a different person's name before a surname alias.
_FUNCTION_WORDS = frozenset(
    """a about according after against all also although amid among an and another as asked at because been
    before being between both but by can could dear despite did do does during each either even every
    following for from had has have he her his however i if in instead is it its last like many may
    meanwhile might more moreover most must my neither next no nor not now of on only or other our over
    said says shall she should since so some still such that the their then these they this those though
    through to today told tomorrow under unless unlike until was we were what when whenever where
    whether which while who whom whose why will with without would yes yesterday yet you your""".split()
)
_CALENDAR_WORDS = frozenset(
    fold(w) for w in (*calendar.month_name[1:], *calendar.day_name, *calendar.month_abbr[1:]) if w
)


@dataclass(frozen=True, slots=True)
class CompiledAlias:
    spec: AliasSpec
    raws: tuple[str, ...]
    modes: tuple[int, ...]


_ACCEPT, _NO_MATCH, _OTHER_REFERENT = 0, 1, 2


@dataclass(slots=True)
class _ScanState:
    """What a scan remembers as it moves through one text."""

    entity_ended_at: int = -1  # token index just after the last entity name
    excluded: set[AliasSpec] = field(default_factory=set)  # sticky aliases that now name something else

    def accepted(self, spec: AliasSpec, end: int) -> None:
        self.entity_ended_at = end if spec.entity is not None else -1
        if self.excluded and spec.entity is not None and not spec.conditional:
            # The entity is named in full again: its generic aliases refer to it once more.
            self.excluded = {s for s in self.excluded if s.entity != spec.entity}


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in a text; ``entity`` is None for an ignored name."""

    entity: str | None
    start: int
    end: int
    anchored: bool  # found by an alias that needs another mention of its entity
    first_token: int = 0
    end_token: int = 0


def _token_mode(raw: str, case_sensitive: bool) -> int:
    if case_sensitive or any(c.isupper() for c in raw[1:]):
        return EXACT
    return CAPITALIZED if raw[:1].isupper() else ANY_CASE


def _compile(spec: AliasSpec) -> list[tuple[tuple[str, ...], CompiledAlias]]:
    tokens = tokenize(spec.text)
    raws = tuple(tokens.raw(i) for i in range(len(tokens)))
    modes = tuple(_token_mode(r, spec.case_sensitive) for r in raws)
    variants = [(tuple(tokens.keys), CompiledAlias(spec, raws, modes))]
    last = raws[-1]
    if modes[-1] == EXACT and last.isupper() and len(last) >= 2 and fold(last + "s") != fold(last):
        plural = (*raws[:-1], last + "s")  # plural acronyms: PMFs
        variants.append(((*tokens.keys[:-1], fold(last + "s")), CompiledAlias(spec, plural, modes)))
    return variants


# The head nouns of institutions' names that news writes alone, capitalized, for the body it just named.
INSTITUTION_HEADS = frozenset(
    """council committee commission coalition alliance court assembly agency ministry mission league union
    bank fund programme program organisation organization movement front party parliament command corps
    office authority board tribunal congress""".split()
)
_HEAD_KEYS = frozenset(fold(word) for word in INSTITUTION_HEADS)  # as tokens key them ("comite")
_MIN_VARIANT_LETTERS = 4
# Spellings that transliterations of one sound alternate between ("Tchiani"/"Tiani", "Hemedti"/"Hemetti").
_SOUND_SPELLINGS = (
    ("tch", "t"),
    ("dt", "t"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("kh", "k"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("ou", "u"),
    ("ee", "i"),
)
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def _sounds(key: str) -> str:
    for written, sound in _SOUND_SPELLINGS:
        key = key.replace(written, sound)
    return _DOUBLES.sub(r"\1", key)


@lru_cache(maxsize=1 << 16)
def name_skeleton(key: str) -> str:
    """A name's consonants, first letter kept: "tchiani", "tiani" → "tn"; "dagalo", "daglo" → "dgl"."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", _sounds(key)))


def _close_spelling(key: str, known: str) -> bool:
    """Same consonants, the same last letter, and letters that differ by no more than a third
    ("Tony" and "Tiana" are not "Tiani")."""
    a, b = _sounds(key), _sounds(known)
    return key != known and a[-1] == b[-1] and edit_distance(a, b) <= max(len(a), len(b)) // 3


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _keys_in(trie: dict) -> Iterator[str]:
    for key, node in trie.items():
        if key != _END:
            yield key
            yield from _keys_in(node)


def _variant_index(aliases: Iterable[AliasSpec]) -> dict[str, list[str]]:
    """Skeleton → the words of people's names that have it (the only words spelled in variants here)."""
    index: dict[str, set[str]] = {}
    for spec in aliases:
        if spec.entity is None or spec.case_sensitive or not spec.person:
            continue
        for key in tokenize(spec.text).keys:
            if len(key) >= _MIN_VARIANT_LETTERS and key.isalpha():
                index.setdefault(name_skeleton(key), set()).add(key)
    return {skeleton: sorted(keys) for skeleton, keys in index.items()}


def _before_article(tokens: Tokens, i: int) -> int:
    """Where a surname starts with its Arabic article: "al-Burhan" from "Burhan"."""
    return i - 1 if i > 0 and tokens.keys[i - 1] in ("al", "el") and tokens.joinable(i) else i


class Matcher:
    """Finds registry names in text. Build once per registry; safe to share and to pickle."""

    def __init__(self, registry: Registry) -> None:
        self.titles = frozenset(fold(t) for title in registry.titles for t in title.split())
        # words that never start or end a name: titles, function words, months and weekdays
        self.edge_words = self.titles | _FUNCTION_WORDS | _CALENDAR_WORDS
        self.trie: dict = {}
        for spec in registry.aliases:
            for keys, compiled in _compile(spec):
                node = self.trie
                for key in keys:
                    node = node.setdefault(key, {})
                candidates = node.setdefault(_END, [])
                candidates.append(compiled)
                # Unconditional aliases are tried before conditional ones of the same form.
                candidates.sort(key=lambda c: c.spec.conditional)
        self.single_keys = frozenset(key for key, node in self.trie.items() if _END in node)
        self.all_keys = frozenset(_keys_in(self.trie))
        self.heads = {
            e.id: frozenset(k for k in alias_keys(e.name) if k in _HEAD_KEYS)
            for e in registry.entities.values()
            if e.type != "person"
        }
        self.heads = {eid: heads for eid, heads in self.heads.items() if heads}
        self.variants = _variant_index(registry.aliases)
        self.types = {entity.id: entity.type for entity in registry.entities.values()}
        self.demonyms = self._demonyms()
        # what each entity is called and said to be, for "the bloc" or "the company" to point back to it
        self.descriptions = {
            e.id: " ".join((e.name, *e.aliases, e.description)).casefold() for e in registry.entities.values()
        }

    def _demonyms(self) -> dict[str, str]:
        """Demonym → the registry's country ("sudanese" → sudan), for the countries it has."""
        from dossier.extract.quotes.lexicon import DEMONYMS

        found = {}
        for demonym, country in DEMONYMS.items():
            for match in self.find(country):
                if match.entity is not None and self.types.get(match.entity) == "country":
                    found[demonym] = match.entity
        return found

    def find(self, text: str) -> list[Match]:
        """Every name in ``text``, left to right, longest first, before article-level rules."""
        return self.scan(tokenize(text))

    def scan(self, tokens: Tokens) -> list[Match]:
        """:meth:`find` on text that is already tokenized."""
        trie = self.trie
        state = _ScanState()
        matches: list[Match] = []
        spelled = self._spelled_like_a_name(tokens)
        if spelled:
            tokens = Tokens(
                tokens.text,
                tokens.starts,
                tokens.ends,
                [spelled.get(i, k) for i, k in enumerate(tokens.keys)],
            )
        unprefixed = self._without_proclitics(tokens)
        if unprefixed:
            tokens = Tokens(
                tokens.text,
                [unprefixed[i][0] if i in unprefixed else s for i, s in enumerate(tokens.starts)],
                tokens.ends,
                [unprefixed[i][1] if i in unprefixed else k for i, k in enumerate(tokens.keys)],
            )
        resume = 0  # tokens before this index are inside an earlier match
        for i in [i for i, key in enumerate(tokens.keys) if key in trie]:
            if i < resume:
                continue
            found = self._longest(tokens, i, trie[tokens.keys[i]], state)
            if found is not None:
                j, spec = found
                start, end = tokens.starts[i], tokens.ends[j - 1]
                # a short form, or a name only spelled like one, needs support: the entity named
                # otherwise in the article, or a title before it ("Gen. Tchiani")
                spelled_only = all(k in spelled for k in range(i, j))
                anchored = (spec.needs_anchor or spelled_only) and not (
                    spec.person and self._after_title(tokens, i)
                )
                matches.append(Match(spec.entity, start, end, anchored, i, j))
                state.accepted(spec, j)
                resume = j
        return matches

    def _spelled_like_a_name(self, tokens: Tokens) -> dict[int, str]:
        """Capitalized words the registry does not know that are another spelling of a word of a
        person's name ("Tchiani" for "Tiani", "Daglo" for "Dagalo"): token index → that word's key."""
        if not self.variants:
            return {}
        found = {}
        text, starts, known = tokens.text, tokens.starts, self.all_keys
        unknown = [
            i for i, key in enumerate(tokens.keys) if key not in known and len(key) >= _MIN_VARIANT_LETTERS
        ]
        for i in unknown:
            key = tokens.keys[i]
            if not text[starts[i]].isupper() or key in self.edge_words:
                continue
            candidates = self.variants.get(name_skeleton(key))
            if candidates:
                close = [c for c in candidates if _close_spelling(key, c)]
                if len(close) == 1:
                    found[i] = close[0]
        return found

    def _without_proclitics(self, tokens: Tokens) -> dict[int, tuple[int, str]]:
        """Arabic words that start a name once the conjunction or preposition written onto them is
        taken off ("وبالعراق" → "العراق"): token index → where the name starts, and its key.
        A word the registry knows as it stands is left whole ("بغداد", "واشنطن")."""
        found: dict[int, tuple[int, str]] = {}
        trie, text = self.trie, tokens.text
        if not has_arabic(text):
            return found
        for i, key in enumerate(tokens.keys):
            if key in trie or not has_arabic(key):
                continue
            start = tokens.starts[i]
            for reading in proclitic_readings(text[start : tokens.ends[i]]):
                folded = fold(reading.text)
                if folded in trie:
                    found[i] = (start + reading.offset, folded)
                    break
        return found

    def _after_title(self, tokens: Tokens, i: int) -> bool:
        """ "President Macron", "Gen. Burhan": a title before a surname says who is meant."""
        i = _before_article(tokens, i)
        return i > 0 and tokens.keys[i - 1] in self.titles and tokens.raw(i - 1)[:1].isupper()

    def _longest(self, tokens: Tokens, i: int, node: dict, state: _ScanState) -> tuple[int, AliasSpec] | None:
        keys = tokens.keys
        ends: list[tuple[int, list[CompiledAlias]]] = []
        j = i + 1
        if _END in node:
            ends.append((j, node[_END]))
        while j < len(keys) and keys[j] in node and tokens.joinable(j):
            node = node[keys[j]]
            j += 1
            if _END in node:
                ends.append((j, node[_END]))
        for end, candidates in reversed(ends):
            for alias in candidates:
                verdict = self._verdict(alias, tokens, i, end, state)
                if verdict == _ACCEPT:
                    return end, alias.spec
                if verdict == _OTHER_REFERENT and alias.spec.sticky_exclusion:
                    state.excluded.add(alias.spec)
        return None

    def _verdict(self, alias: CompiledAlias, tokens: Tokens, i: int, j: int, state: _ScanState) -> int:
        if not self._case_matches(alias, tokens, i):
            return _NO_MATCH
        spec = alias.spec
        if not spec.in_caps and tokens.is_all_caps_context(i, j):
            return _NO_MATCH
        after_entity = state.entity_ended_at == i
        if spec.conditional or spec.sticky_exclusion:
            keys = tokens.keys
            if (
                (spec.not_after_entity and after_entity)
                or any(tuple(keys[max(i - len(p), 0) : i]) == p for p in spec.not_after)
                or any(tuple(keys[j : j + len(p)]) == p for p in spec.not_before)
            ):
                return _OTHER_REFERENT
            if (
                state.excluded
                and spec in state.excluded
                and not any(tuple(keys[j : j + len(p)]) == p for p in spec.always_before)
            ):
                return _OTHER_REFERENT
        if spec.surname and self._after_other_given_name(tokens, i, after_entity):
            return _OTHER_REFERENT
        return _ACCEPT

    @staticmethod
    def _case_matches(alias: CompiledAlias, tokens: Tokens, i: int) -> bool:
        """Capitalized alias words must be capitalized in the text; exact ones must be as written."""
        text, starts = tokens.text, tokens.starts
        for offset, mode in enumerate(alias.modes):
            if mode == CAPITALIZED and text[starts[i + offset]].islower():
                return False
            if mode == EXACT and tokens.raw(i + offset) != alias.raws[offset]:
                return False
        return True

    def _after_other_given_name(self, tokens: Tokens, i: int, after_entity: bool) -> bool:
        """ "Thaier Al-Sudani" is not Mohammed Shia' al-Sudani: a short form of a person's name
        right after a capitalized word that is not a title or a common word names someone else."""
        if after_entity:
            return False
        i = _before_article(tokens, i)  # "Sudani" in "Thaier Al-Sudani": look before the article
        if i == 0 or not tokens.joinable(i):
            return False
        prev_raw, prev_key = tokens.raw(i - 1), tokens.keys[i - 1]
        if not prev_raw[:1].isupper() or (prev_raw.isupper() and len(prev_raw) > 1):
            return False  # lower case, or ALL CAPS where capitals say nothing
        return (
            prev_key not in self.titles
            and prev_key not in _FUNCTION_WORDS
            and prev_key not in _CALENDAR_WORDS
        )

    def scan_article(self, title: Tokens, body: Tokens) -> tuple[list[Match], list[Match]]:
        """The matches of an article's title and body, with the acronyms the article defines
        ("the Rapid Support Forces (RSF)") found wherever the article uses them."""
        title_matches, body_matches = self.scan(title), self.scan(body)
        acronyms = defined_acronyms(title, title_matches) | defined_acronyms(body, body_matches)
        if acronyms:
            title_matches = with_acronyms(title, title_matches, acronyms)
            body_matches = with_acronyms(body, body_matches, acronyms)
        if self.heads:
            named = {m.entity for m in title_matches if m.entity is not None}
            body_matches = self._with_short_forms(body, body_matches, named)
        return title_matches, body_matches

    def _with_short_forms(self, tokens: Tokens, matches: list[Match], named: set[str]) -> list[Match]:
        """ "the Council" after "the UN Security Council": a body's capitalized head noun after
        "the" is that body, when it is the only one so far in the article with that head."""
        added: list[Match] = []
        done = 0  # matches[:done] end before token i: their entities are named by then
        for i in [i for i, key in enumerate(tokens.keys) if key in _HEAD_KEYS]:
            key = tokens.keys[i]
            while done < len(matches) and matches[done].end_token <= i:
                entity = matches[done].entity
                if entity is not None:
                    named.add(entity)
                done += 1
            if i == 0 or tokens.keys[i - 1] != "the":
                continue
            if not self._reads_as_short_form(tokens, i, matches):
                continue
            owners = [e for e in named if key in self.heads.get(e, ())]
            if len(owners) == 1:
                added.append(Match(owners[0], tokens.starts[i], tokens.ends[i], False, i, i + 1))
        return sorted([*matches, *added], key=lambda m: m.start) if added else matches

    @staticmethod
    def _reads_as_short_form(tokens: Tokens, i: int, matches: list[Match]) -> bool:
        """Capitalized, not the start of a longer name ("the Council of Europe"), not inside a match."""
        raw = tokens.raw(i)
        if not raw[:1].isupper() or raw.isupper() or any(m.first_token <= i < m.end_token for m in matches):
            return False
        if i + 1 < len(tokens) and tokens.joinable(i + 1):
            following = tokens.raw(i + 1)
            if following[:1].isupper() or tokens.keys[i + 1] in ("of", "for", "on"):
                return False
        return True


# "the Rapid Support Forces (RSF)", "the Alliance of Sahel States (AES)": a name, then its acronym
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z]*[A-Z])\s*\)")
# "RSF (Rapid Support Forces)": the acronym, then the name in parentheses
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*[A-Z])\s*\(\s*$")


def defined_acronyms(tokens: Tokens, matches: list[Match]) -> dict[str, str]:
    """Acronym → entity, for each entity name written beside its acronym in parentheses."""
    text, found = tokens.text, {}
    for match in matches:
        if match.entity is None:
            continue
        name = text[match.start : match.end]
        after = _ACRONYM_AFTER.match(text, match.end)
        if after and abbreviates(after.group(1), name):
            found[after.group(1)] = match.entity
        before = _ACRONYM_BEFORE.search(text, max(0, match.start - 16), match.start)
        if (
            before
            and text[match.end : match.end + 2].lstrip().startswith(")")
            and abbreviates(before.group(1), name)
        ):
            found[before.group(1)] = match.entity
    return found


def abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` can stand for ``name``: its letters in order, the first one first, and at
    least half of them starting a word ("AES" for "Alliance of Sahel States"; not "AFP" for "Paris")."""
    letters = acronym.lower()
    words = [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w != "the"]
    if len(letters) < 2 or len(acronym) == len(name) or not words or words[0][0] != letters[0]:
        return False
    flat, position, initials = " ".join(words), 0, 0
    for letter in letters:
        position = flat.find(letter, position)
        if position < 0:
            return False
        initials += position == 0 or flat[position - 1] == " "
        position += 1
    return initials * 2 >= len(letters)


def with_acronyms(tokens: Tokens, matches: list[Match], acronyms: dict[str, str]) -> list[Match]:
    """``matches`` plus every use of a defined acronym that no other name covers (plural too)."""
    wanted = {fold(a) for a in acronyms} | {fold(a + "s") for a in acronyms}
    candidates = [i for i, key in enumerate(tokens.keys) if key in wanted]
    if not candidates:
        return matches
    covered = {k for m in matches for k in range(m.first_token, m.end_token)}
    added = []
    for i in candidates:
        raw = tokens.raw(i)
        entity = acronyms.get(raw) or (acronyms.get(raw[:-1]) if raw.endswith("s") else None)
        if entity is not None and i not in covered:
            added.append(Match(entity, tokens.starts[i], tokens.ends[i], False, i, i + 1))
    return sorted([*matches, *added], key=lambda m: m.start) if added else matches


def resolve_mentions(
    title: str, title_matches: list[Match], body: str, body_matches: list[Match]
) -> tuple[Mention, ...]:
    """Apply the article-level rules (``needs_anchor``) and drop ignored names."""
    found = [(TITLE, title, m) for m in title_matches] + [(BODY, body, m) for m in body_matches]
    anchors = {m.entity for _, _, m in found if m.entity is not None and not m.anchored}
    return tuple(
        Mention(m.entity, m.start, m.end, text[m.start : m.end], where)
        for where, text, m in found
        if m.entity is not None and (not m.anchored or m.entity in anchors)
    )
