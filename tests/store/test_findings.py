"""A new kind of finding is one record with its declaration and one extraction step: the facts, the
rows, the tables and the store's reads and change tracking take it as they take statements and
figures, with no line of theirs changed. Proved here with a kind the code has never heard of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

import dossier.extract
from dossier.analyze.keys import bucket_of
from dossier.changes import Touched
from dossier.extract import ExtractionState
from dossier.extract.registry import load_registry
from dossier.model import BODY, FIGURES, STATEMENTS, Article, FindingKind
from dossier.store.database import Store
from dossier.store.records import FoundIn
from dossier.store.rows import ArticleRows, RowRules, article_rows
from dossier.work import Workshop
from tests.conftest import ROOT


@dataclass(frozen=True, slots=True)
class Question:
    """A sentence that asks something, and the first registry entity it names."""

    start: int
    end: int
    text: str
    about: str | None


QUESTIONS = FindingKind("questions", Question, topic="about")


def find_questions(state: ExtractionState) -> None:
    asked = []
    body = [m for m in state.mentions if m.field == BODY]
    for sentence in state.sentences:
        if sentence.text.rstrip().endswith("?"):
            named = (m.entity for m in body if sentence.start <= m.start < sentence.end)
            asked.append(Question(sentence.start, sentence.end, sentence.text, next(named, None)))
    state.keep(QUESTIONS, asked)


@pytest.fixture
def workshop(monkeypatch: pytest.MonkeyPatch) -> Workshop:
    monkeypatch.setattr(dossier.extract, "STEPS", (*dossier.extract.STEPS, ("questions", find_questions)))
    return Workshop(load_registry(ROOT / "entities.yaml"))


def _rows(workshop: Workshop, slug: str, body: str, key: str = "v1") -> ArticleRows:
    article = Article(f"{slug}.md", slug, slug.title(), body, "markdown", date(2024, 1, 8))
    return article_rows(workshop.facts(article, key), RowRules(bucket_of))


BODY_ONE = "In Iraq, Mohammed Shia al-Sudani said “the mission is over.” Will Iraq end the mission? Is it?"


def test_a_new_kind_is_stored_and_read_back_as_its_record(workshop: Workshop) -> None:
    store = Store.open(None, {"schema": "test"}, [])
    store.add_rows(_rows(workshop, "one", BODY_ONE), Touched())
    store.add_rows(_rows(workshop, "two", "Nothing is asked here. Who speaks for Baghdad?"), Touched())
    store.settle(Touched())

    asked = store.findings(QUESTIONS)
    assert [(f.slug, f.record.text, f.record.about) for f in asked] == [
        ("one", "Will Iraq end the mission?", "iraq"),
        ("one", "Is it?", None),
        ("two", "Who speaks for Baghdad?", "baghdad"),
    ]
    assert all(isinstance(f, FoundIn) and isinstance(f.record, Question) for f in asked)
    assert [f.record.text for f in store.findings(QUESTIONS, topic="baghdad")] == ["Who speaks for Baghdad?"]
    # the kinds already there are kept beside it, each read back alone
    assert [f.record.speaker for f in store.findings(STATEMENTS)] == ["mohammed-shia-al-sudani"]
    assert store.findings(FIGURES) == []


def test_a_changed_finding_touches_its_topic_and_changes_its_digest(workshop: Workshop) -> None:
    store = Store.open(None, {"schema": "test"}, [])
    store.add_rows(_rows(workshop, "one", BODY_ONE), Touched())
    store.settle(Touched())
    before = store.findings_digest(QUESTIONS), store.findings_digest(STATEMENTS)

    touched = Touched()
    store.remove_article("one")
    edited = BODY_ONE.replace("Will Iraq end", "Can Iraq end")
    store.add_rows(_rows(workshop, "one", edited, "v2"), touched)
    store.settle(touched)

    # Iraq's topic page shows the question; what it shows of Iraq's mentions (their count, the
    # first sentence naming it) is as it was, so the question alone touches it. Al-Sudani's
    # statement and mention are as they were.
    assert "iraq" in touched.entities
    assert "mohammed-shia-al-sudani" not in touched.entities
    after = store.findings_digest(QUESTIONS), store.findings_digest(STATEMENTS)
    assert after[0] != before[0] and after[1] == before[1]
    assert [f.record.text for f in store.findings(QUESTIONS)] == ["Can Iraq end the mission?", "Is it?"]


def test_removing_the_article_removes_its_findings(workshop: Workshop) -> None:
    store = Store.open(None, {"schema": "test"}, [])
    store.add_rows(_rows(workshop, "one", BODY_ONE), Touched())
    store.settle(Touched())
    touched = Touched()
    store.remove_article("one")
    store.settle(touched)
    assert store.findings(QUESTIONS) == [] and store.findings(STATEMENTS) == []
    assert {"iraq", "mohammed-shia-al-sudani"} <= touched.entities


def test_an_edit_touches_only_the_voices_whose_statements_it_changed(workshop: Workshop) -> None:
    """Statements are gathered by speaker across articles (FindingKind.group): an edit re-gathers
    the speakers whose statements in it changed, not every speaker of the archive."""
    store = Store.open(None, {"schema": "test"}, [])
    body = BODY_ONE + " Jennifer Kavanagh, an analyst, said the talks would take months."
    store.add_rows(_rows(workshop, "one", body), Touched())
    store.settle(Touched())
    voices = {f.record.voice for f in store.findings(STATEMENTS)}
    assert voices == {"mohammed-shia-al-sudani", "person:jennifer kavanagh"}

    touched = Touched()
    store.remove_article("one")
    store.add_rows(_rows(workshop, "one", body.replace("take months", "take weeks"), "v2"), touched)
    store.settle(touched)
    assert touched.groups == {"statements:person:jennifer kavanagh"}
    by_voice = store.findings(STATEMENTS, groups=["person:jennifer kavanagh"])
    assert [f.record.text for f in by_voice] == ["the talks would take weeks"]

    gone = Touched()
    store.remove_article("one")
    store.settle(gone)
    assert gone.groups == {"statements:mohammed-shia-al-sudani", "statements:person:jennifer kavanagh"}
