"""Wagtail's database search backend, with field boosts kept on SQLite.

``WAGTAILSEARCH_BACKENDS`` names this module for the database backend. On PostgreSQL it is
modelsearch's own backend, which turns boosts into weights. On SQLite it is the backend of
``search.upstream_modelsearch``, which keeps the boosts that modelsearch's SQLite backend drops.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):
    """modelsearch's database backend for the default database; with SQLite's FTS5, ``sqlite``'s."""
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from ..upstream_modelsearch import BoostedSQLiteSearchBackend  # its models exist only on SQLite

        return BoostedSQLiteSearchBackend(params)
    return backend
