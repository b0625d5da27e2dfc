"""What the search index holds for a page: its text, analysed by ``indexing.analysis``.

Each searchable page type lists the fields whose text is analysed (``analysed_fields``) and
indexes ``analysed_text`` as a search field. The analysis (base forms, compound parts,
folded diacritics) happens here, once, so SQLite, PostgreSQL and OpenSearch all match the
same tokens.
"""

from django.db import models
from django.utils.html import strip_tags
from wagtail.search import index

from core.languages import SOURCE_LANGUAGE

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
# How much more a match in the title and summary counts, where the engine weighs fields (PostgreSQL,
# OpenSearch; SQLite's database backend indexes it as more body text).
SUMMARY_BOOST = 2
# Without a summary, this many opening words of the text are the page's summary.
LEAD_WORDS = 60


# The classifications a page is narrowed by, each a many-to-many field of items with a slug (an
# area's county, its ``parent``, counts too), under the name of the search facet.
FACET_FIELDS = {"area": "areas", "theme": "themes", "target_group": "target_groups", "funder": "funders", "tag": "tags"}


def analysed_search_fields():
    """The search fields that hold a page's analysed text, and its facet terms for a search engine to count."""
    return [
        index.SearchField("analysed_text"),
        index.SearchField("analysed_summary", boost=SUMMARY_BOOST),
        index.FilterField("facet_terms"),
    ]


class AnalysedSearchMixin(models.Model):
    """For page types: ``analysed_text`` is the analysed text of ``analysed_fields`` and classifications.

    An abstract model rather than a plain mixin: the Elasticsearch-family backends look up the
    model that defines each search field.
    """

    analysed_fields = ("title",)
    # The fields that say what the page is about in a sentence or two; indexed once more, boosted.
    summary_fields = ()

    class Meta:
        abstract = True

    def classification_names(self):
        """Names of the page's classifications, in the page's language where translated; overridden per type."""
        return []

    def fields_text(self, names):
        """The plain text of the named fields, as the index sees it before analysis."""
        return "\n".join(text for name in names for text in field_text(self, name))

    def summary_text(self):
        """The page's own summary: a description's short description, an article's introduction."""
        return strip_tags(self.fields_text(self.summary_fields)).strip()

    def analysed_text(self):
        parts = [self.title] * (TITLE_WEIGHT - 1)
        parts += [self.fields_text(self.analysed_fields)]
        parts.extend(self.classification_names())
        return analyse("\n".join(parts), self.language_code())

    def analysed_summary(self):
        """The analysed title and summary: matches here weigh more (a boosted search field).

        Without a summary, the opening words of the text stand in for it, as a lead would.
        """
        summary = self.summary_text()
        if not summary:
            text = self.fields_text(name for name in self.analysed_fields if name != "title")
            summary = " ".join(text.split()[:LEAD_WORDS])
        return analyse(f"{self.title}\n{summary}", self.language_code())

    def facet_terms(self):
        """``key:value`` for each facet value of the page (``type:`` its model's name, ``stage:`` its
        development stage, the others the slugs of its classifications), as ``search.facets`` names them."""
        terms = [f"type:{self._meta.model_name}"]
        if stage := getattr(self, "development_stage", ""):
            terms.append(f"stage:{stage}")
        for key, name in FACET_FIELDS.items():
            if not any(field.name == name for field in self._meta.get_fields()):
                continue
            for item in getattr(self, name).all():
                parent = getattr(item, "parent", None)
                terms += [f"{key}:{item.slug}"] + ([f"{key}:{parent.slug}"] if parent else [])
        return terms

    def language_code(self):
        return self.locale.language_code if self.locale_id else SOURCE_LANGUAGE
