"""The site's languages, defined once: Finnish is the source language, Swedish and English translations.

Descriptions and classifications are written in the source language; each translation language has
its own translators, language reviewers and review workflow. Settings build ``LANGUAGES`` from here,
and every app reads these names instead of spelling out ``"fi"``, ``"sv"`` or ``"en"``.
"""

SOURCE_LANGUAGE = "fi"
# Each language with its name in that language (the language switcher and the admin show these).
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
# English names of the translation languages, for group and workflow names in the admin.
TRANSLATION_LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}
TRANSLATION_LANGUAGES = tuple(TRANSLATION_LANGUAGE_NAMES)
ALL_LANGUAGES = (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES)

# Query filters for objects in the source language (classifications, pages), e.g. as ``limit_choices_to``.
SOURCE_LOCALE = {"locale__language_code": SOURCE_LANGUAGE}


def source_locale():
    """The Locale of the source language."""
    from wagtail.models import Locale  # imported here: settings import this module before apps load

    return Locale.objects.get_for_language(SOURCE_LANGUAGE)
