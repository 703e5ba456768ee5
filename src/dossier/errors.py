"""The exceptions dossier raises for problems a user can fix, and how their messages show a user's
text and values.

Every expected failure is a :class:`DossierError`; the CLI prints its message
(``path:line: message``) and never a traceback unless ``--debug`` is given. A message names a
value with :func:`describe_value` (short, however large the value) and a file name with
:func:`printable` (nothing a terminal would act on).
"""

from __future__ import annotations

from itertools import islice
from typing import Any


class DossierError(Exception):
    """Base class for every error that is reported to the user as a message."""


class ConfigError(DossierError):
    """``site.yaml`` or a command-line option is invalid."""


class ContentError(DossierError):
    """An input file (article or registry) cannot be used as it is.

    ``path`` is shown relative to the site folder where possible and ``line``
    is 1-based; both are optional so that the error can be raised before the
    location is known and given one later with :meth:`at`.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def at(self, path: str, line: int | None = None) -> ContentError:
        """Return a copy located in ``path`` (keeping a line already known)."""
        return ContentError(self.message, path, self.line if self.line is not None else line)

    def __str__(self) -> str:
        where = printable(self.path or "")
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class RegistryError(ContentError):
    """``entities.yaml`` is malformed or contradicts itself."""


class BuildError(DossierError):
    """The build could not finish; ``problems`` lists every error found."""

    def __init__(self, message: str, problems: list[DossierError] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class NotASiteError(DossierError):
    """The folder holds none of a site's files: the user most likely wants to start one there."""

    def __init__(self, folder: str, reason: str) -> None:
        super().__init__(f"{folder} is not a dossier site: {reason}")
        self.folder = folder


# --- showing a user's text and values in a message -----------------------------------------------


def printable(text: str) -> str:
    """``text`` with what a terminal would act on or hide escaped: control characters (an escape
    sequence or a newline in a file name), invisible formatting marks, and the bytes of a name
    that is not UTF-8 (``\\xff``), so a message shows what is there and nothing else."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as the file system gave it
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1]


def describe_value(value: Any, limit: int = 60) -> str:
    """A short ``repr``-like rendering of a value read from a user's file, for a message.

    Walks the value lazily and stops after about ``limit`` characters, so a value that YAML
    aliases make enormous (or that refers to itself) costs no more to describe than a small one.
    """
    parts: list[str] = []
    size = 0
    for piece in _pieces(value, limit):
        parts.append(piece)
        size += len(piece)
        if size > limit:
            return "".join(parts)[:limit] + "…"
    return "".join(parts)


def _pieces(value: Any, limit: int) -> Any:
    """The text of ``value`` piece by piece (an iterator, so the caller decides how far to go)."""
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Literal):
            yield item.text
        elif isinstance(item, str):
            yield _short_repr(item, limit)
        elif isinstance(item, bool) or item is None or isinstance(item, float):
            yield repr(item)
        elif isinstance(item, int):
            yield (
                repr(item)
                if item.bit_length() < 200
                else f"<a number of about {item.bit_length() * 3 // 10} digits>"
            )
        elif isinstance(item, (list, tuple, dict)):
            stack.extend(reversed(_container_pieces(item, limit)))
        else:
            yield _short_repr(str(item), limit)


class _Literal:
    """Text of a container's punctuation, told apart from a string value on the stack."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _container_pieces(item: list | tuple | dict, limit: int) -> list[Any]:
    """The opening bracket, the first few members with separators, and the closing bracket."""
    opening, closing = ("{", "}") if isinstance(item, dict) else ("[", "]")
    pieces: list[Any] = [_Literal(opening)]
    members = list(islice(item.items(), limit)) if isinstance(item, dict) else list(item[:limit])
    for index, member in enumerate(members):
        if index:
            pieces.append(_Literal(", "))
        if isinstance(item, dict):
            pieces.extend([member[0], _Literal(": "), member[1]])
        else:
            pieces.append(member)
    if len(item) > len(members):
        pieces.append(_Literal(", …"))
    pieces.append(_Literal(closing))
    return pieces


def _short_repr(text: str, limit: int) -> str:
    """``repr`` of a string, cut to ``limit`` characters (with ``…`` inside the quotes)."""
    if len(text) <= limit:
        return repr(text)
    shown = repr(text[:limit])
    return f"{shown[:-1]}…{shown[-1]}"
