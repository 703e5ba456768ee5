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
from dataclasses import dataclass, field

from dossier.extract.registry import AliasSpec, Registry
from dossier.extract.tokens import Tokens, fold, tokenize
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
        resume = 0  # tokens before this index are inside an earlier match
        for i in [i for i, key in enumerate(tokens.keys) if key in trie]:
            if i < resume:
                continue
            found = self._longest(tokens, i, trie[tokens.keys[i]], state)
            if found is not None:
                j, spec = found
                start, end = tokens.starts[i], tokens.ends[j - 1]
                matches.append(Match(spec.entity, start, end, spec.needs_anchor, i, j))
                state.accepted(spec, j)
                resume = j
        return matches

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
        if i > 0 and tokens.keys[i - 1] in ("al", "el") and tokens.joinable(i):
            i -= 1  # "Sudani" in "Thaier Al-Sudani": look before the article
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

    def mentions(self, title: str, body: str) -> tuple[Mention, ...]:
        """The mentions of one article: title first, then body, in reading order."""
        return resolve_mentions(title, self.find(title), body, self.find(body))


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
