"""The memory of published addresses: ``addresses.yaml`` in the site folder.

An article's address is its ``slug:`` or its file name (see ``load.derived_slug``). When
that changes — the file is renamed, the ``slug:`` edited — links already shared must keep
working, so every address an article was published under has to be remembered, and that
memory has to be an input of the build rather than a by-product of its cache: a clean build
(no cache, a fresh checkout, another machine) must give exactly the site an incremental one
gives. The build therefore keeps a small file beside ``site.yaml`` that the site's owner
commits with the articles::

    articles/vox-behind-iraqs-call.md:
      title: Behind Iraq’s call to remove US-led forces
      addresses: [behind-iraqs-call-to-remove-us-led-forces, vox-behind-iraqs-call]

Each article file lists the addresses it has been published under, oldest first. Every build
adds an article's current address to its list; every other address on the list gets a small
page that sends the reader on (see the ``redirect.html`` template), and no other file may take
it. Why a ledger and not only ``aliases:`` in the frontmatter: a changed ``slug:`` leaves no
trace in the file itself, and a build should not rewrite the owner's articles. ``aliases:``
remains for addresses the ledger cannot know, such as those of a site migrated from another
system.

A renamed file is recognised by its original ``url`` or, without one, its title: a path the
ledger lists that is no longer in the articles folder is paired with the one new file that has
the same ``url`` (or title), and the new file inherits its addresses. A file that is gone
without such a successor takes its addresses with it, with a warning. The title and url are
kept in the ledger only for that pairing.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from dossier.errors import ContentError
from dossier.slugs import MAX_FILE_SLUG, RESERVED, slugify
from dossier.yamlfast import YamlProblem, read_yaml_file

LEDGER_FILE = "addresses.yaml"

HEADER = """\
# Every address this site's articles have been published under, by article file, oldest first.
# Written by `python build.py`; keep it with the articles (commit it). An address that is no
# longer its file's address is served as a page that sends readers on to the current one, and
# no other file can take it. Delete an address here to let it go.
"""


@dataclass(frozen=True, slots=True)
class Entry:
    """One article file and the addresses it has had."""

    path: str  # relative to the site folder, as in messages
    title: str  # with url: how the file is recognised after a rename
    url: str | None
    addresses: tuple[str, ...]  # oldest first


@dataclass(frozen=True, slots=True)
class Ledger:
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """An article of this build, as far as its address goes."""

    path: str
    slug: str
    title: str
    url: str | None
    aliases: tuple[str, ...]
    draft: bool  # built (with --drafts) but not published: its address is not recorded


@dataclass(frozen=True, slots=True)
class Settled:
    """The ledger after this build, the redirects it serves, and the claims it refused."""

    ledger: Ledger
    redirects: tuple[tuple[str, str], ...]  # (old address, current address), by old address
    errors: tuple[ContentError, ...]
    warnings: tuple[str, ...]


# --- reading and writing the file ----------------------------------------------------------------


def read_ledger(path: Path) -> Ledger:
    """The ledger at ``path`` (none there: an empty one); a malformed file raises, naming its line.

    A file as a build wrote it is read by its own layout, checked by writing it again: a YAML
    reader takes a second for an archive's thousands of entries, on every build. A file an owner
    edited by hand is read as the YAML it is."""
    if not path.is_file():
        return Ledger()
    try:
        written = _as_written(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:  # the YAML reading says what is wrong, and where
        written = None
    if written is not None:
        return written
    where = path.name
    try:
        data, text = read_yaml_file(path)
    except YamlProblem as problem:
        raise ContentError(problem.message, where, problem.line) from None
    if data is None:
        return Ledger()
    if not isinstance(data, dict):
        raise ContentError("must map each article file to its title and addresses", where, 1)
    lines = _file_lines(text)
    entries = []
    owner: dict[str, str] = {}
    for key, value in data.items():
        at = lines.get(str(key))
        entry = _entry(str(key), value, where, at)
        for address in entry.addresses:
            if owner.setdefault(address, entry.path) != entry.path:
                twice = f"address {address!r} is listed for {owner[address]} and for {entry.path}"
                raise ContentError(f"{twice}; keep it under one of them", where, at)
        entries.append(entry)
    return Ledger(tuple(sorted(entries, key=lambda e: e.path)))


_FILE_LINE = re.compile(r"^(\S[^:\n]*):", re.MULTILINE)


def _file_lines(text: str) -> dict[str, int]:
    """The line each article file's entry starts on, counted in one pass."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _FILE_LINE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        key = match.group(1)
        if key.startswith('"') and key.endswith('"'):
            with contextlib.suppress(ValueError):  # an escape YAML has and JSON has not: as written
                key = _unquoted(key)
        lines[key] = line
    return lines


