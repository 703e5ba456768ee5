#!/usr/bin/env python3
"""Extraction time for one paragraph of each pathological pattern (see tests/pathological.py).

    python bench/pathological.py [--size 200000]

Prints the seconds each paragraph of ``--size`` characters takes to extract with the site's
registry; each once grew with the square of its length.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from dossier.extract.entities import Matcher  # noqa: E402
from dossier.extract.registry import load_registry  # noqa: E402
from tests.pathological import PATTERNS, extraction_seconds  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200_000, help="characters per paragraph")
    size = parser.parse_args().size
    matcher = Matcher(load_registry(ROOT / "entities.yaml", base=True))
    for pattern in PATTERNS:
        print(
            f"{extraction_seconds(matcher, pattern, size):7.2f} s  {pattern} ({size:,} characters)",
            flush=True,
        )


if __name__ == "__main__":
    main()
