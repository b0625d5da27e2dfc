"""What the search index holds for a page: its text, analysed by ``search.analysis``.

Each searchable page type lists the fields whose text is analysed (``analysed_fields``) and
indexes ``analysed_text`` as a search field. The analysis (base forms, compound parts,
folded diacritics) happens here, once, so SQLite, PostgreSQL and OpenSearch all match the
same tokens.
"""

from django.db import models
from django.utils.html import strip_tags

from .analysis import analyse


def field_text(instance, name):
    """The plain text of one field of a page, as Wagtail's own indexing extracts it."""
    field = instance._meta.get_field(name)
    value = getattr(instance, name)
    if value is None:
        return []
    if hasattr(field, "get_searchable_content"):
        return [strip_tags(str(part)) for part in field.get_searchable_content(value)]
    return [str(value)]


# The title's tokens count this many times: a weight that works the same in every engine's ranking.
TITLE_WEIGHT = 3


class AnalysedSearchMixin(models.Model):
    """For page types: ``analysed_text`` is the analysed text of ``analysed_fields`` and classifications.

    An abstract model rather than a plain mixin: the Elasticsearch-family backends look up the
    model that defines each search field.
    """

    analysed_fields = ("title",)

    class Meta:
        abstract = True

    def classification_names(self):
        """Names of the page's classifications, in the page's language where translated; overridden per type."""
        return []

    def analysed_text(self):
        parts = [self.title] * (TITLE_WEIGHT - 1)
        parts += [text for name in self.analysed_fields for text in field_text(self, name)]
        parts.extend(self.classification_names())
        return analyse("\n".join(parts), self.locale.language_code if self.locale_id else "fi")
