"""How the stages depend on each other: data flows one way, so an earlier stage imports no later one.

The extract stage runs in worker processes on one article at a time; what it shares with the
later stages lives below both (``dossier.model``, ``dossier.features``), never in them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dossier.features import PLACE_WEIGHTS
from dossier.model import PLACE_TYPES

SRC = Path(__file__).resolve().parents[1] / "src" / "dossier"
LATER_STAGES = ("dossier.analyze", "dossier.render", "dossier.cache", "dossier.store")
EXTRACT = sorted((SRC / "extract").rglob("*.py"))
# The rest of what runs in the extraction worker: facts.py sums an article up, and work.py, which
# also renders the article's body, may call the render stage for that (and for nothing else).
WORKER = {
    "facts.py": LATER_STAGES,
    "work.py": ("dossier.analyze", "dossier.cache", "dossier.store"),
}


def imported_modules(path: Path, root: Path = SRC.parent) -> set[str]:
    """Every module (or name in one) that ``path`` under ``root`` imports, at its top or inside a
    function, relative imports made absolute."""
    package = ".".join(path.relative_to(root).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def later_stages_in(modules: set[str], stages: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == s or m.startswith(f"{s}.") for s in stages))


@pytest.mark.parametrize("path", EXTRACT, ids=[p.relative_to(SRC).as_posix() for p in EXTRACT])
def test_the_extract_stage_imports_no_later_stage(path: Path) -> None:
    assert later_stages_in(imported_modules(path), LATER_STAGES) == []


@pytest.mark.parametrize("name", sorted(WORKER))
def test_the_rest_of_the_extraction_worker_imports_no_later_stage(name: str) -> None:
    assert later_stages_in(imported_modules(SRC / name), WORKER[name]) == []


def test_the_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    module = tmp_path / "dossier" / "extract" / "probe.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "import dossier.cache\nfrom dossier.analyze import similarity\nfrom ..render import urls\n"
        "def late():\n    from dossier.store import x\n",
        encoding="utf-8",
    )
    assert later_stages_in(imported_modules(module, tmp_path), LATER_STAGES) == [
        "dossier.analyze",
        "dossier.analyze.similarity",
        "dossier.cache",
        "dossier.render",
        "dossier.render.urls",
        "dossier.store",
        "dossier.store.x",
    ]


def test_every_place_type_has_its_weight() -> None:
    assert set(PLACE_WEIGHTS) == PLACE_TYPES


STAGE_RULES = {
    # the analysis is pure functions of records handed in: no store, no pages, no HTML
    "analyze": (
        "dossier.store",
        "dossier.render",
        "dossier.incremental",
        "dossier.pipeline",
        "dossier.cache",
    ),
    # the store is the edge: it keeps records and knows none of the stages around it
    "store": (
        "dossier.analyze",
        "dossier.render",
        "dossier.extract",
        "dossier.incremental",
        "dossier.pipeline",
    ),
    # the pages are planned from what the analysis stored; they run no analysis step themselves
    "render": ("dossier.incremental", "dossier.pipeline", "dossier.extract"),
}
STAGE_FILES = [(stage, p) for stage in STAGE_RULES for p in sorted((SRC / stage).rglob("*.py"))]


@pytest.mark.parametrize(
    ("stage", "path"), STAGE_FILES, ids=[p.relative_to(SRC).as_posix() for _, p in STAGE_FILES]
)
def test_each_stage_imports_only_what_comes_before_it(stage: str, path: Path) -> None:
    assert later_stages_in(imported_modules(path), STAGE_RULES[stage]) == []


SQL = re.compile(
    r"\b(?:SELECT\b.+\bFROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+TABLE)\b"
)


def sql_strings(path: Path) -> list[str]:
    """The string constants of a module that read as SQL statements."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]


OUTSIDE_THE_STORE = [p for p in sorted(SRC.rglob("*.py")) if "store" not in p.relative_to(SRC).parts]


@pytest.mark.parametrize(
    "path", OUTSIDE_THE_STORE, ids=[p.relative_to(SRC).as_posix() for p in OUTSIDE_THE_STORE]
)
def test_sql_is_spoken_only_in_the_store(path: Path) -> None:
    assert sql_strings(path) == []


def test_the_sql_check_sees_a_query() -> None:
    assert sql_strings(SRC / "store" / "database.py")
    assert SQL.search("SELECT slug FROM articles") and not SQL.search("Select a topic from the list")
