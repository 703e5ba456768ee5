"""The full-text search index: Pagefind, run over the written site, in shards.

Pagefind reads the article and topic pages (the parts marked
``data-pagefind-body``) and writes a static, chunked index that the search page
loads in the reader's browser, so search needs no server. The index is split in
shards: the topic pages, and the articles of each month they were published in
(with one for undated articles). Each shard is its own Pagefind index under
``pagefind/<shard>/``; the search page opens the first and merges the others
(Pagefind's ``mergeIndex``), so a query still sees every page. A build indexes
again only the shards whose pages changed, and links the others in from the
published site: an edit costs the pages of one month, not the whole archive.

All of it is written in the build's private folder, so the new pages and their
index go live together; a failed run leaves the previous site as it was.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from dossier.errors import BuildError
from dossier.write import READABLE, remove_entry

FOLDER = "pagefind"
MANIFEST = "shards.json"  # under FOLDER: the shards, the first one opened first
BUNDLE = ("pagefind.js",)  # what the search page imports, kept once at the top of FOLDER
# What a shard needs in the browser (its index, the search engine it runs and the worker that runs
# it); the rest of what Pagefind writes (its own user interfaces) is not used and left out.
SHARD_FILES = ("pagefind-entry.json", "pagefind-worker.js")
SHARD_SUFFIXES = (".pf_meta", ".pagefind")
SHARD_FOLDERS = ("index", "fragment", "filter")
TOPICS = "topics"


class Searchable(NamedTuple):
    """A page the index holds, the shard it is in, and the digest of what the index reads of it
    (:func:`indexed_part`)."""

    path: str
    shard: str
    indexed: str
    language: str = ""  # the language its shard is indexed in, when it is not the site's


def article_shard(day: str | None, language: str = "") -> str:
    """An article's shard: the month it was published in; for an article in another language than
    the site's, that language's month (``articles-ar-2024-09``), indexed by the language's rules."""
    period = day[:7] if day else "undated"
    return f"articles-{language}-{period}" if language else f"articles-{period}"


def shard_digests(pages: Iterable[Searchable], made_under: str = "") -> dict[str, str]:
    """shard → a digest of its pages, what they show, the Pagefind that indexes them and what else
    they are made under (``made_under``: the site's language, whose rules index its shards, and
    dossier's code, which writes what the pages show): a shard is indexed again when it changes."""
    members: dict[str, list[tuple[str, str]]] = {}
    for page in pages:
        members.setdefault(page.shard, []).append((page.path, page.indexed))
    engine = _pagefind_version()
    return {
        shard: hashlib.sha1(json.dumps([engine, made_under, sorted(rows)]).encode("utf-8")).hexdigest()
        for shard, rows in sorted(members.items())
    }


_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)  # elements with no end tag
_OTHER_MARKS = re.compile(r"data-pagefind-(?!body\b|ignore\b)")  # filters, meta, sort, weights
# Comments, declarations, tags in capitals (names are matched as written) and elements whose text
# may look like tags: a part holding any of them is not read further
_RAW = re.compile(r"<(?![a-z/])|</(?![a-z])|<(?:script|style|textarea)\b")
_NAME = re.compile(r"<([a-z][a-z0-9-]*)")
_TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.DOTALL | re.IGNORECASE)


def indexed_part(html: str) -> str:
    """What Pagefind reads of a page, as far as it can be told from the text: the elements marked
    ``data-pagefind-body`` less those marked ``data-pagefind-ignore``, and the page's ``<title>``
    when they hold no ``<h1>`` (Pagefind then takes its result title from there). A page that uses
    any other Pagefind attribute (filters, metadata, weights), or whose marked part holds comments,
    scripts or unclosed elements, is taken whole. Two pages with the same part index alike: a change
    elsewhere on the page (the site's title, a related article in the margin) leaves its shard of
    the index as it was."""
    if "data-pagefind-body" not in html:
        return ""
    if _OTHER_MARKS.search(html):
        return html
    parts = []
    for start, end in _marked(html, "data-pagefind-body"):
        part = html[start:end] if end >= 0 else None
        kept = _without_ignored(part) if part is not None and not _RAW.search(part) else None
        if kept is None:
            return html
        parts.append(kept)
    found = "".join(parts)
    if "<h1" not in found:  # tags are in lower case here (_RAW)
        title = _TITLE.search(html)
        found += title.group(0) if title else ""
    return found


