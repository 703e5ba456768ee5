"""dossier: turn a folder of news articles into a cross-linked news-analysis site."""

__version__ = "0.1.0"