# One entry as ledger_text writes it: the file, its title, maybe its url, its addresses.
_SCALAR = r'(?:"(?:[^"\\\n]|\\.)*"|[^\s",\[\]]+)'
_WRITTEN_ENTRY = re.compile(
    rf"(?P<path>{_SCALAR}):\n  title: (?P<title>\"(?:[^\"\\\n]|\\.)*\")\n"
    rf"(?:  url: (?P<url>\"(?:[^\"\\\n]|\\.)*\")\n)?"
    rf"  addresses: \[(?P<addresses>{_SCALAR}(?:, {_SCALAR})*)?\]\n"
)
_WRITTEN_ADDRESS = re.compile(_SCALAR)


def _as_written(text: str) -> Ledger | None:
    """The ledger of a file exactly as :func:`ledger_text` writes it, else None (also when an
    entry is wrong: the YAML reading then says which, and on what line)."""
    if not text.startswith(HEADER):
        return None
    entries: list[Entry] = []
    paths: set[str] = set()
    owner: dict[str, str] = {}
    at = len(HEADER)
    while at < len(text):
        match = _WRITTEN_ENTRY.match(text, at)
        if match is None:
            return None
        path, url = _unquoted(match.group("path")), match.group("url")
        if path in paths:
            return None  # a file listed twice: the YAML reading refuses it, naming the line
        paths.add(path)
        found = _WRITTEN_ADDRESS.findall(match.group("addresses") or "")
        addresses = tuple(dict.fromkeys(_unquoted(a) for a in found))
        if not all(_is_address(a) and owner.setdefault(a, path) == path for a in addresses):
            return None
        title = json.loads(match.group("title"))
        entries.append(Entry(path, title, json.loads(url) if url else None, addresses))
        at = match.end()
    ledger = Ledger(tuple(sorted(entries, key=lambda e: e.path)))
    return ledger if ledger_text(ledger) == text else None


def _is_address(text: str) -> bool:
    """Whether ``text`` is an article address as a ``slug:`` would be (lower-case words joined by
    hyphens, none of the site's own folders)."""
    return bool(text) and slugify(text, max_length=MAX_FILE_SLUG) == text and text not in RESERVED


def _unquoted(scalar: str) -> str:
    return json.loads(scalar) if scalar.startswith('"') else scalar


def _entry(file: str, value: object, where: str, line: int | None) -> Entry:
    """One ``path: {title, url, addresses}`` item, each address checked like a ``slug:``."""
    if not isinstance(value, dict) or not isinstance(value.get("addresses"), list):
        raise ContentError(f"{file}: expected 'title:' and a list of 'addresses:'", where, line)
    addresses = []
    for text in value["addresses"]:
        address = str(text)
        if not _is_address(address):
            raise ContentError(f"{file}: {text!r} is not an article address (lower-case words joined by "
                               "hyphens)", where, line)  # fmt: skip
        addresses.append(address)
    url = value.get("url")
    title = str(value.get("title") or "")
    return Entry(file, title, str(url) if url else None, tuple(dict.fromkeys(addresses)))


def ledger_text(ledger: Ledger) -> str:
    """The file's text: the same ledger always gives the same bytes, so it changes only with it."""
    lines = []
    for entry in ledger.entries:
        lines.append(f"{_scalar(entry.path)}:\n  title: {_quoted(entry.title)}\n")
        if entry.url:
            lines.append(f"  url: {_quoted(entry.url)}\n")
        lines.append(f"  addresses: [{', '.join(map(_scalar, entry.addresses))}]\n")
    return HEADER + "".join(lines)


# Words and paths YAML reads as text when written bare; numbers, dates and booleans it would not.
_PLAIN = re.compile(r"[^\W_][\w./-]*")
_NOT_TEXT = re.compile(r"[\d.:+-]+|0x[\da-f]+|0b[01]+|(?i:true|false|yes|no|on|off|null|y|n)")


