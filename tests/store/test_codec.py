"""The cache's JSON codec: every stored record reads back equal, of the same classes, or is refused."""

from __future__ import annotations

import ast
import dataclasses
import json
import subprocess
import sys
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.model import Card, EventSource, Figure, SentenceReport, Statement, TimelineEvent
from dossier.store import codec
from dossier.store.codec import Codec, RecordDamaged, decode, encode, shape_digest
from dossier.timex import Timex, parse_timex

ROOT = Path(__file__).resolve().parents[2]


def _timex(value: str) -> Timex:
    found = parse_timex(value)
    assert found is not None
    return found


SOURCE = EventSource("a-strike", "The strike on Thursday killed two.", "s3", "on Thursday")
ARABIC_SOURCE = EventSource("غارة", "قالت الحكومة العراقية يوم الخميس إن الغارة قتلت اثنين.", "s1",
                            "يوم الخميس", False, "2024-01-04|غارة|00001")  # fmt: skip


@dataclass(frozen=True)
class Everything:
    """A record with one field of every kind the codec supports."""

    name: str
    counts: dict[str, int]
    spans: list[tuple[int, int]]
    triple: tuple[str, int, float]
    days: tuple[date, ...]
    maybe: date | None
    sources: tuple[EventSource, ...]
    weights: dict[str, float]
    ratios: list[float]
    tags: frozenset[str] = frozenset()
    either: int | str = 0
    note: str | None = None


class Pair(NamedTuple):
    left: int
    right: float = 0.5
    tail: tuple[str, ...] = ()


RECORDS: list[tuple[str, object]] = [
    ("card", Card("a-strike", "A strike", "Reuters", ("Ahmed Rasheed", "Layla Hamid"), "2024-01-04", False,
                  "The strike…", "en")),
    ("card with Nones", Card("x", "", None, (), None, True, "", None)),
    ("card in Arabic", Card("غارة", "غارة على بغداد", "الجزيرة", ("أحمد",), "2024-01", True, "قالت", "ar")),
    ("report", SentenceReport(2, "s3", "The strike on Thursday killed two.", "2024-01-04", None,
                              "on Thursday", False, ("isis", "iraq"), frozenset({"strike", "@isis", "kill"}),
                              frozenset({"strike"}), 12, 4)),
    ("report, defaults omitted", SentenceReport(0, "s1", "Undated.", None, None, "", False, (),
                                                frozenset(), frozenset())),
    ("report in Arabic", SentenceReport(5, "s6", "قالت الحكومة", "2024-W01", "MID", "الأسبوع", True,
                                        ("بغداد",), frozenset({"@بغداد", "الحكومة"}),
                                        frozenset({"الحكومة"}))),
    ("source", SOURCE),
    ("source in Arabic", ARABIC_SOURCE),
    ("statement", Statement(10, 42, "We will stay.", "pentagon", "pentagon", None, "entity", "direct", 3,
                            "the Pentagon")),
    ("statement, defaults omitted", Statement(0, 1, "ما قاله", "وزير", None, "وزير الخارجية", "role",
                                              "reported", 0)),
    ("figure", Figure(5, 40, "about 2,500 American soldiers", 2500.0, "about", "troops", "American soldiers",
                      "iraq", "2024-10", "since October", 4, "soldiers", True, 3000.0, "About 2,500…")),
    ("figure, defaults omitted", Figure(0, 9, "4 to 5", 4.0, None, "other", "", None, None, "", 0)),
    ("figure, fractional", Figure(0, 3, "0.5%", 0.5, None, "percent", "", None, None, "", 0, "", False,
                                  -1e-9)),
    ("timex, day", _timex("2024-01-04")),
    ("timex, week", _timex("2024-W01")),
    ("timex, decade", _timex("199")),
    ("timex, century", _timex("19")),
    ("event", TimelineEvent("e-1", "2024-W01", _timex("2024-01-04"), "4 January 2024", False,
                            ("isis", "iraq"), (SOURCE, ARABIC_SOURCE), frozenset({"strike", "kill"}),
                            (SOURCE._replace(dated=False),))),
    ("event, defaults omitted", TimelineEvent("e-2", "2014", _timex("2014"), "2014", True, (), (),
                                              frozenset())),
    ("everything", Everything("x", {"a": 1, "ب": 2}, [(1, 2), (3, 4)], ("t", 1, 2.0),
                              (date(2024, 1, 4), date(1999, 12, 31)), date(2020, 2, 29), (SOURCE,),
                              {"w": 1.0}, [1.0, 2.5], frozenset({"b", "a"}), "either", "note")),
    ("everything, empty", Everything("", {}, [], ("", 0, 0.0), (), None, (), {}, [])),
    ("pair", Pair(1, 2.0, ("a",))),
]  # fmt: skip


