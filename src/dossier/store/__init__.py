"""The build cache: the only place with SQL.

- :mod:`~dossier.store.schema`: the tables, and the version a cache is discarded by;
- :mod:`~dossier.store.rows`: an article's facts as rows (made in the extraction worker);
- :mod:`~dossier.store.records`: what reads return, and the encoding of stored records;
- :mod:`~dossier.store.database`: :class:`Store`, every query the build makes.

The store imports the records it keeps (``model``, ``changes``) and nothing of
the stages around it: the analysis's rules that rows are keyed by are handed in.
"""

from dossier.store.database import Store, discard, is_damage, version
from dossier.store.records import CacheDamaged

__all__ = ["CacheDamaged", "Store", "discard", "is_damage", "version"]
