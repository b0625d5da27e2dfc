"""What wagtail-localize translates and what it keeps in sync, for the fields every page has.

Each page type lists its own fields after these (``translatable_fields``), so that the decision
is written down per field instead of being derived from field types.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField

PAGE_FIELDS = [
    TranslatableField("title"),
    # Translated slugs give Swedish and English addresses; an untranslated slug stays Finnish.
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]