def _typed(value: Any) -> Any:
    """A value with the class of every part beside it, so that a tuple read back as a list is caught."""
    if isinstance(value, frozenset):
        return (frozenset, sorted(map(repr, map(_typed, value))))
    if isinstance(value, (tuple, list)):
        return (type(value), [_typed(v) for v in value])
    if isinstance(value, dict):
        return (dict, {k: _typed(v) for k, v in value.items()})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value), [_typed(getattr(value, f.name)) for f in dataclasses.fields(value)])
    return (type(value), value)


@pytest.mark.parametrize("record", [r for _, r in RECORDS], ids=[name for name, _ in RECORDS])
def test_round_trip(record: object) -> None:
    back = decode(type(record), encode(record))
    assert back == record
    assert _typed(back) == _typed(record)


def test_text_is_compact_positional_and_unescaped() -> None:
    assert encode(SOURCE) == '["a-strike","The strike on Thursday killed two.","s3","on Thursday",true,""]'
    assert encode(_timex("2024-W01")) == '["2024-W01","week","2024-01-01","2024-01-07"]'
    assert "غارة" in encode(ARABIC_SOURCE)


def test_frozensets_are_written_sorted() -> None:
    words = [f"word{i}" for i in range(200)]
    forwards = frozenset(words)
    backwards = frozenset(reversed(words))
    report = SentenceReport(0, "s1", "t", None, None, "", False, (), forwards, frozenset({"b", "a", "c"}))
    text = encode(report)
    assert text == encode(report._replace(features=backwards))
    assert json.loads(text)[8] == sorted(words)
    assert json.loads(text)[9] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("cls", "text", "expected"),
    [
        (Figure, '[1,2,"3",3,null,"u","","",null,"",0]',
         Figure(1, 2, "3", 3.0, None, "u", "", "", None, "", 0)),
        (Figure, '[1,2,"3",3,null,"u","","",null,"",0,"",false,4]',
         Figure(1, 2, "3", 3.0, None, "u", "", "", None, "", 0, "", False, 4.0)),
        (Pair, "[1,2]", Pair(1, 2.0)),
        (Everything, '["",{},[],["",0,1],[],null,[],{"w":2},[3,4.5]]',
         Everything("", {}, [], ("", 0, 1.0), (), None, (), {"w": 2.0}, [3.0, 4.5])),
    ],
)  # fmt: skip
def test_integers_read_as_floats_where_the_type_says_float(cls: type, text: str, expected: object) -> None:
    back: object = decode(cls, text)
    assert back == expected
    assert repr(back) == repr(expected)  # 3.0, not 3


@pytest.mark.parametrize(
    ("cls", "text", "expected"),
    [
        (EventSource, '["s","t","s1","d"]', EventSource("s", "t", "s1", "d")),
        (EventSource, '["s","t","s1","d",false]', EventSource("s", "t", "s1", "d", False)),
        (Pair, "[7]", Pair(7)),
        (Pair, "[7,1.5]", Pair(7, 1.5)),
        (TimelineEvent,  # short of a field that needs converting
         '["e","2014",["2014","year","2014-01-01","2014-12-31"],"2014",false,[],[],["x"]]',
         TimelineEvent("e", "2014", _timex("2014"), "2014", False, (), (), frozenset({"x"}))),
        (Statement, '[0,1,"t","s",null,null,"role","reported",0]',
         Statement(0, 1, "t", "s", None, None, "role", "reported", 0)),
    ],
)  # fmt: skip
def test_a_short_array_leaves_the_rest_to_the_defaults(cls: type, text: str, expected: object) -> None:
    back: object = decode(cls, text)
    assert back == expected
    assert _typed(back) == _typed(expected)


def test_bytes_are_read_as_utf8() -> None:
    assert decode(EventSource, encode(ARABIC_SOURCE).encode("utf-8")) == ARABIC_SOURCE


