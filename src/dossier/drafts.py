"""``suggest --add``: recurring unknown names → draft entries appended to ``entities.yaml``.

Each suggestion becomes one draft entity: a kebab-case id that no entity has,
the name, a type guessed from the words around the name, the spellings that
clearly name the same thing (a surname seen alone, an acronym defined in
parentheses right after the name), ``draft: true``, and a comment quoting a
sentence that shows it. The guesses are for an editor to check, which is why
every entry is marked as a draft.

The file is edited as text, not rewritten from its data: the entries go at the
end of its ``entities`` list, so its comments and layout stay as they were.
The result is loaded as a registry before it replaces the file (atomically),
so a file that would not load is never written.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from dossier.errors import ContentError, RegistryError
from dossier.extract.registry import Registry, registry_from_data
from dossier.extract.sentences import split_sentences
from dossier.extract.tokens import alias_keys
from dossier.load import read_article
from dossier.model import Suggestion
from dossier.slugs import slugify
from dossier.store.records import NameSighting
from dossier.yamlfast import SafeLoader

# Words that show what kind of thing a name is. A title before the name makes it a person
# (besides the registry's own ``titles``); a word inside it, a group or an organization.
PERSON_TITLES = frozenset(
    """president minister prime secretary spokesman spokeswoman spokesperson general gen lieutenant
    colonel col major captain admiral commander chief director ambassador envoy speaker chairman
    chairwoman senator sen governor mayor councillor councilor mr mrs ms dr professor prof judge
    justice sheikh king queen prince princess sultan emir analyst""".split()
)
ARMED_WORDS = frozenset(
    """forces force army armies brigade brigades militia militias battalion battalions corps guard guards
    regiment division front""".split()
)
ORGANIZATION_WORDS = frozenset(
    """ministry council party union agency committee commission organization organisation institute
    bank court parliament assembly office department university association company corporation fund
    authority bureau board federation league foundation group network alliance coalition""".split()
)
PLACE_BEFORE = frozenset("in near from to across outside inside around".split())
ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&-]{1,9})\s*\)")
SMALL_WORDS = frozenset("of for the and on in al el bin ibn de du la le".split())


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place a name was seen: its spelling, article, offset in the body and context."""

    text: str
    path: str
    position: int
    context: str


@dataclass(frozen=True, slots=True)
class Draft:
    """A proposed registry entry, with why it was proposed."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    count: int
    articles: int
    evidence: str  # what the type was guessed from
    sentence: str


def occurrences_by_name(rows: Iterable[NameSighting]) -> dict[str, list[Occurrence]]:
    """Name rows grouped by the key they are counted under (see :func:`dossier.facts.canonical_keys`)."""
    grouped: dict[str, list[Occurrence]] = defaultdict(list)
    for row in rows:
        grouped[row.canon].append(Occurrence(row.text, row.path, row.position, row.context))
    return grouped


def words_around(occurrence: Occurrence) -> tuple[str, str]:
    """The text just before and just after the name, from its context snippet."""
    context, text = occurrence.context, occurrence.text
    expected = min(occurrence.position, 70) + (1 if context.startswith("…") else 0)
    starts = [m.start() for m in re.finditer(re.escape(text), context)]
    if not starts:
        return "", ""
    start = min(starts, key=lambda s: abs(s - expected))
    return context[:start], context[start + len(text) :]


def word_before(occurrence: Occurrence) -> str:
    before, _ = words_around(occurrence)
    words = re.findall(r"[\w'’-]+", before)
    return words[-1].lower().rstrip(".") if words else ""


def defined_acronym(name: str, occurrences: Sequence[Occurrence]) -> str | None:
    """An acronym given in parentheses right after the name, whose letters are the name's initials."""
    initials = "".join(w[0] for w in re.findall(r"[\w'’]+", name) if w.lower() not in SMALL_WORDS).upper()
    for occurrence in occurrences:
        match = ACRONYM_AFTER.match(words_around(occurrence)[1])
        if match and _initials_match(match.group(1), initials):
            return match.group(1)
    return None


