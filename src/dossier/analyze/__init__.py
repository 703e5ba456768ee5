"""The analyze stage: cross-article views computed from the cache.

events.py merges dated reports into happenings within a bucket of compatible
dates; corroborate.py attaches undated reports; related.py finds related
articles among neighbours in time; topics.py and suggest.py summarize an
entity and the unknown names. :mod:`dossier.incremental` runs them for
exactly the keys an edit touched.
"""
