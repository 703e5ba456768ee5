"""The build cache: the only place with SQL.

- :mod:`~dossier.store.schema`: the tables, and the version a cache is discarded by;
- :mod:`~dossier.store.rows`: an article's facts as rows (made in the extraction worker);
- :mod:`~dossier.store.records`: what reads return, and the encoding of stored records;
- :mod:`~dossier.store.codec`: stored records as JSON and back;
- :mod:`~dossier.store.database`: :class:`~dossier.store.database.Store`, every query the build makes.

The store imports the records it keeps (``model``, ``changes``) and nothing of
the stages around it: the analysis's rules that rows are keyed by are handed in.
This package file imports none of its modules, so that the extraction worker,
which needs ``rows`` alone, does not load the queries: a change to them then
does not count as a change of the extractor (see ``versions.py``).
"""
