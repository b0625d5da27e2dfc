"""A trigram index on page titles, on PostgreSQL, for the search box's title suggestions.

``search.query.title_suggestions`` looks for titles with a word starting with what was typed
(``UPPER(title) LIKE 'WORD%' OR LIKE '% WORD%' OR LIKE '%-WORD%'``): without an index that reads
every page (about 200 ms at 100,000 descriptions, ``make bench-search``). pg_trgm's GIN index on
the upper-cased title answers those patterns. SQLite has no such index; nothing is done there.
"""

from django.db import migrations

INDEX = "search_page_title_upper_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page USING gin (UPPER(title) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_related_model"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