def _scalar(text: str) -> str:
    """A path or an address, bare where YAML reads it back as the same text, else quoted."""
    return text if _PLAIN.fullmatch(text) and not _NOT_TEXT.fullmatch(text) else _quoted(text)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it): written by hand, as
    dumping thousands of entries through a YAML emitter costs a second per build."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


# Characters a YAML reader refuses or reads as line breaks, even inside quotes: escaped.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def write_ledger(path: Path, ledger: Ledger) -> bool:
    """Write the file when its text changed (atomically: a crash leaves the old one); whether it did."""
    text = ledger_text(ledger)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    if not ledger.entries and not path.exists():
        return False  # a site without articles needs no file yet
    partial = path.with_name(f".{path.name}.new")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return True


# --- settling this build's claims ------------------------------------------------------------------


def settle(ledger: Ledger, claims: Iterable[Claim], present: set[str]) -> Settled:
    """The ledger brought up to date with this build's articles.

    ``present`` holds every article file in the folder, drafts and broken files included: an
    entry whose file is only left out of this build (a draft, a file with an error under
    ``--keep-going``) keeps its addresses.
    """
    claims = sorted(claims, key=lambda c: c.path)
    known = {entry.path: entry for entry in ledger.entries}
    gone = [entry for entry in ledger.entries if entry.path not in present]
    inherited = _renames(gone, [c for c in claims if c.path not in known])  # new path → old path
    warnings = [
        f"{LEDGER_FILE}: {entry.path} is gone; its addresses ({', '.join(entry.addresses)}) are no longer "
        "served (if the file was renamed, list them under 'aliases:' in its frontmatter)"
        for entry in gone
        if entry.path not in inherited.values()
    ]
    before = {path: entry for path, entry in known.items() if path in present}
    before.update({new: replace(known[old], path=new) for new, old in inherited.items()})
    errors = _refused(before, claims)
    refused = {error.path for error in errors}
    entries = dict(before)
    for claim in claims:
        if claim.draft or claim.path in refused:
            continue  # not published, or refused: the address stays with its owner
        past = before[claim.path].addresses if claim.path in before else ()
        entries[claim.path] = Entry(
            claim.path, claim.title, claim.url, tuple(dict.fromkeys((*past, claim.slug)))
        )
    redirects = _redirects(entries, [c for c in claims if c.path not in refused])
    ordered = Ledger(tuple(entries[path] for path in sorted(entries)))
    return Settled(ordered, redirects, tuple(errors), tuple(warnings))


def _renames(gone: list[Entry], new: list[Claim]) -> dict[str, str]:
    """new path → gone path, for each gone file with exactly one successor that is its only one."""

    def same(entry: Entry, claim: Claim) -> bool:
        if entry.url and claim.url:
            return entry.url == claim.url
        return bool(entry.title) and entry.title == claim.title

    pairs = [(e.path, c.path) for e in gone for c in new if same(e, c)]
    olds = Counter(old for old, _ in pairs)
    news = Counter(path for _, path in pairs)
    return {path: old for old, path in pairs if olds[old] == 1 and news[path] == 1}


def _refused(before: dict[str, Entry], claims: list[Claim]) -> list[ContentError]:
    """Claims on an address another file was published under, or another claim's alias: each an
    error naming both files (two current addresses are checked in ``load.slug_names``)."""
    owner = {address: path for path, entry in before.items() for address in entry.addresses}
    for claim in claims:
        owner.setdefault(claim.slug, claim.path)
    errors = []
    for claim in claims:
        for address, how in [(claim.slug, "address"), *((alias, "alias") for alias in claim.aliases)]:
            other = owner.setdefault(address, claim.path)
            if other != claim.path:
                errors.append(ContentError(
                    f"{how} {address!r} belongs to {other}, which was published under it; choose another, "
                    f"or delete {address!r} from {other} in {LEDGER_FILE} to hand it over",
                    claim.path,
                ))  # fmt: skip
                break
    return errors


def _redirects(entries: dict[str, Entry], claims: list[Claim]) -> tuple[tuple[str, str], ...]:
    """(old address, current address) of every built article's past addresses and aliases."""
    found: dict[str, str] = {}
    for claim in claims:
        entry = entries.get(claim.path)
        for address in (*(entry.addresses if entry else ()), *claim.aliases):
            if address != claim.slug:
                found.setdefault(address, claim.slug)
    return tuple(sorted(found.items()))
