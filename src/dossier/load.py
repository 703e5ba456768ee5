"""articles/ → [Article]: Markdown with YAML frontmatter, or plain text as pasted.

A reader turns one file into metadata and a body and nothing else; the
metadata fields are parsed by a table of field → function. Problems in one
file never stop the others from being read: :func:`read` returns a file's
article or its error, so a build (:mod:`dossier.scan`) reports all broken
files in one run.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from stat import S_ISREG
from typing import Any

import frontmatter
import yaml

from dossier.config import LANGUAGE_TAG
from dossier.errors import ContentError, describe_value, printable
from dossier.model import Article
from dossier.paths import outside, outside_note
from dossier.slugs import MAX_FILE_SLUG, RESERVED, slugify
from dossier.yamlfast import SafeLoader, describe_error, key_lines

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt",)
UNKNOWN = frozenset({"", "unknown", "n/a", "none", "null"})
# The largest article read: a long news story is some 100 KB; a file a hundred times that is
# almost always a mistake (a log, a dump), and beyond it time and memory grow without need.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_FRONTMATTER = frontmatter.YAMLHandler()
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
_SEPARATOR = re.compile(r"^-{3,}\s*$")


# --- field parsers: raw frontmatter value → clean value, or ContentError -------------------------


def _text(value: Any, key: str) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise ContentError(f"{key!r} must be text, found {type(value).__name__}")


def _optional_text(value: Any, key: str) -> str | None:
    if value is None:
        return None
    text = _text(value, key)
    return None if text.lower() in UNKNOWN else text


def _publication_date(value: Any, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value, key)
    if text.lower() in UNKNOWN:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ContentError(
            f"{key!r} must be a date like 2024-01-07 (or 'unknown'), found {describe_value(text)}"
        ) from None


def _names(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    names = tuple(_text(item, key) for item in items)
    return tuple(n for n in names if n and n.lower() not in UNKNOWN)


def _flag(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "false", "no"):
        return value.strip().lower() in ("true", "yes")
    raise ContentError(f"{key!r} must be true or false, found {describe_value(value)}")


def _url(value: Any, key: str) -> str | None:
    url = _optional_text(value, key)
    if url is None:
        return None
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise ContentError(f"{key!r} must be an http:// or https:// address, found {describe_value(url)}")
    return url


def _slug(value: Any, key: str) -> str | None:
    raw = _optional_text(value, key)
    if raw is None:
        return None
    if raw.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", raw):
        raise ContentError(f"{key!r} must be a plain name, not an absolute path: {describe_value(raw)}")
    if ".." in raw or "/" in raw or "\\" in raw:
        raise ContentError(f"{key!r} must not contain '..' or path separators: {describe_value(raw)}")
    slug = slugify(raw)
    if not slug:
        raise ContentError(f"{key!r} has no letters or digits: {describe_value(raw)}")
    if slug in RESERVED:
        raise ContentError(f"{key!r} {slug!r} is reserved for the list of articles; choose another")
    return slug


def _aliases(value: Any, key: str) -> tuple[str, ...]:
    """Past addresses, each a plain name like ``slug:``: an old site's, or one the ledger lost."""
    items = value if isinstance(value, list) else [value] if value is not None else []
    found = (_slug(item, key) for item in items)
    return tuple(dict.fromkeys(alias for alias in found if alias))


FIELDS: dict[str, Callable[[Any, str], Any]] = {
    "title": _text,
    "date": _publication_date,
    "source": _optional_text,
    "author": _names,
    "authors": _names,
    "url": _url,
    "tags": _names,
    "summary": _optional_text,
    "slug": _slug,
    "aliases": _aliases,
    "draft": _flag,
    "language": _optional_text,
}

# Other names exports and pasted headers use for the keys above ("published: 2023-07-27").
SYNONYMS = {
    "published": "date",
    "publication_date": "date",
    "pubdate": "date",
    "outlet": "source",
    "publication": "source",
    "headline": "title",
    "byline": "author",
}


