"""Allow ``python -m dossier``."""

from dossier.cli import main

raise SystemExit(main())
