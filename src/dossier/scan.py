"""Finding what changed in the articles folder since the last build.

A file whose size and modification time match the cache is taken as
unchanged without reading it; otherwise its bytes are hashed, and only a file
whose content changed is parsed again. Slugs are assigned over all articles
(they depend on each other's titles), and each article's *key* identifies its
version: content, path, slug, registry and dossier version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dossier import __version__, parallel
from dossier.errors import ContentError
from dossier.load import find_article_files, slug_names
from dossier.model import Article
from dossier.work import read

Head = tuple[str, str | None, bool, tuple[str, ...]]  # title, explicit slug, draft, warnings


@dataclass(slots=True)
class Scan:
    entries: dict[str, tuple[int, int, str, Head]] = field(default_factory=dict)  # what the cache stores
    parsed: dict[str, Article] = field(default_factory=dict)  # files read in this build
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug → (path, key) of included articles
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _head(article: Article, warnings: list[str]) -> Head:
    return (article.title, article.slug or None, article.draft, tuple(warnings))


def scan_articles(
    folder: Path,
    site: Path,
    cached: dict[str, tuple[int, int, str, Any]],
    drafts: bool,
    registry_digest: str,
    jobs: int,
) -> Scan:
    scan = Scan()
    if not folder.is_dir():
        scan.errors.append(ContentError("articles folder not found", _relative(folder, site)))
        return scan
    to_read: list[tuple[Path, str]] = []
    for path in find_article_files(folder):
        rel = _relative(path, site)
        stat = path.stat()
        known = cached.get(rel)
        if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
            scan.entries[rel] = known
            continue
        digest = _digest(path.read_bytes())
        if known is not None and known[2] == digest:
            scan.entries[rel] = (stat.st_mtime_ns, stat.st_size, digest, known[3])
        else:
            scan.entries[rel] = (stat.st_mtime_ns, stat.st_size, digest, None)
            to_read.append((path, rel))
    for rel, result, warnings in parallel.run(_read, to_read, _nothing, (), jobs, len(to_read)):
        if isinstance(result, ContentError):
            scan.errors.append(result)
            del scan.entries[rel]
            continue
        mtime, size, digest, _ = scan.entries[rel]
        scan.entries[rel] = (mtime, size, digest, _head(result, warnings))
        scan.parsed[rel] = result
    for _, _, _, head in scan.entries.values():
        scan.warnings.extend(head[3])
    included = {rel: head for rel, (_, _, _, head) in scan.entries.items() if drafts or not head[2]}
    slugs = slug_names(
        [(rel, head[1], head[0]) for rel, head in included.items()], scan.errors, scan.warnings
    )
    for rel, slug in slugs.items():
        key = _digest(f"{scan.entries[rel][2]}|{rel}|{slug}|{registry_digest}|{__version__}".encode())
        scan.keys[slug] = (rel, key)
    return scan


def articles_to_extract(scan: Scan, slugs: list[str], site: Path) -> list[tuple[Article, str]]:
    """The articles behind ``slugs``, read if this build did not read them yet, with their final slug."""
    found = []
    for slug in slugs:
        rel, key = scan.keys[slug]
        article = scan.parsed.get(rel)
        if article is None:
            _, article, _ = read((site / rel, rel))
            if isinstance(article, ContentError):
                raise article
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