def _initials_match(acronym: str, initials: str) -> bool:
    """ "PMF" for Popular Mobilization Forces; "RRU" for Riverside Residents' Union (letters in order)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in letters)


def guess_type(name: str, occurrences: Sequence[Occurrence], titles: frozenset[str]) -> tuple[str, str]:
    """(type, the evidence) from simple signs; the first that applies wins, else a plain guess."""
    words = [w.lower() for w in re.findall(r"[\w'’]+", name)]
    before = [word_before(o) for o in occurrences]
    title = next((w for w in before if w in PERSON_TITLES or w in titles), None)
    if title:
        return "person", f"'{title}' before the name"
    if words and words[-1] in ARMED_WORDS:
        return "armed-group", f"'{words[-1]}' in the name"
    organization = next((w for w in words if w in ORGANIZATION_WORDS), None)
    if organization:
        return "organization", f"'{organization}' in the name"
    if name.isupper():
        return "organization", "the name being in capitals (an acronym)"
    if len(words) == 1 and sum(w in PLACE_BEFORE for w in before) * 2 > len(before):
        return "place", "'in', 'near' or 'from' before most mentions"
    if 2 <= len(words) <= 3 and not any(w in SMALL_WORDS for w in words):
        return "person", "nothing but its shape, two or three capitalized words"
    return "organization", "nothing: a plain guess"


def unique_id(name: str, taken: set[str]) -> str:
    """A kebab-case id from the name, numbered if an entity (or another draft) has it already."""
    base = slugify(name) or "entity"
    base = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "entity"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def propose(
    suggestions: Sequence[Suggestion],
    rows: Iterable[NameSighting],
    registry: Registry,
    sentence_of: Callable[[Occurrence], str],
) -> tuple[Draft, ...]:
    """One draft per suggestion, a surname or acronym that names the same thing folded into its entry."""
    grouped = occurrences_by_name(rows)
    by_name = {s.name: s for s in suggestions}
    places = {s.name: _places(s, grouped) for s in suggestions}
    people = {
        s.name for s in suggestions if guess_type(s.name, places[s.name], registry.titles)[0] == "person"
    }
    absorbed = _absorbed(suggestions, places, people)
    claimed = {alias_keys(spec.text) for spec in registry.aliases}
    taken = set(registry.entities)
    drafts = []
    for suggestion in suggestions:
        if suggestion.name in absorbed or alias_keys(suggestion.name) in claimed:
            continue
        seen = places[suggestion.name]
        name = suggestion.name
        spellings = [o.text for o in seen]
        spellings += [n for n, owner in absorbed.items() if owner == suggestion.name]
        acronym = defined_acronym(suggestion.name, seen)
        if acronym:
            spellings.append(acronym)
        expanded = expansion(suggestion.name, grouped)
        if expanded is not None and alias_keys(expanded.text) not in claimed:
            name, seen = expanded.text, [expanded, *seen]  # "Riverside Residents Union (RRU)"
        kind, evidence = guess_type(name, seen, registry.titles)
        claimed.add(alias_keys(name))
        aliases = []
        for spelling in dict.fromkeys(spellings):
            keys = alias_keys(spelling)
            if keys and keys not in claimed:
                claimed.add(keys)
                aliases.append(spelling)
        count = suggestion.count + sum(by_name[n].count for n, o in absorbed.items() if o == suggestion.name)
        count += 1 if name != suggestion.name else 0  # the defining mention of an acronym
        drafts.append(
            Draft(
                id=unique_id(name, taken),
                name=name,
                type=kind,
                aliases=tuple(aliases),
                count=count,
                articles=len({o.path for o in seen}),
                evidence=evidence,
                sentence=sentence_of(seen[0]) if seen else suggestion.context,
            )
        )
    return tuple(drafts)


def expansion(acronym: str, grouped: dict[str, list[Occurrence]]) -> Occurrence | None:
    """Where an acronym is defined: a name followed by it in parentheses, its letters the initials."""
    if not acronym.isupper() or " " in acronym:
        return None
    for occurrences in grouped.values():
        for occurrence in occurrences:
            match = ACRONYM_AFTER.match(words_around(occurrence)[1])
            defines = match is not None and match.group(1) == acronym and occurrence.text != acronym
            if defines and defined_acronym(occurrence.text, [occurrence]) == acronym:
                return occurrence
    return None


def _places(suggestion: Suggestion, grouped: dict[str, list[Occurrence]]) -> list[Occurrence]:
    """The occurrences behind a suggestion: its name is one spelling of the key they are counted under."""
    return grouped.get(" ".join(alias_keys(suggestion.name)), [])


def _absorbed(
    suggestions: Sequence[Suggestion], places: dict[str, list[Occurrence]], people: set[str]
) -> dict[str, str]:
    """Suggestions that are another's short form: a surname alone ("Okafor") for the only person's
    name ending in it, an acronym defined in parentheses after a name. Short form → the full name.
    ("Forces" alone is not a short form of "Harbor Defense Forces": only people have surnames.)"""
    owners: dict[str, str] = {}
    surnames: dict[str, list[str]] = defaultdict(list)
    for s in suggestions:
        words = s.name.split()
        if len(words) > 1 and s.name in people:
            surnames[words[-1]].append(s.name)
    for s in suggestions:
        if " " not in s.name and len(surnames.get(s.name, [])) == 1:
            owners[s.name] = surnames[s.name][0]
    for s in suggestions:
        acronym = defined_acronym(s.name, places[s.name])
        if acronym and acronym != s.name and any(o.name == acronym for o in suggestions):
            owners.setdefault(acronym, s.name)
    return owners


class SentenceFinder:
    """The sentence around an occurrence, read from its article (each article read once)."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self._bodies: dict[str, tuple[str, bool] | None] = {}

    def __call__(self, occurrence: Occurrence) -> str:
        body = self._body(occurrence.path)
        if body is not None:
            text, lines = body
            for sentence in split_sentences(text, lines=lines):
                if sentence.start <= occurrence.position < sentence.end and occurrence.text in sentence.text:
                    return " ".join(sentence.text.split())
        return occurrence.context

    def _body(self, path: str) -> tuple[str, bool] | None:
        if path not in self._bodies:
            try:
                article = read_article(self.site / path, path, [])
                self._bodies[path] = (article.body, article.markup == "text")
            except ContentError:
                self._bodies[path] = None
        return self._bodies[path]


