"""TempEval adapter: ``python -m dossier.tempeval < docs.jsonl > spans.jsonl``.

Reads one JSON document a line (``doc_id``, ``text``, ``dct``) and writes the
date expressions the build's own tagger finds, with TimeML span conventions
(see ``../shared/eval/tempeval/README.md`` in the project's evaluation data).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date

from dossier.extract.dates import TIMEML, tag_dates


def timeml_value(value: str | None) -> str | None:
    """TimeML writes week numbers without a leading zero (1998-W7)."""
    return None if value is None else re.sub(r"-W0(\d)\b", r"-W\1", value)


def spans_for(document: dict) -> dict:
    dct = document.get("dct")
    published = date.fromisoformat(dct[:10]) if dct else None
    mentions = tag_dates(document["text"], published, profile=TIMEML)
    return {
        "doc_id": document["doc_id"],
        "spans": [{"start": m.start, "end": m.end, "value": timeml_value(m.value)} for m in mentions],
    }


def run(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if line.strip():
            yield json.dumps(spans_for(json.loads(line)), ensure_ascii=False)


def main() -> int:
    for out in run(sys.stdin):
        sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
