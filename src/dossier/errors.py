"""The exceptions dossier raises for problems a user can fix.

Every expected failure is a :class:`DossierError`; the CLI prints its message
(``path:line: message``) and never a traceback unless ``--debug`` is given.
"""

from __future__ import annotations


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
        where = self.path or ""
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
