#!/usr/bin/env python3
"""Build this folder's site: ``python build.py`` (see ``python build.py build --help``)."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "src"))  # run from a checkout even before installing

from dossier.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(default_site=HERE, prog="build.py"))
