"""Finding what changed in the articles folder since the last build.

A file whose size and modification time match the cache is taken as
unchanged without reading it; otherwise its bytes are hashed, and only a file
whose content changed is parsed again. Addresses are checked over all articles
(two files must not claim one), and each article's *key* identifies its
version: content, path, slug, registry and dossier version.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dossier import __version__, parallel
from dossier.addresses import Claim, Ledger, Settled, settle
from dossier.errors import ContentError, printable
from dossier.load import MAX_ARTICLE_BYTES, derived_slug, read, slug_names, walk_article_files
from dossier.model import Article, FileHead

Head = FileHead  # what the cache keeps of a file's metadata


@dataclass(slots=True)
class Scan:
    entries: dict[str, tuple[int, int, str, Head]] = field(default_factory=dict)  # what the cache stores
    parsed: dict[str, Article] = field(default_factory=dict)  # files read in this build
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug → (path, key) of included articles
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    settled: Settled | None = None  # the addresses after this scan (None: nothing was read)
    restamped: bool = False  # a file's size or time changed (whether or not its content did)
    unchanged: bool = False  # every file as the last build saw it: nothing was read (entries stay empty)


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _head(article: Article, warnings: list[str]) -> Head:
    derived = derived_slug(article.source_path)
    return FileHead(
        article.title,
        article.slug or None,
        article.draft,
        tuple(warnings),
        derived,
        article.url,
        article.aliases,
    )


ArticleFile = tuple[str, str, os.stat_result]  # path relative to the site, full path, stat


def list_article_files(folder: Path, site: Path, warnings: list[str] | None = None) -> list[ArticleFile]:
    """Every article file under ``folder``, with its path relative to the site; ``warnings`` get
    the entries that had to be skipped (broken or looping links, linked folders)."""
    if not folder.is_dir():
        raise ContentError("articles folder not found", _relative(folder, site))
    base = _relative(folder, site)
    prefix = "" if base == "." else base.rstrip("/") + "/"
    base_path = f"{folder}{os.sep}"
    skipped: list[tuple[str, str]] = []
    files = [
        (prefix + name, base_path + name, stat) for name, stat in walk_article_files(folder, skipped, site)
    ]
    if warnings is not None:
        warnings.extend(f"{printable(prefix + name)}: skipped: {why}" for name, why in skipped)
    return files


def stamps_match(files: list[ArticleFile], stamps: Mapping[str, tuple[int, int]]) -> bool:
    """Whether the same files are there with the sizes and times the last build saw."""
    return len(files) == len(stamps) and all(
        stamps.get(rel) == (stat.st_mtime_ns, stat.st_size) for rel, _, stat in files
    )


def scan_articles(
    files: list[ArticleFile],
    cached: Mapping[str, tuple[int, int, str, Any]],
    drafts: bool,
    registry_digest: str,
    jobs: int,
    ledger: Ledger | None = None,
) -> Scan:
    scan = Scan()
    to_read: list[tuple[Path, str]] = []
    stamps: dict[str, tuple[int, int, str]] = {}  # of the files read again below
    for rel, path, stat in files:
        known = cached.get(rel)
        if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
            scan.entries[rel] = known
            continue
        scan.restamped = True
        if stat.st_size > MAX_ARTICLE_BYTES:  # refused when read: not worth hashing (nor holding)
            to_read.append((Path(path), rel))
            continue
        digest = _digest(Path(path).read_bytes())
        if known is not None and known[2] == digest:
            scan.entries[rel] = (stat.st_mtime_ns, stat.st_size, digest, known[3])
        else:
            stamps[rel] = (stat.st_mtime_ns, stat.st_size, digest)
            to_read.append((Path(path), rel))
    scan.restamped = scan.restamped or scan.entries.keys() | stamps.keys() != cached.keys()
    for rel, result, warnings in parallel.run(_read, to_read, _nothing, (), jobs, len(to_read)):
        if isinstance(result, ContentError):
            scan.errors.append(result)
            continue
        scan.entries[rel] = (*stamps[rel], _head(result, warnings))
        scan.parsed[rel] = result
    scan.entries = {rel: scan.entries[rel] for rel, _, _ in files if rel in scan.entries}  # files' order
    for _, _, _, head in scan.entries.values():
        scan.warnings.extend(head[3])
    included = {rel: head for rel, (_, _, _, head) in scan.entries.items() if drafts or not head[2]}
    slugs = slug_names([(rel, head[1], head[4]) for rel, head in included.items()], scan.errors)
    claims = [_claim(rel, slug, included[rel]) for rel, slug in slugs.items()]
    scan.settled = settle(ledger or Ledger(), claims, {rel for rel, _, _ in files})
    scan.errors.extend(scan.settled.errors)
    scan.warnings.extend(scan.settled.warnings)
    for error in scan.settled.errors:
        slugs.pop(error.path or "", None)
    for rel in included.keys() - slugs.keys():  # lost a slug to another article: read again next time
        del scan.entries[rel]
    for rel, slug in slugs.items():
        key = _digest(f"{scan.entries[rel][2]}|{rel}|{slug}|{registry_digest}|{__version__}".encode())
        scan.keys[slug] = (rel, key)
    return scan


def _claim(rel: str, slug: str, head: Head) -> Claim:
    """What the address ledger needs of an article: from the cached head, so unchanged files are not read."""
    title, _, draft, _, _, url, aliases = head
    return Claim(rel, slug, title, url, aliases, draft)


def articles_to_extract(scan: Scan, slugs: list[str], site: Path) -> list[tuple[Article, str]]:
    """The articles behind ``slugs``, read if this build did not read them yet, with their final slug."""
    found = []
    for slug in slugs:
        rel, key = scan.keys[slug]
        article = scan.parsed.get(rel)
        if article is None:
            _, result, _ = read((site / rel, rel))
            if isinstance(result, ContentError):
                raise result
            article = result
        found.append((replace(article, slug=slug), key))
    return found


def _read(state: None, job: tuple[Path, str]) -> tuple[str, Article | ContentError, list[str]]:
    return read(job)


def _nothing() -> None:
    return None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
