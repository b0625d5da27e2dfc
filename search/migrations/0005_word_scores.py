"""Each search index entry's score for each of its words, on PostgreSQL, kept by triggers.

The backend ranks a match with ``ts_rank``, which reads the whole body vector of the entry (out of
line, in TOAST); at 100,000 descriptions the words of a query match tens of thousands of entries,
and ranking them all took seconds. For a query of alternative words ``ts_rank`` is the mean of
each word's own rank, and a query of all words multiplies such ranks (``search.engine``), so an
entry's rank for any query the search page makes follows from its rank for each word. This table
keeps those: a row for each word of each entry, with the rank of the title and of the body for
that word alone and their sum as the backend weighs them (``score``); an index gives each word's
entries best first. ``search.engine.word_score_matches`` reads the best few of each word and ranks
them without reading a vector.

Row triggers on the index entries' table write an entry's rows when it is written, change its
title's words' scores when only its title's weight (``title_norm``) changes, and remove them with
it; a statement trigger empties the table when the entries' table is truncated. A page's generic
entry (its title again, as a ``Page``) has no rows: ``search.engine`` ranks it from the page's own. The weights are the
backend's (``modelsearch``'s ``get_sql_weights``) when this migration runs; a test compares them.
SQLite has no such table: its full-text index ranks the best matches itself.

This replaces migration 0003's RUM index, which is dropped.
"""

from django.db import migrations

TABLE = "search_word_score"
FUNCTION = "search_word_scores"
TRUNCATE_FUNCTION = "search_word_scores_truncated"
ROWS_FUNCTION = "search_entry_word_scores"


def weights():
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    return get_sql_weights()


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    # Every page is indexed as a Page too, with its title alone: search.engine ranks those entries
    # from the title's scores of the page's own entry.
    content_types = apps.get_model("contenttypes", "ContentType").objects
    page_type = content_types.get_for_model(apps.get_model("wagtailcore", "Page")).pk
    schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_boosted_rum")
    schema_editor.execute(
        f"""
        CREATE TABLE {TABLE} (
            entry_id integer NOT NULL,
            lexeme text NOT NULL,
            title real NOT NULL,
            body real NOT NULL,
            score real NOT NULL,
            PRIMARY KEY (entry_id, lexeme)
        );
        CREATE INDEX {TABLE}_best ON {TABLE} (lexeme, score DESC, entry_id);

        -- An entry's rows: each word of its title or body, with the rank of each for the word alone
        -- (the word quoted as a query, its quotes and backslashes escaped). The vectors are read once
        -- into plain copies: ts_rank would otherwise fetch a long one from TOAST for every word.
        CREATE FUNCTION {ROWS_FUNCTION}(entry_title tsvector, entry_body tsvector, title_norm double precision)
        RETURNS TABLE (word_lexeme text, word_title real, word_body real, word_score real)
        LANGUAGE plpgsql STABLE AS $$
        DECLARE
            plain_title tsvector := entry_title || ''::tsvector;
            plain_body tsvector := entry_body || ''::tsvector;
        BEGIN
            RETURN QUERY
            SELECT w.lexeme, r.title, r.body, (title_norm * r.title + r.body)::real
            FROM (SELECT lexeme FROM unnest(plain_title) UNION SELECT lexeme FROM unnest(plain_body)) AS w,
                 LATERAL (SELECT ('''' || replace(replace(w.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery
                          AS query) AS q,
                 LATERAL (SELECT ts_rank('{weights()}', plain_title, q.query) AS title,
                                 ts_rank('{weights()}', plain_body, q.query) AS body) AS r;
        END
        $$;

        -- Without statistics (a table filled inside one long transaction has none) the planner may read
        -- the whole table for an entry's rows; they are always few, so their index is used.
        CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.title = OLD.title AND NEW.body = OLD.body THEN
                IF NEW.title_norm <> OLD.title_norm THEN  -- only the title's words weigh it
                    UPDATE {TABLE} SET score = NEW.title_norm * title + body WHERE entry_id = NEW.id AND title > 0;
                END IF;
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM {TABLE} WHERE entry_id = OLD.id;
            END IF;
            IF TG_OP <> 'DELETE' AND NEW.content_type_id <> {page_type} THEN
                INSERT INTO {TABLE} (entry_id, lexeme, title, body, score)
                SELECT NEW.id, word.* FROM {ROWS_FUNCTION}(NEW.title, NEW.body, NEW.title_norm) AS word;
            END IF;
            RETURN NULL;
        END
        $$;

        CREATE FUNCTION {TRUNCATE_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE {TABLE};
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER {FUNCTION} AFTER INSERT OR UPDATE OR DELETE ON {entries}
            FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();
        CREATE TRIGGER {TRUNCATE_FUNCTION} AFTER TRUNCATE ON {entries}
            FOR EACH STATEMENT EXECUTE FUNCTION {TRUNCATE_FUNCTION}();

        -- The entries already indexed.
        INSERT INTO {TABLE} (entry_id, lexeme, title, body, score)
        SELECT entry.id, word.*
        FROM {entries} AS entry, {ROWS_FUNCTION}(entry.title, entry.body, entry.title_norm) AS word
        WHERE entry.content_type_id <> {page_type};
        ANALYZE {TABLE};
        """
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"""
        DROP TRIGGER IF EXISTS {FUNCTION} ON {entries};
        DROP TRIGGER IF EXISTS {TRUNCATE_FUNCTION} ON {entries};
        DROP FUNCTION IF EXISTS {FUNCTION}();
        DROP FUNCTION IF EXISTS {TRUNCATE_FUNCTION}();
        DROP FUNCTION IF EXISTS {ROWS_FUNCTION}(tsvector, tsvector, double precision);
        DROP TABLE IF EXISTS {TABLE};
        """
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_title_words"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(create, drop)]
