"""Speaker phrases → speakers.

A phrase names, in order of preference: a person of the registry or a person named in full
("analyst Renad Mansour of Chatham House" is Renad Mansour, analyst at Chatham House, not
Chatham House); a registry entity ("The United States", "Sudan's armed forces" is the army of
Sudan: the registry's army when it has one, else Sudan; "the Nigerien military" is Niger's);
an outlet or a document ("state television", "a military statement"); an unnamed role ("an
Iraqi political analyst", "witnesses"). Pronouns and definite descriptions point back:
he and she to the nearest person who spoke (or, failing one, any speaker), they to the
nearest plural speaker, it to the nearest speaker that is no person; "the group", "the
bloc", "the company" to the nearest earlier entity of a matching type; "the statement", "the
report", "the television" to the nearest speaker of that kind. The phrase as written is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dossier.extract.quotes.lexicon import (
    DEMONYMS,
    DESCRIPTION_TYPES,
    DOCUMENT_NOUNS,
    FEMALE_HINTS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MALE_HINTS,
    OUTLET_NOUNS,
    OUTLETS,
    PRONOUNS,
    REPRESENTATIVE_NOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from dossier.model import BODY, DateMention, Mention

Lookup = Callable[[str], str | None]  # a phrase → the registry entity it names, if any

PERSON_WINDOW = 2500  # how far back (characters) a pronoun may find its antecedent


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # as the article names them (the registry id when ``entity`` is set and kind is entity)
    entity: str | None  # the registry entity that speaks, or that an unnamed role speaks for
    title: str | None  # "a senior fellow at …", "analyst"
    kind: str  # entity, person, role, document
    written: str = ""  # the phrase as written, when the speaker is mapped from it ("Sudan's armed forces")
    plural: bool = False
    phrase: str = ""  # the phrase as written at the attribution, always


_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w’'.\-]*|(?:al|el|Al|El|bin|ibn|de|van|von|abu|Abu)(?:-[A-Z][\w’'\-]*)?|[A-Z]{2,})$"
)
_ORG_WORD = re.compile(
    r"(?:Institute|Council|Center|Centre|Foundation|Organi[sz]ation|Committee|Ministry|Department|Office|"
    r"Agency|Association|Union|Front|Forces|Movement|Party|Coalition|Alliance|Bank|Fund|Programme|Program|"
    r"Commission|League|Society|School|University|College|Command|Conference|Federation|Forum|Board)$"
)
_CONNECTORS = frozenset("bin ibn al el de van von abu".split())
_LEADING = re.compile(
    r"^(?:(?:however|meanwhile|but|and|also|separately|moreover|furthermore|earlier|later|then|now|"
    r"finally|instead|still|yet|so|thus|likewise|similarly)\b[,\s]*)+",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"^(?:the|a|an|one|another|some|several|two|three|both|all|its|their|his|her)\s+", re.I
)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)[’']s\s+(?P<rest>\S.*)$")
_POST_MODIFIER = re.compile(
    r"\s+(?:of|for|at|from|in|with|on|to|associated|affiliated|linked|based|close|backed|allied|loyal|"
    r"led|known|who|which|that)\s+|\s+\w{3,}ing\s+(?=[A-Z]|the\b|an?\b)",
    re.IGNORECASE,
)
_SOURCE_OF = re.compile(r"^(?P<role>.+?)\s+(?:from|of|for|by|at)\s+(?P<who>(?:the\s+)?\S.*)$", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^)]{1,80}\)")
_RELATIVE = re.compile(
    r",\s*(?:who|whose|which|that)\b.*$|,\s*(?:known|led|based|backed|called|calling|"
    r"named|headed|run|funded|founded|formed|created|described|seen|perceived)\b.*$",
    re.I,
)


def _words(phrase: str) -> list[str]:
    return phrase.replace(",", " ").split()


def _norm(word: str) -> str:
    return word.lower().strip(".,;:’'\"“”()")


def split_name(phrase: str) -> tuple[str | None, str | None]:
    """ "analyst Abdel-Ameer Al-Majar" → (name, title); (None, None) when the phrase ends in no name."""
    words = phrase.split()
    name: list[str] = []
    while (
        words
        and _NAME_WORD.match(words[-1])
        and _norm(words[-1]) not in TITLE_WORDS
        and not words[-1].endswith(("’s", "'s"))
    ):
        name.insert(0, words.pop())
        if len(words) >= 2 and words[-1] in ("for", "of", "and", "on") and _ORG_WORD.match(words[-2]):
            name.insert(0, words.pop())  # "Quincy Institute for Responsible Statecraft"
    while name and name[0] in _CONNECTORS | {"of", "the"}:  # lower case: "al" alone is no name
        words.append(name.pop(0))
    if not name:
        return None, None
    title = " ".join(w for w in words).strip(" ,") or None
    if title and _norm(title.split()[-1]) in HONORIFICS and len(title.split()) > 1:
        title = " ".join(title.split()[:-1])  # "army chief Gen" → "army chief"
    elif title and _norm(title) in HONORIFICS:
        title = None
    return " ".join(name), title


# The most words a speaker phrase may have. The longest in the gold corpora has 16 ("Jennifer
# Kavanagh, senior fellow in the American Statecraft Program at the Carnegie Endowment for
# International Peace"); a longer run with no clause break is text, not a name or a description, and
# resolving it word by word would make a paragraph of many speech verbs cost far more than its length.
MAX_SPEAKER_WORDS = 40


def _too_long_for_a_speaker(phrase: str) -> bool:
    return len(phrase.split(None, MAX_SPEAKER_WORDS)) > MAX_SPEAKER_WORDS


def _is_role(phrase: str) -> bool:
    words = _words(phrase)
    if not words or len(words) > 9:
        return False
    head = _norm(words[-1])
    return head in ROLE_NOUNS or head in INSTITUTION_NOUNS or head in OUTLET_NOUNS or head in DOCUMENT_NOUNS


def _core(phrase: str) -> str:
    """A phrase without its post-modifier ("a spokesman [for the Pentagon]"), but a name that goes
    on after "for" or "of" is kept whole ("the Quincy Institute for Responsible Statecraft")."""
    for match in _POST_MODIFIER.finditer(phrase):
        before = phrase[: match.start()].split()
        after = phrase[match.end() :]
        if before and _ORG_WORD.match(before[-1]) and after[:1].isupper():
            continue
        return phrase[: match.start()]
    return phrase


def _head(phrase: str) -> str:
    """The head noun of a phrase: its last word before a post-modifier."""
    phrase = re.sub(r"think[ -]tank", "think-tank", phrase, flags=re.IGNORECASE)
    core = _core(phrase)
    words = _words(core)
    return _norm(words[-1]) if words else ""


def _kind_of_head(head: str) -> str:
    if head in OUTLET_NOUNS or head in OUTLETS:
        return "document"
    if head in DOCUMENT_NOUNS:
        return "document"
    return "role"


class SpeakerResolver:
    """Turns speaker phrases into speakers, remembering who spoke (for pronouns and descriptions)."""

    def __init__(
        self,
        text: str,
        mentions: Sequence[Mention],
        types: dict[str, str],
        dates: Sequence[DateMention] = (),
        lookup: Lookup | None = None,
        descriptions: dict[str, str] | None = None,
        sentences: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.mentions = sorted((m for m in mentions if m.field == BODY), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.types = types
        self.dates = [(d.start, d.end) for d in dates if d.field == BODY]
        self._lookup = lookup or (lambda _phrase: None)
        self._looked_up: dict[str, str | None] = {}
        self.descriptions = descriptions or {}
        self.sentence_starts = [start for start, _ in sentences]
        self.history: list[tuple[int, Speaker]] = []  # every speaker resolved, in order
        self.verbs: dict[int, str] = {}  # where a speaker was resolved → the speech verb it spoke with
        self.named: dict[str, Speaker] = {}  # surname or acronym → the speaker first named in full
        self.genders: dict[str, str] = {}  # speaker name → "he" or "she", once a pronoun bound to it

    def lookup(self, phrase: str) -> str | None:
        """The registry entity a phrase names, looked up once per phrase and article."""
        if phrase not in self._looked_up:
            self._looked_up[phrase] = self._lookup(phrase)
        return self._looked_up[phrase]

    # --- the registry mentions of a stretch ------------------------------------------------------
    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self.starts, start - 1)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found

    def _last_mention_before(self, offset: int, wanted: tuple[str, ...], head: str) -> Mention | None:
        """The nearest earlier entity of a wanted type that its registry entry calls a ``head``
        ("the bloc": an entity described as a bloc); for "company", "firm", "country" the type is
        evidence enough."""
        generic = head in ("company", "firm", "country", "nation")
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and offset - self.mentions[i].start < PERSON_WINDOW * 2:
            mention = self.mentions[i]
            if mention.end <= offset and self.types.get(mention.entity) in wanted:
                known = " ".join(self.descriptions.get(mention.entity, "").split()[:12])
                if generic or re.search(rf"\b{re.escape(head.rstrip('s'))}", known):
                    return mention
            i -= 1
        return None

    def _blank_dates(self, start: int, end: int) -> str:
        raw = self.text[start:end]
        for d_start, d_end in self.dates:
            if d_start < end and d_end > start:
                a, b = max(d_start, start) - start, min(d_end, end) - start
                raw = raw[:a] + " " * (b - a) + raw[b:]
        return raw

    # --- resolution --------------------------------------------------------------------------------
    def resolve(self, start: int, end: int, paragraph_start: int, verb: str = "") -> Speaker | None:
        """The speaker named by ``text[start:end]``, or None if it names none; ``verb`` is the
        lemma of the speech verb, kept so that "the report" can point back to who reported."""
        self.verbs[start] = verb
        raw = self._blank_dates(start, end)
        lead = _LEADING.match(raw.strip(" ,\n\xa0"))
        offset = raw.find(raw.strip(" ,\n\xa0")) + (lead.end() if lead else 0)
        phrase = " ".join(raw[offset:].split()).strip(" ,")
        phrase = re.sub(r"\s+(?:in|on|during|at)\s*$", "", phrase)
        if not phrase or not re.search(r"[A-Za-z]", phrase) or _too_long_for_a_speaker(phrase):
            return None
        speaker = self._resolve_phrase(phrase, start + max(offset, 0), end, start)
        if speaker is None or speaker is _NOBODY:
            return None
        written = " ".join(self.text[start:end].split()).strip(" ,")
        return self._remember(replace(speaker, phrase=written), start)

    def _resolve_phrase(self, phrase: str, start: int, end: int, at: int) -> Speaker | None:
        lowered = phrase.lower()
        if lowered in PRONOUNS:
            return self._pronoun(lowered, at)
        acronym = re.search(r"\(([A-Z][A-Z0-9&.-]{1,9})\)\s*$", phrase)
        if acronym is not None and not self._mentions_in(start, end):
            speaker = Speaker(acronym.group(1), None, _strip_det(phrase[: acronym.start()]), "document")
            self.named.setdefault(acronym.group(1), speaker)
            return speaker  # "the conflict tracking organization … (ACLED)"
        phrase = _PARENTHESIS.sub("", phrase).strip()
        # "The group, which is calling itself X": X, when a registry mention names it there
        relative = _RELATIVE.search(phrase)
        if relative is not None:
            named = self._named_in_aside(start + self.text[start:end].find(relative.group()[:12]), end)
            core = phrase[: relative.start()].strip()
            if named is not None and self._description_head(core):
                return named
            phrase = core
        if "," in phrase:
            apposed = self._apposition(phrase, start, end, at)
            if apposed is not None:
                return apposed
            phrase = phrase.split(",")[0].strip()
        return self._noun_phrase(phrase, start, end, at)

    def _apposition(self, phrase: str, start: int, end: int, at: int) -> Speaker | None:
        """ "Jennifer Kavanagh, senior fellow at …" or "Burhan's special envoy, Dafallah Alhaj"."""
        first, _, rest = phrase.partition(",")
        first, rest = first.strip(), rest.strip(" ,")
        if not rest:
            return None
        rest_name, _ = split_name(rest)
        first_name, _ = split_name(first)
        comma = self.text.find(",", start, end)
        first_end = comma if comma != -1 else end
        if rest_name == rest and first_name != first:  # title, Name
            found = self._noun_phrase(rest, first_end + 1, end, at)
            if found is not None and found.kind in ("entity", "person"):
                return replace(found, title=found.title or _strip_det(first))
        found = self._noun_phrase(first, start, first_end, at)
        if found is None:
            return None
        if found.kind in ("entity", "person") and not found.title and not _PREPOSITION_START.match(rest):
            return replace(found, title=rest)
        return found

    def _noun_phrase(self, phrase: str, start: int, end: int, at: int) -> Speaker | None:
        conjuncts = re.split(r"\s+(?:and|&)\s+", phrase)
        if len(conjuncts) > 1 and all(len(c.split()) <= 8 for c in conjuncts):
            first = conjuncts[0]
            found = self._noun_phrase(first, start, start + self.text[start:end].find(first) + len(first), at)
            if found is not None:
                return replace(found, plural=True, written=phrase)
        region_start = start + max(0, self.text[start:end].find(phrase.split()[0]))
        mentions = self._mentions_in(region_start, end)
        people = [
            m for m in mentions
            if self.types.get(m.entity) == "person" and self.text[m.end : m.end + 2] not in ("’s", "'s")
            and not _MODIFIED_BEFORE.search(self.text[region_start : m.start])
        ]  # fmt: skip
        if people:  # a person of the registry heads the phrase: "Army spokesman Brig Gen Nabil Ali"
            person = people[-1]
            title = _title_around(self.text, region_start, person, end)
            return Speaker(person.entity, person.entity, title, "entity")
        name, title = split_name(_core(phrase))
        if not (name and len(name.split()) >= 2):  # "former Ambassador to the US Rend al-Rahim"
            whole, whole_title = split_name(phrase)
            if (
                whole
                and len(whole.split()) >= 2
                and whole_title
                and _norm(whole_title.split()[-1]) not in _GLUE_END
            ):
                name, title = whole, whole_title
                if not mentions_cover(mentions, self.text, name):
                    speaker = Speaker(name, None, title, "person")
                    self.named.setdefault(name.split()[-1], speaker)
                    return speaker
                name = None
        if (
            name
            and (len(name.split()) >= 2 or name.split()[-1] in self.named)
            and not mentions_cover(mentions, self.text, name)
        ):
            surname = name.split()[-1]
            if len(name.split()) == 1:
                return self.named[surname]
            post = _POST_MODIFIER.search(phrase)
            if post is not None and title is None:
                title = phrase[post.start() :].strip()
            elif post is not None:
                title = f"{title} {phrase[post.start() :].strip()}"
            speaker = Speaker(name, None, title, "person")
            self.named.setdefault(surname, speaker)
            return speaker
        head = _head(phrase)
        source = _SOURCE_OF.match(phrase)
        if source is not None and (head in DOCUMENT_NOUNS or head in REPRESENTATIVE_NOUNS):
            # "a statement from the prime minister's office", "a spokesman for the Pentagon"
            inner_start = region_start + max(0, self.text[region_start:end].find(source.group("who")))
            found = self._noun_phrase(source.group("who"), inner_start, end, at)
            if found is not None and found.kind == "entity":
                role = "in a statement" if head in DOCUMENT_NOUNS else _strip_det(source.group("role"))
                return replace(found, title=role, written=phrase)
        owner = _POSSESSIVE.match(phrase)
        if owner is not None:
            found = self._possessive(owner.group("owner"), owner.group("rest"), phrase, region_start, end)
            if found is not None:
                return found
        if mentions:
            headed = self._entity_head(phrase, head, mentions, region_start, end)
            if headed is not None:
                return headed
        demonym = self._demonym(phrase, head)
        if demonym is not None:
            return demonym
        if head in DESCRIPTION_TYPES or head in DOCUMENT_NOUNS or head in OUTLET_NOUNS:
            described = self._description(phrase, head, at)
            if described is not None:
                return None if described is _NOBODY else described
        whole = self.lookup(phrase)
        if whole is not None:
            return Speaker(whole, whole, None, "entity")
        if name and len(name.split()) == 1 and (name.isupper() or _norm(name) in OUTLETS):
            document = Speaker(name, None, None, "document")  # "ACLED", "Reuters"
            self.named.setdefault(name, document)
            return document
        if head in INSTITUTION_NOUNS and re.search(r"\bcountry\b", phrase.lower()):
            country = self._main_country(at)  # "authorities in the West African country"
            if country is not None:
                return Speaker(country, country, None, "entity", written=phrase)
        described_person = self._person_described(phrase)
        if described_person is not None:
            return Speaker(described_person, described_person, _strip_det(phrase), "entity", written=phrase)
        if (
            _is_role(phrase)
            or head in ROLE_NOUNS
            or head in INSTITUTION_NOUNS
            or head in DESCRIPTION_TYPES
            or head in DOCUMENT_NOUNS
            or head in OUTLET_NOUNS
        ):
            kind = _kind_of_head(head)
            return Speaker(_strip_det(phrase), None, None, kind, plural=_plural(head))
        return None

    def _entity_head(
        self, phrase: str, head: str, mentions: list[Mention], start: int, end: int
    ) -> Speaker | None:
        """A registry entity that heads the phrase (not one inside a post-modifier such as "in the
        capital Niamey"), or that an institution or a role of the phrase speaks for."""
        post = _POST_MODIFIER.search(phrase)
        cut = start + (self.text[start:end].find(phrase[post.start() :].strip()) if post else end - start)
        heading = [m for m in mentions if m.start < cut] if post else mentions
        if heading:
            mention = heading[-1]
            after = self.text[mention.end : cut].strip(" ,").split()  # a line break alone is nothing
            before = " ".join(self.text[start : mention.start].split()).strip(" ,")
            if not after or _norm(after[-1]) in INSTITUTION_NOUNS:
                title = before if _is_title(before) and len(before.split()) >= 2 else None
                return Speaker(mention.entity, mention.entity, title, "entity",
                               written=phrase if after else "")  # fmt: skip
            if head in REPRESENTATIVE_NOUNS:  # "a US official": a role speaking for the US
                return _for(mention.entity, phrase, _plural(head))
            if head in ROLE_NOUNS:
                return Speaker(_strip_det(phrase), None, None, "role", plural=_plural(head))
            if head in OUTLET_NOUNS or head in DOCUMENT_NOUNS:
                return Speaker(_strip_det(phrase), None, None, "document")
            return None
        if head in INSTITUTION_NOUNS or head in ROLE_NOUNS or head in DOCUMENT_NOUNS:
            # "a spokesman for the Pentagon", "the Interior Ministry in the capital Niamey"
            owner = mentions[0]
            kind = self.types.get(owner.entity)
            if head in INSTITUTION_NOUNS and kind == "place":  # "the Interior Ministry in the capital Niamey"
                return Speaker(_strip_det(phrase), None, None, "role", plural=_plural(head))
            if head in INSTITUTION_NOUNS and kind in ("country", "organization", "armed-group"):
                return Speaker(owner.entity, owner.entity, None, "entity", written=phrase)
            if head in DOCUMENT_NOUNS and kind != "place":
                return Speaker(owner.entity, owner.entity, f"in a {head}", "entity", written=phrase)
            speaks_for = post is not None and post.group().strip().lower() in ("for", "of", "at", "from")
            if head in REPRESENTATIVE_NOUNS and kind != "place" and speaks_for:
                role = _POST_MODIFIER.split(phrase, maxsplit=1)[0]
                return Speaker(owner.entity, owner.entity, _strip_det(role), "entity", written=phrase)
        return None

    def _possessive(self, owner: str, rest: str, phrase: str, start: int, end: int) -> Speaker | None:
        """ "Sudan's armed forces", "Al-Sudani's office", "Britain's deputy UN ambassador"."""
        rest_head = _head(rest)
        if rest_head in OUTLET_NOUNS:  # "the country's state television"
            return Speaker(_strip_det(phrase), None, None, "document")
        owner_mentions = [m for m in self._mentions_in(start, end) if self.text[m.start : m.end] in owner]
        registry = self.lookup(f"{self._demonym_of(owner)} {rest}") if self._demonym_of(owner) else None
        registry = registry or self.lookup(rest)
        if registry is not None and self.types.get(registry) != "place":
            return Speaker(registry, registry, None, "entity", written=phrase)
        if not owner_mentions:
            person = self._person_described(owner)  # "the prime minister's office"
            if person is not None and (rest_head in INSTITUTION_NOUNS or rest_head in ROLE_NOUNS):
                return Speaker(person, person, None, "entity", written=phrase)
            if re.search(r"\bcountry\b", owner.lower()) and rest_head in INSTITUTION_NOUNS | DOCUMENT_NOUNS:
                country = self._main_country(start)
                return Speaker(country, country, None, "entity", written=phrase) if country else None
            return None
        entity = owner_mentions[-1].entity
        if rest_head in OUTLET_NOUNS:
            return Speaker(_strip_det(phrase), None, None, "document")
        if rest_head in INSTITUTION_NOUNS or rest_head in DOCUMENT_NOUNS:
            return Speaker(entity, entity, None, "entity", written=phrase)
        if rest_head in ROLE_NOUNS:
            person = self._person_described(phrase)
            if person is not None:
                return Speaker(person, person, _strip_det(phrase), "entity", written=phrase)
            if rest_head in REPRESENTATIVE_NOUNS:
                return _for(entity, phrase, _plural(rest_head))
            return Speaker(_strip_det(phrase), None, None, "role")
        return None

    def _demonym_of(self, owner: str) -> str | None:
        return owner if self.lookup(owner) else None

    def _demonym(self, phrase: str, head: str) -> Speaker | None:
        """ "the Nigerien military", "Iraqi authorities": the country speaks."""
        if head not in INSTITUTION_NOUNS and head not in ROLE_NOUNS:
            return None
        words = _words(_strip_det(phrase))
        for size in (2, 1):
            country = DEMONYMS.get(" ".join(w.lower() for w in words[:size]))
            if country is not None:
                entity = self.lookup(country)
                if entity is None:
                    return None
                if head in INSTITUTION_NOUNS:
                    return Speaker(entity, entity, None, "entity", written=phrase)
                if head in REPRESENTATIVE_NOUNS:
                    return _for(entity, phrase, _plural(head))
                return Speaker(_strip_det(phrase), None, None, "role", plural=_plural(head))
        return None

    def _description(self, phrase: str, head: str, at: int) -> Speaker | None:
        """A definite description pointing back: "the group", "the statement", "the television"."""
        if not phrase.lower().startswith(("the ", "this ", "that ")):
            return None
        for position, speaker in reversed(self.history):  # "the group" after "a medical group said"
            if at - position > PERSON_WINDOW:
                break
            if head in _words(speaker.phrase.lower()) or head in _words(speaker.name.lower()):
                return speaker
        wanted_verb = _DOCUMENT_VERBS.get(head)
        for position, speaker in reversed(self.history):  # "the report" after "Al Jazeera reported"
            if at - position > PERSON_WINDOW:
                break
            if wanted_verb and self.verbs.get(position) == wanted_verb:
                return speaker
        if head in DOCUMENT_NOUNS:
            for position, speaker in reversed(self.history):  # "the statement": the last that spoke
                if at - position > PERSON_WINDOW or self._is_one_person(speaker):
                    break
                if speaker.kind in ("entity", "document") and speaker.title and "statement" in speaker.title:
                    return speaker
            return None
        if head in OUTLET_NOUNS or head not in DESCRIPTION_TYPES:
            return None
        wanted = DESCRIPTION_TYPES[head]
        if wanted == ("country",):
            country = self._main_country(at)  # "the government", "the country"
            return Speaker(country, country, None, "entity", written=phrase) if country else None
        mention = self._last_mention_before(at, wanted, head)
        if mention is None:
            return None
        return Speaker(mention.entity, mention.entity, None, "entity", written=phrase)

    def _person_described(self, phrase: str) -> str | None:
        """The one registry person whose description holds a role phrase's words ("Iraq's prime
        minister", "the Iraqi prime minister": the registry's prime minister of Iraq)."""
        words = [w for w in _words(_strip_det(phrase).lower().replace("’s", "").replace("'s", ""))]
        words = [part for w in words for part in _ABBREVIATED.get(w, w).split()]
        while words and words[-1] in INSTITUTION_NOUNS:  # "the PM office", "the president's office"
            words.pop()
        if len(words) < 2 or words[-1] not in ROLE_NOUNS:
            return None
        keys = [DEMONYMS.get(w, w).lower() for w in words]
        found = [
            e for e, kind in self.types.items()
            if kind == "person" and all(k in self.descriptions.get(e, "") for k in keys)
        ]  # fmt: skip
        if len(found) > 1:  # the one the article has named: "the prime minister" after "al-Sudani"
            named = [m.entity for m in self.mentions if m.entity in found]
            found = named[-1:] if named else found
        return found[0] if len(found) == 1 else None

    def _main_country(self, offset: int) -> str | None:
        """The country the article has named most up to ``offset`` (the last named, on a tie)."""
        counts: dict[str, tuple[int, int]] = {}
        for mention in self.mentions:
            if mention.start >= offset:
                break
            if self.types.get(mention.entity) == "country":
                count, _ = counts.get(mention.entity, (0, 0))
                counts[mention.entity] = (count + 1, mention.start)
        return max(counts, key=lambda e: counts[e]) if counts else None

    def _named_in_aside(self, start: int, end: int) -> Speaker | None:
        for mention in self._mentions_in(start, end):
            before = self.text[start : mention.start].lower()
            if re.search(r"\b(?:itself|as|called|named)\s+(?:the\s+)?$", before):
                return Speaker(mention.entity, mention.entity, None, "entity")
        return None

    @staticmethod
    def _description_head(core: str) -> bool:
        return (
            _head(core) in DESCRIPTION_TYPES or _head(core) in ROLE_NOUNS or _head(core) in INSTITUTION_NOUNS
        )

    def _subject_before(self, at: int) -> tuple[int, Speaker] | None:
        """The person who opens the sentence before ``at`` ("Sudani, on his third trip …, met …"):
        the likeliest antecedent of a "he" that opens the next one."""
        i = bisect_right(self.sentence_starts, at) - 1
        if i < 1:
            return None
        start, end = self.sentence_starts[i - 1], self.sentence_starts[i]
        for mention in self._mentions_in(start, min(end, start + 60))[:1]:
            lead = self.text[start : mention.start]
            after = self.text[mention.end : mention.end + 2]
            if (
                self.types.get(mention.entity) == "person"
                and not re.search(r"[“\"‘«]", lead)
                and after not in ("’s", "'s")
                and not _MODIFIED_BEFORE.search(lead)
            ):
                return mention.start, Speaker(mention.entity, mention.entity, None, "entity")
        return None

    def _sentence_start_before(self, at: int, back: int) -> int:
        i = bisect_right(self.sentence_starts, at) - 1 - back
        return self.sentence_starts[i] if i >= 0 else 0

    def _pronoun(self, pronoun: str, at: int) -> Speaker | None:
        kind = PRONOUNS[pronoun]
        if kind == "person":
            subject = self._subject_before(at)
            spoke = next(((p, s) for p, s in reversed(self.history) if self._is_one_person(s)), None)
            recent = spoke is not None and spoke[0] >= self._sentence_start_before(at, 1)
            if subject is not None and not recent and (spoke is None or spoke[0] < subject[0]):
                bound = self.genders.get(subject[1].name)
                if bound is None or bound == pronoun:
                    self.genders.setdefault(subject[1].name, pronoun)
                    return subject[1]
        fallback = None
        for position, speaker in reversed(self.history):
            if at - position > PERSON_WINDOW:
                break
            fallback = fallback or speaker
            if kind == "person" and self._is_one_person(speaker):
                bound = self.genders.get(speaker.name)
                if bound is not None and bound != pronoun:
                    continue  # "she" after a speaker already called "he"
                self.genders.setdefault(speaker.name, pronoun)
                return speaker
            if kind == "plural" and (speaker.plural or not self._is_one_person(speaker)):
                return speaker
            if kind == "thing" and not self._is_one_person(speaker):
                return speaker
        if (
            kind == "person"
            and fallback is not None
            and not any(self._is_one_person(s) for _, s in self.history)
        ):
            return fallback  # "she explains" of a television, in translated copy
        return fallback if kind == "plural" else None

    def _remember(self, speaker: Speaker, at: int) -> Speaker:
        self.history.append((at, speaker))
        hint = next((w for w in _words(speaker.phrase.lower()) if w in FEMALE_HINTS | MALE_HINTS), None)
        if hint is not None:
            self.genders.setdefault(speaker.name, "she" if hint in FEMALE_HINTS else "he")
        return speaker

    def _is_one_person(self, speaker: Speaker) -> bool:
        if speaker.kind == "entity":
            return self.types.get(speaker.entity or "") == "person"
        if speaker.kind == "document":
            return False
        return speaker.kind == "person" or (speaker.kind == "role" and not speaker.plural)


_NOBODY = Speaker("", None, None, "none")
# A person named after these is in a modifier of the speaker ("an official accompanying Sudani").
_MODIFIED_BEFORE = re.compile(r"\b(?:of|for|with|by|to|from|at|near|\w+ing)\s+(?:the\s+)?$")
_ABBREVIATED = {"pm": "prime minister", "fm": "foreign minister", "sg": "secretary general"}
_DOCUMENT_VERBS = {"report": "report", "statement": "state", "announcement": "announce", "tweet": "tweet",
                   "communique": "announce", "communiqué": "announce", "declaration": "declare"}  # fmt: skip
_PREPOSITION_START = re.compile(r"^(?:on|in|at|for|of|by|with|from|to|meanwhile|however|too|also)\b", re.I)


def _is_title(words: str) -> bool:
    """Whether words before a name are a title ("US Air Force Major General", "Sudan's army chief"),
    not a clause ("The strike targeted")."""
    if not words or words.endswith(("’s", "'s")):
        return False
    for word in _words(words):
        w = _norm(word.replace("’s", "").replace("'s", ""))
        if word[:1].isupper() or w in TITLE_WORDS or w in ROLE_NOUNS or w in DEMONYMS or w in _TITLE_GLUE:
            continue
        if re.fullmatch(r"[a-z-]+", w) and not re.search(r"(?:ed|ing)$", w):
            continue  # "senior", "special", "deputy"
        return False
    return True


_TITLE_GLUE = frozenset("of the for and a an at to in on".split())
_GLUE_END = frozenset("of for at from in with on by".split())  # "… of Chatham House" is no person


def _for(entity: str, phrase: str, plural: bool) -> Speaker:
    """An unnamed representative: the entity speaks, the role is the title."""
    return Speaker(entity, entity, _strip_det(phrase), "entity", written=phrase, plural=plural)


def _strip_det(phrase: str) -> str:
    return _DETERMINER.sub("", phrase.strip(" ,")).strip()


def _plural(head: str) -> bool:
    return head.endswith("s") and not head.endswith("ss") and head not in ("news", "analysis", "forces")


def mentions_cover(mentions: list[Mention], text: str, name: str) -> bool:
    """Whether a registry mention (of a non-person) is the name: "Saudi Arabia" is no person, while
    "Tele Sahel" is a name of its own that only ends like the region."""
    return any(name in text[m.start : m.end] for m in mentions)


def _title_around(text: str, start: int, person: Mention, end: int) -> str | None:
    """The words before a person's name that say who they are ("Army spokesman Brig Gen")."""
    before = " ".join(text[start : person.start].split()).strip(" ,")
    after = " ".join(text[person.end : end].split()).strip(" ,")
    if after.startswith(("’s", "'s")):
        after = ""  # "Al-Sudani's office": the owner's office speaks, no title of his
    if before.endswith(("’s", "'s")) or not before:
        before = ""
    words = before.split()
    while words and _norm(words[-1]) in HONORIFICS:
        words.pop()
    before = " ".join(words)
    if before.lower() in ("the", "a", "an") or not _is_title(before):
        before = ""
    if after and _PREPOSITION_START.match(after) is None and len(after.split()) <= 12:
        return after if not before else f"{before}, {after}"
    return before or None