# --- writing ---------------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    """A YAML scalar for ``text``, quoted only when it needs to be."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000, default_flow_style=True)
    return dumped.removesuffix("\n...\n").strip()


def draft_yaml(draft: Draft, indent: str) -> str:
    """One entry as it goes into the file: a comment saying why, then the entry itself."""
    inner = indent + "  "
    times = "once" if draft.count == 1 else f"{draft.count} times"
    articles = "1 article" if draft.articles == 1 else f"{draft.articles} articles"
    sentence = draft.sentence.replace("\n", " ")
    lines = [
        "",
        f"{indent}# Draft from `suggest --add`, seen {times} in {articles}; "
        f"type guessed from {draft.evidence}.",
        f"{indent}# “{sentence}”",
        f"{indent}- id: {draft.id}",
        f"{inner}name: {_quoted(draft.name)}",
        f"{inner}type: {draft.type}",
    ]
    if draft.aliases:
        aliases = yaml.safe_dump(
            list(draft.aliases), allow_unicode=True, width=10_000, default_flow_style=True
        )
        lines.append(f"{inner}aliases: {aliases.strip()}")
    lines.append(f"{inner}draft: true")
    return "\n".join(lines) + "\n"


def with_drafts(text: str, drafts: Sequence[Draft], where: str = "entities.yaml") -> str:
    """``text`` with ``drafts`` at the end of its entities list; everything else kept as written."""
    if not drafts:
        return text
    root = yaml.compose(text, Loader=SafeLoader) if text.strip() else None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value in ("", "~", "null")):
        separator = "" if not text or text.endswith("\n") else "\n"
        return text + separator + "entities:\n" + "".join(draft_yaml(d, "  ") for d in drafts)
    if isinstance(root, yaml.SequenceNode):
        entities: yaml.Node = root
    elif isinstance(root, yaml.MappingNode):
        found = next((v for k, v in root.value if getattr(k, "value", None) == "entities"), None)
        if found is None:
            separator = "" if text.endswith("\n") else "\n"
            return text + separator + "entities:\n" + "".join(draft_yaml(d, "  ") for d in drafts)
        entities = found
    else:
        raise RegistryError("expected a mapping with an 'entities' list", where)
    return _insert_into(text, entities, drafts, where)


def _insert_into(text: str, entities: yaml.Node, drafts: Sequence[Draft], where: str) -> str:
    """Insert after the last entry of a block list; an empty list (``[]`` or nothing) becomes one."""
    lines = text.splitlines(keepends=True)
    if isinstance(entities, yaml.SequenceNode) and entities.value and not entities.flow_style:
        indent = " " * entities.start_mark.column
        last = _content_end(entities.value[-1])
        cut = _line_offset(lines, last.line + (1 if last.column > 0 else 0))
        head = text[:cut] if text[:cut].endswith("\n") or not text[:cut] else text[:cut] + "\n"
        return head + "".join(draft_yaml(d, indent) for d in drafts) + text[cut:]
    empty_flow = isinstance(entities, yaml.SequenceNode) and not entities.value
    empty_null = isinstance(entities, yaml.ScalarNode) and entities.value in ("", "~", "null")
    if not (empty_flow or empty_null):
        raise RegistryError(
            "'entities' is not written as a block list ('- id: …' lines), so drafts cannot be added "
            "to it without rewriting it; write it as one, then run suggest --add again",
            where,
            entities.start_mark.line + 1,
        )
    start, end = entities.start_mark.index, entities.end_mark.index
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[:start].rstrip(" ") + text[end:line_end]
    return before + "\n" + "".join(draft_yaml(d, "  ") for d in drafts) + text[line_end + 1 :]


def _content_end(node: yaml.Node) -> yaml.Mark:
    """Where the last written value of ``node`` ends: block collections end at the next token
    (after any comments that follow), so the end of their last scalar or flow value is used."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark


def _line_offset(lines: list[str], line: int) -> int:
    return sum(len(text) for text in lines[:line])


def add_drafts(path: Path, drafts: Sequence[Draft]) -> None:
    """Append ``drafts`` to the registry file, checking first that the result loads."""
    if not drafts:
        return
    text = path.read_text(encoding="utf-8-sig")
    updated = with_drafts(text, drafts, path.name)
    try:
        registry = registry_from_data(yaml.load(updated, Loader=SafeLoader), path.name)
    except (yaml.YAMLError, RegistryError) as exc:  # a bug here, not in the file: leave it alone
        raise RegistryError(f"the drafts would not load, so nothing was written: {exc}", path.name) from None
    missing = [d.id for d in drafts if d.id not in registry.entities]
    if missing:
        raise RegistryError(f"the drafts did not land in the entities list: {', '.join(missing)}", path.name)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(updated)
        os.chmod(temporary, path.stat().st_mode)  # the file keeps its permissions
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
