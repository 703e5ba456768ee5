"""The render stage: page plans from the cache (pages.py), HTML (site.py), JSON exports (exports.py)."""
