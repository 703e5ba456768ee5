"""Digests of dossier's own code, so that nobody has to remember to bump a version.

A cache holds two lifetimes of results. What an article's extraction gave
(its rows) depends on the extractor's code: the modules the extraction worker
imports, found by following their imports, and the data files beside them. A
change there extracts every article again. Everything else (the analysis, the
pages, the templates' helpers) depends on the program as a whole: a change
anywhere re-analyzes and re-renders from the stored extraction.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# What the extraction worker runs: the extractor, the rows it makes, and the keys rows are filed under.
EXTRACTION_ROOTS = ("dossier.work", "dossier.store.rows", "dossier.analyze.keys")
DATA_SUFFIXES = (".yaml",)

_IMPORT = re.compile(
    r"""^[ \t]*(?:
        from[ \t]+(dossier(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)  # from dossier.x import a, b
        | import[ \t]+(dossier(?:\.\w+)*)                                 # import dossier.x
    )""",
    re.MULTILINE | re.VERBOSE,
)


def _module_file(name: str, package: Path) -> Path | None:
    """The file of a dossier module (``dossier.extract.dates`` → ``extract/dates/__init__.py``)."""
    parts = name.split(".")[1:]
    base = package.joinpath(*parts)
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imports(text: str) -> set[str]:
    """The dossier modules a source imports, at its top or inside functions (``from dossier.x import y``
    may import the module ``dossier.x.y``: both are named, the missing one is dropped later)."""
    found: set[str] = set()
    for match in _IMPORT.finditer(text):
        module, names, plain = match.groups()
        if plain:
            found.add(plain)
            continue
        found.add(module)
        for name in re.split(r"[\s,()]+", names):
            if name and name != "as" and name.isidentifier():
                found.add(f"{module}.{name}")
    return found


def import_closure(roots: Iterable[str], sources: dict[Path, bytes], package: Path = PACKAGE) -> list[Path]:
    """The files of ``roots`` and of every dossier module they import, with their packages'
    ``__init__`` files (run on import too), in path order; ``sources``: the package's files."""
    pending, seen = list(roots), set()
    files: set[Path] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name, package)
        if path is None:
            continue
        files.add(path)
        parents = [".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1)]
        pending.extend(parents)
        pending.extend(_imports(sources[path].decode("utf-8")))
    return sorted(files)


def _digest(files: Iterable[Path], sources: dict[Path, bytes], package: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode("utf-8"))
        digest.update(b"\x00")
        digest.update(sources[path])
    return digest.hexdigest()[:16]


def code_versions(package: Path = PACKAGE) -> tuple[str, str]:
    """(extraction, program): a digest of the extraction's code and of the data files in its modules'
    folders, and one of all of dossier's sources and data files."""
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", *DATA_SUFFIXES) and p.is_file())
    sources = {path: path.read_bytes() for path in files}
    modules = import_closure(EXTRACTION_ROOTS, sources, package)
    folders = {path.parent for path in modules}
    extraction = sorted({*modules, *(p for p in files if p.parent in folders and p.suffix in DATA_SUFFIXES)})
    return _digest(extraction, sources, package), _digest(files, sources, package)


def base_registry_version() -> str:
    """What the base registry (``extract/world.py``) is made from besides dossier's own code and
    data, for the build cache's signature: pycountry's names of countries, by its installed
    version. Read without importing it (a build with nothing to extract imports no extractor),
    from the name of its ``.dist-info`` folder: the metadata reader costs a build with nothing
    to do a tenth of its time. Installed otherwise, from its metadata."""
    spec = importlib.util.find_spec("pycountry")
    if spec is not None and spec.origin is not None:
        found = list(Path(spec.origin).parent.parent.glob("pycountry-*.dist-info"))
        if len(found) == 1:
            return f"pycountry {found[0].name.removeprefix('pycountry-').removesuffix('.dist-info')}"
    from importlib import metadata

    return f"pycountry {metadata.version('pycountry')}"
