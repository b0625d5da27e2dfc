"""Covers a gap in modelsearch (Wagtail's search backends): its SQLite backend loses parentheses.

modelsearch's SQLite backend writes an ``Or`` inside an ``And`` without parentheses, so FTS5 reads
"a AND (b OR c)" as "(a AND b) OR c" (``CombinedLexeme.as_sql``). ``search.engine`` builds its FTS5
match with ``FTS5Query`` instead. ``tests/search_backends/test_upstream_gaps.py`` fails once
modelsearch writes the parentheses itself, and this module can then go.
"""

from django.db.models import Expression, TextField
from modelsearch.query import And, Or, PlainText


class FTS5Query(Expression):
    """A search query as FTS5 syntax, with the parentheses its nesting needs.

    modelsearch's SQLite backend writes an ``Or`` inside an ``And`` without parentheses, so FTS5
    reads "a AND (b OR c)" as "(a AND b) OR c" (``CombinedLexeme.as_sql``);
    Takes the plain words, ``And`` and ``Or`` that the search page makes.
    """

    output_field = TextField()

    def __init__(self, query):
        super().__init__()
        self.query = query

    def as_sql(self, compiler, connection):
        return "%s", [self.syntax(self.query)]

    @classmethod
    def syntax(cls, query):
        if isinstance(query, PlainText):
            joiner = " AND " if query.operator == "and" else " OR "
            terms = ['"{}"'.format(term.replace('"', '""')) for term in query.query_string.split()]
        elif isinstance(query, (And, Or)):
            joiner = " AND " if isinstance(query, And) else " OR "
            terms = [cls.syntax(subquery) for subquery in query.subqueries]
        else:
            raise TypeError(f"No FTS5 syntax for {query!r}")
        return f"({joiner.join(terms)})"
