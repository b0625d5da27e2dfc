"""Covers gaps in Wagtail's admin translations.

1. Some labels are written into Wagtail's admin templates in English, without ``{% trans %}``:
   the search forms' "Search" button for screen readers (``wagtailadmin/home.html`` and
   ``wagtailadmin/shared/header.html``) and the header's "Actions" navigation label
   (``wagtailadmin/shared/headers/_actions.html``). ``static/review/admin-language.js``
   (``admin_language_script``, on every admin page) translates them with Wagtail's own JavaScript
   catalog, which has both messages. Remove it when Wagtail's templates translate them
   (``tests/review/test_admin_language.py`` notices).
2. Script messages missing from Wagtail's Finnish and Swedish ``djangojs`` catalogs ("Search
   options…" in the block menu, the autosave messages, ...) are supplied by the project's
   ``locale/*/LC_MESSAGES/djangojs.po``, which Wagtail's JavaScript catalog merges after its own.
"""

from django.templatetags.static import static
from django.utils.html import format_html


def admin_language_script():
    """The script that puts the labels Wagtail's templates leave in English into the user's language."""
    return format_html('<script src="{}"></script>', static("review/admin-language.js"))
