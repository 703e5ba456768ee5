#!/usr/bin/env python3
"""The build cache's JSON codec against pickle, on records shaped like a large site's.

    python bench/codec.py [--scale 1.0] [--repeat 5] [--seed 1]

Builds 20,000 sentence reports (30-word feature sets), 2,000 timeline events
(10 sources each), 10,000 cards, 5,000 statements and 5,000 figures (times
``--scale``), then encodes and decodes each kind one record at a time, as the
cache does, with :mod:`dossier.store.codec`, with ``pickle`` and with the
cache's restricted unpickler (what reading a record cost before). Each time is
the best of ``--repeat`` runs; sizes are the total bytes stored (UTF-8 for JSON).
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dossier import cache  # noqa: E402
from dossier.analyze.events import TimelineEvent  # noqa: E402
from dossier.model import Card, EventSource, Figure, SentenceReport, Statement  # noqa: E402
from dossier.store.codec import decode, encode  # noqa: E402
from dossier.timex import parse_timex, week_value  # noqa: E402

WORDS = (
    "militia attack base drawdown coalition parliament vote troops withdrawal talks oil dollar "
    "strike drone rocket embassy minister prime government commander forces security agreement "
    "border province city capital council election protest ceasefire negotiation sanctions "
    "رئيس الوزراء بغداد الحكومة القوات الأمريكية الانسحاب الفصائل البرلمان "
    "Baghdad Erbil Anbar Basra Kirkuk Mosul Tehran Washington Damascus Gaza"
).split()
ENTITIES = [f"@entity-{i}" for i in range(300)]
PROTOCOL = pickle.HIGHEST_PROTOCOL  # as the cache pickles


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) + rng.choice(("", "s", "ed", "ing", "’s")) for _ in range(words)) + "."


def _features(rng: random.Random, size: int) -> frozenset[str]:
    found: set[str] = set(rng.sample(ENTITIES, 3))
    while len(found) < size:
        found.add(rng.choice(WORDS) + rng.choice(("", "s", "ed", "ing")) + str(rng.randrange(40)))
    return frozenset(found)


def _day(rng: random.Random) -> date:
    return date(2022, 1, 1) + timedelta(days=rng.randrange(1100))


def reports(rng: random.Random, n: int) -> list[SentenceReport]:
    made = []
    for i in range(n):
        day = _day(rng).isoformat() if rng.random() < 0.8 else None
        fields = (i % 60, f"s{i % 60 + 1}", _sentence(rng, 28), day, rng.choice((None, None, "MID")),
                  "on Thursday" if day else "", rng.random() < 0.1, tuple(rng.sample(ENTITIES, 3)),
                  _features(rng, 30), _features(rng, 8), rng.randrange(200), rng.randrange(60))  # fmt: skip
        made.append(SentenceReport(*fields))
    return made


def _source(rng: random.Random, day: date, j: int) -> EventSource:
    fields = (f"article-{rng.randrange(3000)}", _sentence(rng, 25), f"s{rng.randrange(60)}", "on Thursday",
              rng.random() < 0.9, f"{day.isoformat()}|article-{j}|{j:05d}")  # fmt: skip
    return EventSource(*fields)


def events(rng: random.Random, n: int) -> list[TimelineEvent]:
    made = []
    for i in range(n):
        day = _day(rng)
        timex = parse_timex(day.isoformat())
        assert timex is not None
        sources = tuple(_source(rng, day, j) for j in range(10))
        fields = (f"event-{i}", week_value(day), timex, f"{day.day} {day:%B %Y}", False,
                  tuple(rng.sample(ENTITIES, 4)), sources[:7], _features(rng, 30), sources[7:])  # fmt: skip
        made.append(TimelineEvent(*fields))
    return made


def cards(rng: random.Random, n: int) -> list[Card]:
    made = []
    for i in range(n):
        fields = (f"article-{i}", _sentence(rng, 9), rng.choice(("Reuters", "Rudaw", None)),
                  ("Ahmed Rasheed", "Layla Hamid")[: rng.randrange(3)], _day(rng).isoformat(),
                  rng.random() < 0.05, _sentence(rng, 40), rng.choice(("en", "ar", None)))  # fmt: skip
        made.append(Card(*fields))
    return made


def statements(rng: random.Random, n: int) -> list[Statement]:
    made = []
    for _ in range(n):
        fields = (rng.randrange(5000), rng.randrange(5000, 9000), _sentence(rng, 20),
                  rng.choice(ENTITIES)[1:], rng.choice((None, "entity-3")),
                  rng.choice((None, "a senior fellow at the institute")), "entity",
                  rng.choice(("direct", "reported")), rng.randrange(60),
                  rng.choice(("", "the junta")))  # fmt: skip
        made.append(Statement(*fields))
    return made


def figures(rng: random.Random, n: int) -> list[Figure]:
    made = []
    for _ in range(n):
        fields = (rng.randrange(5000), rng.randrange(5000, 9000), "about 2,500 American soldiers",
                  float(rng.randrange(1, 10000)), rng.choice((None, "about")), "troops", "American soldiers",
                  rng.choice((None, "iraq")), rng.choice((None, "2024-10")), "", rng.randrange(60),
                  "soldiers", rng.random() < 0.1, None, _sentence(rng, 25))  # fmt: skip
        made.append(Figure(*fields))
    return made


def measure(cls: type, records: Sequence[Any], repeat: int) -> dict[str, float]:
    """Times (the best of ``repeat`` runs, taking turns so that a busy machine slows all alike) and sizes."""
    texts = [encode(r) for r in records]
    blobs = [pickle.dumps(r, protocol=PROTOCOL) for r in records]
    assert [decode(cls, t) for t in texts] == list(records), f"{cls.__name__} does not round-trip"
    work: dict[str, Callable[[], object]] = {
        "json enc": lambda: [encode(r) for r in records],
        "pickle enc": lambda: [pickle.dumps(r, protocol=PROTOCOL) for r in records],
        "json dec": lambda: [decode(cls, t) for t in texts],
        "pickle dec": lambda: [pickle.loads(b) for b in blobs],
        "cache dec": lambda: [cache.loads(b) for b in blobs],
    }
    times = {name: float("inf") for name in work}
    for _ in range(repeat):
        for name, run in work.items():
            start = time.perf_counter()
            run()
            times[name] = min(times[name], time.perf_counter() - start)
    return {
        **times,
        "json KB": sum(len(t.encode("utf-8")) for t in texts) / 1024,
        "pickle KB": sum(len(b) for b in blobs) / 1024,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every record count (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    def count(n: int) -> int:
        return max(1, round(n * float(args.scale)))

    kinds: list[tuple[type, Sequence[Any]]] = [
        (SentenceReport, reports(rng, count(20_000))),
        (TimelineEvent, events(rng, count(2_000))),
        (Card, cards(rng, count(10_000))),
        (Statement, statements(rng, count(5_000))),
        (Figure, figures(rng, count(5_000))),
    ]
    columns = ["json enc", "pickle enc", "json dec", "pickle dec", "cache dec", "json KB", "pickle KB"]
    print(f"{'records':<22}" + "".join(f"{c:>12}" for c in columns) + f"{'dec ratio':>11}")
    total = dict.fromkeys(columns, 0.0)
    for cls, records in kinds:
        row = measure(cls, records, args.repeat)
        for c in columns:
            total[c] += row[c]
        _print_row(f"{len(records):,} {cls.__name__}", row, columns)
    _print_row(f"{sum(len(r) for _, r in kinds):,} in all", total, columns)
    print(f"times in ms (best of {args.repeat}); dec ratio: json dec / pickle dec (json dec / cache dec)")


def _print_row(label: str, row: dict[str, float], columns: list[str]) -> None:
    cells = "".join(f"{row[c]:>12,.0f}" if c.endswith("KB") else f"{row[c] * 1000:>12.1f}" for c in columns)
    ratio = f"{row['json dec'] / row['pickle dec']:.2f} ({row['json dec'] / row['cache dec']:.2f})"
    print(f"{label:<22}{cells}{ratio:>14}")


if __name__ == "__main__":
    main()