RECORD = dict(RECORDS)
CARD = encode(RECORD["card"])
REPORT = json.loads(encode(RECORD["report"]))
EVENT = json.loads(encode(RECORD["event"]))


def _with(fields: list[Any], index: int, value: Any) -> str:
    changed = list(fields)
    changed[index] = value
    return json.dumps(changed)


DAMAGED: list[tuple[str, type, str | bytes]] = [
    ("empty", Card, ""),
    ("not JSON", Card, "card"),
    ("cut short", Card, CARD[:-5]),
    ("trailing text", Card, CARD + "]"),
    ("two records", Card, CARD + CARD),
    ("whitespace after it", Card, CARD + "\n"),  # encode never writes any
    ("whitespace before it", Card, " " + CARD),
    ("not UTF-8", Card, b"\xff\xfe["),
    ("an object", Card, '{"slug": "a"}'),
    ("a string", Card, '"abcdefgh"'),  # must not be spread into eight fields
    ("a string for fields taken as they are", Statement, '"abcdefghi"'),
    ("an object for fields taken as they are", EventSource, '{"a":1,"b":2,"c":3,"d":4}'),
    ("null", Card, "null"),
    ("no fields", Card, "[]"),
    ("too few fields", Card, '["a","b"]'),
    ("too many fields", Card, CARD[:-1] + ',"extra"]'),
    ("a tuple given as a string", Card, '["a","t",null,"Ahmed",null,false,"",null]'),
    ("a frozenset given as a string", SentenceReport, _with(REPORT, 8, "strike")),
    ("a frozenset of lists", SentenceReport, _with(REPORT, 8, [["a"]])),
    ("a float given as a string", Figure, '[1,2,"3","3",null,"u","","",null,"",0]'),
    ("a float given as a boolean", Figure, '[1,2,"3",true,null,"u","","",null,"",0]'),
    ("an impossible date", Timex, '["2024-02-30","day","2024-02-30","2024-02-30"]'),
    ("a date given as a number", Timex, '["2024","year",20240101,"2024-12-31"]'),
    ("a nested record given as a string", TimelineEvent, _with(EVENT, 2, "2024-01-04")),
    ("a nested record too short", TimelineEvent, _with(EVENT, 2, ["2024-01-04", "day"])),
    ("a source given as a string", TimelineEvent, _with(EVENT, 6, ["a-strike"])),
    ("a fixed tuple too long", Everything, '["",{},[],["",0,1,2],[],null,[],{},[]]'),
    ("a dict given as an array", Everything, '["",[],[],["",0,1],[],null,[],{},[]]'),
    ("a list given as an object", Everything, '["",{},{},["",0,1],[],null,[],{},[]]'),
    ("nested too deep", Pair, "[" * 100_000 + "]" * 100_000),
]


@pytest.mark.parametrize(("cls", "text"), [(c, t) for _, c, t in DAMAGED], ids=[n for n, _, _ in DAMAGED])
def test_damaged_text_is_refused(cls: type, text: str | bytes) -> None:
    with pytest.raises(RecordDamaged, match=f"a stored {cls.__qualname__} cannot be read"):
        decode(cls, text)


def test_damage_is_a_value_error() -> None:
    assert issubclass(RecordDamaged, ValueError)


@dataclass(frozen=True)
class Node:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Later:
    a: int
    b: int = dataclasses.field(default=0, init=False)


@pytest.mark.parametrize(
    "tp",
    [set[str], dict[int, str], int | float, tuple, Node, Later, typing.Callable[[], int], bytes],
    ids=repr,
)
def test_types_it_cannot_store_are_refused_when_building(tp: Any) -> None:
    with pytest.raises(TypeError, match="cannot be stored"):
        Codec().converter(tp)


@pytest.mark.parametrize(
    "value", [{"a"}, object(), b"bytes", Later(1)], ids=["set", "object", "bytes", "unstorable-record"]
)
def test_values_it_cannot_store_are_refused_when_writing(value: object) -> None:
    with pytest.raises(TypeError, match="cannot be stored"):
        encode(value)


def test_optional_spelled_either_way() -> None:
    for hint in (typing.Optional[float], float | None):  # noqa: UP045
        convert = Codec().converter(hint)
        assert convert(None) is None
        assert repr(convert(3)) == "3.0"