def canonical_keys(raw: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    """Synonyms renamed to their keys; a synonym beside its own key is ignored, with a warning."""
    given = {str(key).lower() for key in raw}
    renamed: dict[str, Any] = {}
    for key, value in raw.items():
        name = SYNONYMS.get(str(key).lower())
        if name is None:
            renamed[key] = value
        elif name in given:
            warnings.append(f"{where}: {key!r} ignored: {name!r} is given too")
        else:
            renamed[name] = value
    return renamed


# --- reading files --------------------------------------------------------------------------------


def read_limited(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of an article file, refused when there are more than ``limit`` of them
    (read no further than that, so a huge file costs no memory)."""
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        size = path.stat().st_size
        raise ContentError(
            f"the file has {size / 1_048_576:.1f} MB; an article may have at most {limit // 1_048_576} MB "
            "(split it into several articles, or remove it if it is not one)"
        )
    return data


def decode(data: bytes, warnings: list[str], where: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    if b"\x00" in data:  # the whole file: a NUL byte anywhere would reach the page
        raise ContentError("binary file, not text (found NUL bytes); remove it from the articles folder")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        warnings.append(
            f"{where}:{line}: not valid UTF-8; read as Windows-1252 — check the special characters"
        )
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_frontmatter(text: str) -> tuple[dict[str, Any], int]:
    """Return the frontmatter mapping and the offset where the body starts."""
    boundaries = list(_FRONTMATTER.FM_BOUNDARY.finditer(text))
    if not boundaries or boundaries[0].start() != 0:
        return {}, 0
    if len(boundaries) < 2:
        raise ContentError("frontmatter block opened with '---' is never closed", line=1)
    opening, closing = boundaries[0], boundaries[1]
    raw = text[opening.end() : closing.start()]
    try:
        data = yaml.load(raw, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        message, line = describe_error(exc, raw, first_line=text.count("\n", 0, opening.end()) + 1)
        raise ContentError(f"invalid YAML in the frontmatter: {message}", line=line or 1) from None
    except RecursionError:
        raise ContentError("frontmatter is nested too deeply to read", line=1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            f"frontmatter must be a mapping of key: value, found {type(data).__name__}", line=2
        )
    return data, closing.end()


def split_text_header(text: str) -> tuple[dict[str, Any], int]:
    """A ``.txt`` may start with ``key: value`` lines ended by ``---``; return them and the body offset.

    Without such a block (or if none of its keys is a known field) the whole
    text is the body and nothing is consumed.
    """
    header: dict[str, Any] = {}
    offset = 0
    for line in text.split("\n")[:40]:
        if _SEPARATOR.match(line):
            if header and any(key in FIELDS or key in SYNONYMS for key in header):
                return header, offset + len(line) + 1
            break
        match = _HEADER_LINE.match(line)
        if match is None and line.strip():
            break
        if match is not None:
            key, value = match.group(1).lower(), match.group(2).strip()
            header[key] = [v.strip() for v in value.split(",") if v.strip()] if key == "tags" else value
        offset += len(line) + 1
    return {}, 0


def _body_start(text: str, offset: int) -> int:
    """Skip blank lines between the header and the body."""
    while True:
        newline = text.find("\n", offset)
        if newline == -1 or text[offset:newline].strip():
            return offset
        offset = newline + 1


def parse_metadata(
    raw: dict[str, Any], where: str, warnings: list[str], lines: dict[str, int] | None = None
) -> dict[str, Any]:
    """Apply the field table; unknown keys warn, bad values raise with the key (and its line) named."""
    meta: dict[str, Any] = {}
    lines = lines or {}
    for key, value in raw.items():
        name = str(key).lower()
        at = f"{where}:{lines[name]}" if name in lines else where
        parser = FIELDS.get(name)
        if parser is None:
            close = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6)
            hint = f"did you mean {describe_value(close[0])}?" if close else f"known: {', '.join(FIELDS)}"
            warnings.append(f"{at}: unknown frontmatter key {describe_value(key)} ignored ({hint})")
            continue
        if name == "tags" and isinstance(value, str):
            warnings.append(f"{at}: 'tags' given as text; read as a comma-separated list")
            value = [v.strip() for v in value.split(",") if v.strip()]
        try:
            meta["authors" if name == "author" else name] = parser(value, name)
        except ContentError as error:
            raise ContentError(error.message, line=lines.get(name)) from None
    return meta


def _check_plausible(meta: dict[str, Any], where: str, warnings: list[str], lines: dict[str, int]) -> None:
    """Values that parse but are probably typos: a publication year far from now, a language that is
    no language tag (it would be written into the page's ``lang``)."""
    published = meta.get("date")
    if published is not None and not 1800 <= published.year <= date.today().year + 5:
        at = f"{where}:{lines['date']}" if "date" in lines else where
        warnings.append(f"{at}: 'date' {published.isoformat()} looks mistyped; check the year")
    language = meta.get("language")
    if language is not None and not LANGUAGE_TAG.match(language):
        raise ContentError(
            f"'language' must be a language tag like en or ar-IQ, found {describe_value(language)}",
            line=lines.get("language"),
        )


def near_miss(wanted: str, raw: dict[str, Any]) -> str | None:
    """The key of ``raw`` that is probably ``wanted`` mistyped (``titel``, ``Date:``), if one is."""
    unknown = [str(key) for key in raw if str(key).lower() not in FIELDS]
    close = difflib.get_close_matches(wanted, [key.lower() for key in unknown], n=1, cutoff=0.6)
    return next((key for key in unknown if key.lower() == close[0]), None) if close else None


def missing_key_error(wanted: str, raw: dict[str, Any], lines: dict[str, int]) -> ContentError:
    """A required key is missing: point at the key that looks like it, else say what to add."""
    found = near_miss(wanted, raw)
    if found is not None:
        return ContentError(
            f"missing {wanted!r}; found {describe_value(found)} — did you mean {wanted!r}?",
            line=lines.get(found.lower(), 1),
        )
    return ContentError(f"missing {wanted!r}; add '{wanted}: …' to the frontmatter", line=1)


def missing_date_warning(where: str) -> str:
    """No ``date`` key: the date will be inferred, which is worth saying, as it is often an oversight."""
    return (
        f"{where}: no 'date' key; the publication date is inferred from the url, the file name or the "
        "text (add 'date: YYYY-MM-DD', or 'date: unknown' to keep it inferred without this warning)"
    )


def read_article(path: Path, rel: str, warnings: list[str]) -> Article:
    """Parse one file; raise :class:`ContentError` (located in ``rel``) if it cannot be used."""
    shown = printable(rel)  # the name as messages show it
    try:
        if not is_text(rel):
            raise ContentError(
                "the file name is not valid UTF-8; rename the file (its name is shown with \\x escapes)"
            )
        text = decode(read_limited(path), warnings, shown)
        if not text.strip():
            raise ContentError("empty file; write a title and some text, or delete it")
        markup = "markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text"
        raw, offset = split_frontmatter(text) if markup == "markdown" else split_text_header(text)
        lines = key_lines(text[:offset])
        lines.update({SYNONYMS[k]: n for k, n in lines.items() if k in SYNONYMS and SYNONYMS[k] not in lines})
        raw = canonical_keys(raw, shown, warnings)
        meta = parse_metadata(raw, shown, warnings, lines)
        _check_plausible(meta, shown, warnings, lines)
        start = _body_start(text, offset)
        if not meta.get("title") and markup == "text":
            start = _title_from_first_line(text, start, meta)
        if not meta.get("title"):
            raise missing_key_error("title", raw, lines)
        dated = any(str(key).lower() == "date" for key in raw)
        # a mistyped key has its own warning already; a draft is unfinished, its date may come last
        if (
            (raw or markup == "markdown")
            and not dated
            and not meta.get("draft")
            and near_miss("date", raw) is None
        ):
            warnings.append(missing_date_warning(shown))
        body = text[start:].rstrip()
        return Article(
            source_path=rel,
            slug=meta.get("slug") or "",
            title=meta["title"],
            body=body,
            markup=markup,
            published=meta.get("date"),
            source=meta.get("source"),
            authors=meta.get("authors", ()),
            url=meta.get("url"),
            tags=tuple(dict.fromkeys(meta.get("tags", ()))),
            summary=meta.get("summary"),
            draft=meta.get("draft", False),
            language=meta.get("language"),
            body_line=text.count("\n", 0, start) + 1,
            aliases=meta.get("aliases", ()),
        )
    except ContentError as exc:
        raise exc.at(rel) from None
    except OSError as exc:
        raise ContentError(f"cannot read file: {exc.strerror}", rel) from None


def is_text(name: str) -> bool:
    """Whether a file name read from the disk is text: a name that is not UTF-8 comes back with
    its odd bytes as lone surrogates, which no page, feed or message can hold."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _title_from_first_line(text: str, start: int, meta: dict[str, Any]) -> int:
    """Plain text without a header: the first non-empty line is the title."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    meta["title"] = text[start:end].strip()
    return _body_start(text, min(end + 1, len(text)))


def walk_article_files(
    folder: Path, skipped: list[tuple[str, str]], site: Path
) -> list[tuple[str, os.stat_result]]:
    """(path inside ``folder``, stat) of every article file, in a stable order; hidden files skipped.

    One ``scandir`` walk: an unchanged archive of tens of thousands of files is
    checked in milliseconds. Linked folders are not followed (a link to a parent
    would loop); a linked file that loops or points nowhere is noted in ``skipped``
    as (path, why) rather than stopping the walk, and so is a linked file outside both ``folder``
    and ``site`` (see :mod:`dossier.paths`).
    """
    roots = [folder, site]
    suffixes = MARKDOWN_SUFFIXES + TEXT_SUFFIXES
    found: list[tuple[str, os.stat_result]] = []
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith((".", "_")):
                    continue
                name = prefix + entry.name
                try:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((f"{name}/", entry.path))
                    elif entry.is_symlink() and os.path.isdir(entry.path):
                        _note(skipped, name, "a linked folder; links to folders are not followed")
                    elif not entry.name.lower().endswith(suffixes):
                        continue
                    else:
                        stat = entry.stat()  # first, so that a link that points nowhere says so
                        if entry.is_symlink() and outside(entry.path, roots):
                            _note(skipped, name, outside_note(entry.path))
                        elif S_ISREG(stat.st_mode):  # what it leads to is a file: no second look
                            found.append((name, stat))
                except OSError as exc:  # a link that loops or points nowhere, a file without permission
                    _note(skipped, name, f"cannot be read ({exc.strerror or exc})")
    found.sort(key=lambda item: item[0])
    return found


def _note(skipped: list[tuple[str, str]], path: str, why: str) -> None:
    skipped.append((path, why))


def derived_slug(path: str) -> str:
    """The address of an article without a ``slug:``: its file name, never its title.

    A title can be shared by another article and is edited when a headline is fixed; a file name
    is unique in its folder and changes only when its owner renames it, so an address taken from
    it stays with one article. Sub-folders are not part of it: ``a/x.md`` and ``b/x.md`` clash.
    """
    slug = slugify(Path(path).stem, max_length=MAX_FILE_SLUG) or "article"
    return f"{slug}-article" if slug in RESERVED else slug


def slug_names(heads: list[tuple[str, str | None, str]], errors: list[ContentError]) -> dict[str, str]:
    """path → address for (path, explicit slug, file-name slug) triples.

    Every file gets the address it asks for, or none: addresses are never renumbered, since a
    number handed out in path order would move an article when another one is added before it.
    Of two files asking for one address the first in path order keeps it and the other is an
    error naming both (with ``--keep-going``, left out).
    """
    owner: dict[str, str] = {}
    for path, explicit, derived in sorted(heads):
        slug = explicit or derived
        if slug in owner:
            how = "its 'slug:'" if explicit else "its file name"
            errors.append(
                ContentError(
                    f"address {slug!r} (from {how}) is also claimed by {printable(owner[slug])}; "
                    "rename one of the files or give one a different 'slug:'",
                    path,
                )
            )
            continue
        owner[slug] = path
    return {path: slug for slug, path in owner.items()}


def read(job: tuple[Path, str]) -> tuple[str, Article | ContentError, list[str]]:
    """Read one article file: (relative path, article or error, warnings)."""
    path, rel = job
    warnings: list[str] = []
    try:
        return rel, read_article(path, rel, warnings), warnings
    except ContentError as error:
        return rel, error, warnings
