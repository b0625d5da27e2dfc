"""A RUM index on the boosted words of the search index entries' bodies, on PostgreSQL with the extension.

``search.engine`` ranks the matches of PostgreSQL's own search with the backend's ``ts_rank``,
which reads the whole body vector of every matching entry (out of line, in TOAST): at 100,000
descriptions a query's words match tens of thousands of entries and one ranking took seconds.
The RUM access method (Debian's ``postgresql-<version>-rum``, https://github.com/postgrespro/rum)
keeps each word's positions in the index and returns the entries ordered by their closeness to
the query (``vector <=> query``) without reading the rows. The index covers the boosted fields'
words of the body (weights A, B and C: the summary; the rest of the text has weight D), which
decide the backend's ranking (``search.engine.BOOSTED``), so only the best few entries need the
exact rank. Where the extension cannot be created (not installed, or the database user may not
create it) nothing is done and the search ranks every match; SQLite has no such index.
"""

import logging

from django.db import DatabaseError, migrations, transaction

INDEX = "search_indexentry_boosted_rum"
# The boosted words of an entry's body; search.engine.BOOSTED writes the same expression.
BOOSTED = "ts_filter(body, '{a,b,c}')"

logger = logging.getLogger(__name__)


def rum_extension(connection):
    """Whether the rum extension is in this database, creating it when it can."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT installed_version IS NOT NULL FROM pg_available_extensions WHERE name = 'rum'")
        row = cursor.fetchone()
    if row is None:
        return False
    if row[0]:
        return True
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    except DatabaseError as error:  # not allowed, or not loadable: the search ranks without it
        logger.warning("The rum extension could not be created (%s); PostgreSQL's search ranks every match.", error)
        return False
    return True


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or not rum_extension(connection):
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING rum (({BOOSTED}) rum_tsvector_ops)")
    # The statistics of the indexed expression: without them the planner guesses a thousand matches
    # and sorts them all rather than reading the index in its order.
    schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_title_trigram_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
