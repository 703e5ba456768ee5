"""The store's tables: an article's own rows are the fields of ArticleRows, inserted by column name."""

from __future__ import annotations

from dataclasses import fields

from dossier.store.rows import ArticleRows
from dossier.store.schema import ARTICLE_TABLES, COLUMNS


def test_every_table_of_an_articles_rows_is_a_field_of_its_rows() -> None:
    names = {f.name for f in fields(ArticleRows)}
    assert set(ARTICLE_TABLES) - {"articles"} <= names
    assert all("slug" in COLUMNS[table] for table in ARTICLE_TABLES)  # what removing an article deletes by


def test_the_columns_are_read_from_the_tables() -> None:
    assert COLUMNS["meta"] == ("key", "value")
    assert COLUMNS["mentions"] == ("entity", "slug", "day", "count", "sentence", "anchor", "digest")
    assert COLUMNS["articles"][:3] == ("slug", "key", "path")
