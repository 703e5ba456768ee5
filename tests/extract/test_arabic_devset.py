"""The Arabic dev set (``tests/fixtures/arabic/``): entity mentions and dates against hand gold.

Nine short news texts in Modern Standard Arabic, written for this set in the styles of Iraqi,
Gulf, Levantine, Egyptian and Iranian Arabic-language outlets, are extracted with the project's
registry (base registry included, as a build has it) and scored by exact spans: a mention is
right when its entity and offsets are the gold's, a date span when its offsets are, a date value
when its offsets and value are. Each score must stay at or above its floor.

Run ``python -m tests.extract.test_arabic_devset`` to print the scores and every miss and extra.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pytest
import yaml

from dossier.extract import extract_article
from dossier.extract.entities import Matcher
from dossier.extract.registry import load_registry
from dossier.load import read_article
from dossier.model import BODY, STATEMENTS, AnnotatedArticle, Statement
from tests.conftest import FIXTURES, ROOT

SET = FIXTURES / "arabic"
FLOORS = {"mentions": 0.85, "date spans": 0.85, "date values": 0.85, "statements": 0.75}
STATEMENT_GOLD = yaml.safe_load((SET / "statements.yaml").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Score:
    found: int
    gold: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@cache
def extracted() -> tuple[tuple[AnnotatedArticle, dict], ...]:
    """Every article of the set, extracted, with its gold."""
    matcher = Matcher(load_registry(ROOT / "entities.yaml", base=True))
    pairs = []
    for path in sorted((SET / "articles").glob("*.md")):
        article = read_article(path, path.name, [])
        gold = json.loads((SET / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        pairs.append((extract_article(article, matcher), gold))
    return tuple(pairs)


def items(annotated: AnnotatedArticle, gold: dict, kind: str) -> tuple[Counter, Counter]:
    """What the extractor found and what the gold has, as comparable tuples, for one kind."""
    if kind == "mentions":
        found = Counter((m.entity, m.start, m.end, m.text) for m in annotated.mentions if m.field == BODY)
        wanted = Counter((g["id"], g["start"], g["end"], g["text"]) for g in gold["entities"])
    elif kind == "date spans":
        found = Counter((d.start, d.end, d.text) for d in annotated.dates if d.field == BODY)
        wanted = Counter((g["start"], g["end"], g["text"]) for g in gold["dates"])
    else:
        found = Counter((d.start, d.end, d.text, d.value) for d in annotated.dates if d.field == BODY)
        wanted = Counter((g["start"], g["end"], g["text"], g["value"]) for g in gold["dates"])
    return found, wanted


def said_by(statement: Statement, wanted: dict) -> bool:
    """A found statement is a gold one when the speaker is the gold's (a name may come with its
    role: "المتحدث باسم … صباح النعمان" is صباح النعمان), the kind is, and it holds the gold's words."""
    speaker = wanted["speaker"]
    return (
        (statement.speaker == speaker or (statement.entity is None and speaker in statement.speaker))
        and statement.kind == wanted["kind"]
        and wanted["says"] in statement.text
    )


def statement_matches(annotated: AnnotatedArticle, gold: dict) -> tuple[int, int, int, list[dict]]:
    """Found, gold, right (one to one), and the gold statements missed."""
    found = list(dict(annotated.findings).get(STATEMENTS, ()))
    wanted = STATEMENT_GOLD.get(gold["doc"].removesuffix(".md"), [])
    free, missed = list(found), []
    for item in wanted:
        match = next((st for st in free if said_by(st, item)), None)
        if match is None:
            missed.append(item)
        else:
            free.remove(match)
    return len(found), len(wanted), len(wanted) - len(missed), missed


def score(kind: str) -> Score:
    if kind == "statements":
        counts = [statement_matches(annotated, gold)[:3] for annotated, gold in extracted()]
        return Score(*(sum(c[i] for c in counts) for i in range(3)))
    found = gold = right = 0
    for annotated, wanted in extracted():
        have, want = items(annotated, wanted, kind)
        found, gold = found + sum(have.values()), gold + sum(want.values())
        right += sum((have & want).values())
    return Score(found, gold, right)


def test_gold_offsets_are_the_text() -> None:
    for annotated, gold in extracted():
        body = annotated.article.body
        for item in (*gold["entities"], *gold["dates"]):
            assert body[item["start"] : item["end"]] == item["text"], (gold["doc"], item)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_scores_reach_their_floor(kind: str) -> None:
    result = score(kind)
    assert result.f1 >= FLOORS[kind], f"{kind}: F1 {result.f1:.3f} below {FLOORS[kind]}"


def main() -> None:
    for kind in ("mentions", "date spans", "date values", "statements"):
        result = score(kind)
        counts = f"({result.right}/{result.gold}, found {result.found})"
        print(f"{kind:12} P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f} {counts}")
    for annotated, gold in extracted():
        for kind in ("mentions", "date values"):
            have, want = items(annotated, gold, kind)
            for item in sorted((want - have).elements(), key=str):
                print(f"  {gold['doc']} {kind} miss  {item}")
            for item in sorted((have - want).elements(), key=str):
                print(f"  {gold['doc']} {kind} extra {item}")
        for item in statement_matches(annotated, gold)[3]:
            print(f"  {gold['doc']} statement miss  {item}")


if __name__ == "__main__":
    main()
