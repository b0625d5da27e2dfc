"""Wagtail's database search backend, with field boosts kept on SQLite.

``WAGTAILSEARCH_BACKENDS`` names this module for the database backend. On PostgreSQL it is
modelsearch's own backend, which turns boosts into weights. modelsearch's SQLite backend keeps only
the ``title`` field apart (its ``title`` column) and puts every other search field, boosted or not,
into one ``body`` column, so a page's analysed summary (``indexing.pages``) counted there as much
as a sentence deep in its text. Here every boosted search field goes into the ``title`` column, and
``search.engine`` weighs that column more in bm25, as PostgreSQL and OpenSearch weigh boosted fields.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):
    """modelsearch's database backend for the default database; with SQLite's FTS5, ``sqlite``'s."""
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .sqlite import BoostedSQLiteSearchBackend  # its models exist only on SQLite

        return BoostedSQLiteSearchBackend(params)
    return backend