def _without_ignored(part: str) -> str | None:
    """``part`` less its elements marked ``data-pagefind-ignore`` (None: one of them does not close)."""
    kept, at = [], 0
    for start, end in _marked(part, "data-pagefind-ignore"):
        if end < 0:
            return None
        kept.append(part[at:start])
        at = end
    kept.append(part[at:])
    return "".join(kept)


def _marked(html: str, attribute: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each element whose start tag carries ``attribute`` (outermost only;
    end -1: the element does not close)."""
    at = 0
    while (found := html.find(attribute, at)) >= 0:
        tag = html.rfind("<", 0, found)
        name = _NAME.match(html, tag) if tag >= 0 else None
        before = html[tag:found]
        after = html[found + len(attribute) : found + len(attribute) + 1]
        if (
            name is None
            or ">" in before
            or not html[found - 1].isspace()
            or before.count('"') % 2
            or before.count("'") % 2
            or not (after in ("=", ">", "/") or after.isspace())
        ):
            at = found + len(attribute)  # the word in the text or in a value, not an attribute
            continue
        close = html.find(">", found)
        if close < 0:
            yield tag, -1
            return
        element = name.group(1)
        if element in _VOID or html[close - 1] == "/":
            yield tag, close + 1
            at = close + 1
            continue
        end = _element_end(html, element, close + 1)
        yield tag, end
        if end < 0:
            return
        at = end


def _element_end(html: str, name: str, at: int) -> int:
    """Where the element ``name`` opened just before ``at`` ends (after its end tag), counting the
    elements of the same name it holds; -1 if it does not close."""
    depth, opening, closing = 1, f"<{name}", f"</{name}"
    while depth:
        close = _tag_at(html, closing, at, len(html))
        if close < 0:
            return -1
        open_ = _tag_at(html, opening, at, close)
        if open_ >= 0:
            depth += 1
            at = open_ + len(opening)
            continue
        depth -= 1
        at = html.find(">", close)
        if at < 0:
            return -1
        at += 1
    return at


def _tag_at(html: str, prefix: str, at: int, stop: int) -> int:
    """The next ``prefix`` ("<div", "</div") that starts a tag of that very name, or -1."""
    while (found := html.find(prefix, at, stop)) >= 0:
        follows = html[found + len(prefix) : found + len(prefix) + 1]
        if follows in ("", ">", "/") or follows.isspace():
            return found
        at = found + len(prefix)
    return -1


def indexed_digest(html: str) -> str:
    """A digest of :func:`indexed_part` ("" for a page Pagefind does not index)."""
    part = indexed_part(html)
    return hashlib.sha1(part.encode("utf-8")).hexdigest() if part else ""


def _pagefind_version() -> str:
    from importlib import metadata  # read by builds that index, not by one with nothing to do

    try:
        return metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        return ""


def shard_order(shards: Iterable[str]) -> list[str]:
    """The topics first (the shard the search page opens), then the months, newest first, then the
    undated articles."""
    named = set(shards)
    undated = sorted(s for s in named if s.endswith("-undated"))
    months = sorted((s for s in named if s != TOPICS and s not in undated), reverse=True)
    return [*(s for s in (TOPICS,) if s in named), *months, *undated]


def manifest(languages: dict[str, str]) -> dict[str, object]:
    """What the search page reads (``shards.json``), from shard → language ("" for the site's):
    the site's shards, and those of each other language, which the page searches with that
    language's own Pagefind instance (a merged index is searched by its host's language rules)."""
    own = shard_order(s for s, language in languages.items() if not language)
    others: dict[str, list[str]] = {}
    for shard, language in languages.items():
        if language:
            others.setdefault(language, []).append(shard)
    listed: dict[str, object] = {"shards": own}
    if others:
        listed["languages"] = {language: shard_order(shards) for language, shards in sorted(others.items())}
    return listed


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind[bin]`` package."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise BuildError(
            "search is on (search: true in site.yaml) but Pagefind is not installed; "
            "install it with: pip install 'pagefind[bin]'"
        ) from None
    return Path(get_executable())


def index_site(
    folder: Path,
    published: Path | None,
    pages: list[Searchable],
    dirty: Iterable[str],
    jobs: int = 1,
    in_place: bool = False,
) -> list[str]:
    """Write ``folder/pagefind/``: the ``dirty`` shards indexed from the pages in ``folder``, every
    other shard linked in from the ``published`` site (None: index them all), or, ``in_place``,
    left as they are: the folder holds the published index already, as links that must be
    replaced, never written through. The entries of ``pagefind/`` written again, as paths."""
    shards: dict[str, list[str]] = {}
    languages: dict[str, str] = {}
    for page in pages:
        shards.setdefault(page.shard, []).append(page.path)
        languages[page.shard] = page.language
    target, scratch = folder / FOLDER, folder / ".search"
    kept = _kept_entries(target) if in_place and published is not None else set()
    changed = _clear(target, kept, shards, set(dirty))
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        old = published / FOLDER if published is not None else None
        reused = _reusable(old, shards, set(dirty))
        for shard in reused:
            if shard not in kept:
                shutil.copytree(reused[shard], target / shard, copy_function=os.link)
        fresh = sorted(set(shards) - set(reused))
        if fresh:
            from concurrent.futures import ThreadPoolExecutor  # for builds that index

            executable = pagefind_executable()
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                index = functools.partial(_index_shard, executable, folder, scratch)
                done = list(pool.map(lambda shard: index(shard, shards[shard], languages[shard]), fresh))
            for problem in done:
                if problem:
                    raise BuildError(f"Pagefind could not index the site for search: {problem}")
            for name in BUNDLE:
                (target / name).unlink(missing_ok=True)
                shutil.copyfile(scratch / fresh[0] / name, target / name)
                os.chmod(target / name, READABLE)
            changed |= {*fresh, *BUNDLE}
        elif old is not None:
            for name in BUNDLE:
                if (old / name).is_file() and name not in kept:
                    os.link(old / name, target / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    listed = manifest(languages)
    (target / MANIFEST).unlink(missing_ok=True)
    (target / MANIFEST).write_text(json.dumps(listed, indent=1) + "\n", encoding="utf-8")
    os.chmod(target / MANIFEST, READABLE)
    return sorted(f"{FOLDER}/{name}" for name in changed | {MANIFEST})


def _kept_entries(target: Path) -> set[str]:
    return {entry.name for entry in target.iterdir()} if target.is_dir() else set()


def _clear(target: Path, kept: set[str], shards: dict[str, list[str]], dirty: set[str]) -> set[str]:
    """Make way in ``target`` for what is indexed again: all of it, or of what it holds (``kept``),
    the shards to index again and those the site no longer has. The names taken out."""
    if not kept:
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        return set()
    gone = {name for name in kept if name not in shards and name not in (*BUNDLE, MANIFEST)}
    for name in sorted(gone | (dirty & kept)):
        remove_entry(target, name)
    return gone


def _reusable(old: Path | None, shards: Iterable[str], dirty: set[str]) -> dict[str, Path]:
    """The shards the published index has as they still are: linked in, not indexed again."""
    if old is None:
        return {}
    return {shard: old / shard for shard in sorted(shards) if shard not in dirty and (old / shard).is_dir()}


def _index_shard(
    executable: Path, folder: Path, scratch: Path, shard: str, paths: list[str], language: str
) -> str | None:
    """Index one shard's pages, linked into a folder of their own, into ``pagefind/<shard>/`` (by
    the rules of ``language``, when given: its stemming, so that "بالعراق" is found as "العراق");
    what Pagefind said when it failed, else None."""
    pages, written = scratch / f"{shard}.pages", scratch / shard
    for path in paths:
        (pages / path).parent.mkdir(parents=True, exist_ok=True)
        os.link(folder / path, pages / path)
    command = [
        str(executable),
        "--site", str(pages),
        "--output-path", str(written),
        "--keep-index-url",
        "--silent",
        *(["--force-language", language] if language else []),
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        return f"cannot run Pagefind ({exc})"
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        return detail[-1] if detail else f"exit status {done.returncode}"
    _keep_what_the_browser_needs(written, folder / FOLDER / shard)
    return None


def _keep_what_the_browser_needs(written: Path, shard: Path) -> None:
    shard.mkdir(parents=True)
    for entry in written.iterdir():
        if entry.is_dir() and entry.name in SHARD_FOLDERS:
            shutil.copytree(entry, shard / entry.name, copy_function=os.link)
        elif entry.is_file() and (entry.name in SHARD_FILES or entry.name.endswith(SHARD_SUFFIXES)):
            os.link(entry, shard / entry.name)
    for directory, _, names in os.walk(shard):  # Pagefind writes them under the build's umask
        for name in names:
            os.chmod(os.path.join(directory, name), READABLE)