def test_a_converter_is_built_once_per_class() -> None:
    fresh = Codec()
    assert fresh.converter(TimelineEvent) is fresh.converter(TimelineEvent)
    assert fresh.decode(Card, CARD) == RECORD["card"]


# --- shapes -----------------------------------------------------------------------------------------


def _row(*fields: tuple[str, Any]) -> type:
    return dataclasses.make_dataclass("Row", list(fields), frozen=True)


def test_shape_digest_is_short_and_stable() -> None:
    digest = shape_digest(Card, SentenceReport, TimelineEvent)
    assert len(digest) == 16
    assert int(digest, 16) >= 0
    assert digest == shape_digest(Card, SentenceReport, TimelineEvent)
    assert shape_digest(_row(("a", str), ("b", int))) == shape_digest(_row(("a", str), ("b", int)))


@pytest.mark.parametrize(
    "changed",
    [
        _row(("a", str), ("b", int), ("c", str)),  # a field added
        _row(("a", str)),  # one removed
        _row(("a", str), ("b", float)),  # retyped
        _row(("a", str), ("b", int | None)),  # made optional
        _row(("b", int), ("a", str)),  # reordered
        _row(("a", str), ("c", int)),  # renamed
    ],
    ids=["added", "removed", "retyped", "optional", "reordered", "renamed"],
)
def test_shape_digest_changes_with_the_shape(changed: type) -> None:
    before = _row(("a", str), ("b", int))
    assert shape_digest(changed) != shape_digest(before)


def test_shape_digest_follows_nested_records() -> None:
    def outer(row: type) -> type:
        rows = typing.cast(Any, tuple)[row, ...]
        return dataclasses.make_dataclass("Outer", [("rows", rows), ("when", date)], frozen=True)

    before = outer(_row(("a", str)))
    after = outer(_row(("a", str), ("b", int)))
    assert shape_digest(after) != shape_digest(before)


def test_shape_digest_is_the_same_in_another_process() -> None:
    script = (
        "from dossier.analyze.events import TimelineEvent\n"
        "from dossier.model import Card, Figure, SentenceReport, Statement\n"
        "from dossier.store.codec import shape_digest\n"
        "print(shape_digest(Card, SentenceReport, Statement, Figure, TimelineEvent))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == shape_digest(Card, SentenceReport, Statement, Figure, TimelineEvent)


# --- its place -------------------------------------------------------------------------------------


def test_it_does_not_import_the_analysis() -> None:
    script = (
        "import json, sys\n"
        "from dossier.model import Card\n"
        "from dossier.store.codec import decode, encode\n"
        "card = Card('a', 'b', None, (), None, False, '', None)\n"
        "assert decode(Card, encode(card)) == card\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('dossier'))))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = json.loads(found.stdout)
    assert "dossier.store.codec" in loaded
    assert not [m for m in loaded if m.startswith("dossier.analyze")]


def test_it_imports_nothing_of_dossier() -> None:
    tree = ast.parse(Path(codec.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported
    assert not [name for name in imported if name.split(".")[0] == "dossier"]


# --- any text --------------------------------------------------------------------------------------

_words = st.frozensets(st.text(max_size=12), max_size=40)
_reports = st.builds(
    SentenceReport,
    st.integers(0, 10_000), st.text(), st.text(), st.none() | st.text(), st.none() | st.text(), st.text(),
    st.booleans(), st.lists(st.text()).map(tuple), _words, _words, st.integers(), st.integers(),
)  # fmt: skip
_figures = st.builds(
    Figure,
    st.integers(), st.integers(), st.text(), st.floats(allow_nan=False), st.none() | st.text(), st.text(),
    st.text(), st.none() | st.text(), st.none() | st.text(), st.text(), st.integers(), st.text(),
    st.booleans(), st.none() | st.floats(allow_nan=False), st.text(),
)  # fmt: skip


@settings(derandomize=True, max_examples=200)
@given(_reports)
def test_any_report_round_trips(report: SentenceReport) -> None:
    back = decode(SentenceReport, encode(report))
    assert back == report
    assert _typed(back) == _typed(report)


@settings(derandomize=True, max_examples=200)
@given(_figures)
def test_any_figure_round_trips(figure: Figure) -> None:
    back = decode(Figure, encode(figure))
    assert back == figure
    assert repr(back) == repr(figure)  # floats as they were: integral ones, -0.0, infinities
