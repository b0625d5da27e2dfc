"""Machine translation for wagtail-localize, configured from the environment.

Imported by the settings, so it imports nothing from Django. Without any of the variables below
the site has no machine translator: translators work by hand and nothing else changes.

- ``DEEPL_API_KEY``: DeepL (a free-plan key ends in ``:fx`` and uses DeepL's free endpoint).
  ``DEEPL_FORMALITY`` optionally asks for ``prefer_more`` or ``prefer_less`` formal text.
- ``LIBRETRANSLATE_URL`` (and ``LIBRETRANSLATE_API_KEY`` if the server needs one): a
  LibreTranslate server, for example one run by the organisation itself.

DeepL wins when both are set.
"""


def machine_translator_from_env(environ):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting for these variables, or None."""
    deepl_key = environ.get("DEEPL_API_KEY", "").strip()
    if deepl_key:
        options = {"AUTH_KEY": deepl_key}
        formality = environ.get("DEEPL_FORMALITY", "").strip()
        if formality:
            options["FORMALITY"] = formality
        return {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator", "OPTIONS": options}
    libretranslate_url = environ.get("LIBRETRANSLATE_URL", "").strip()
    if libretranslate_url:
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url.rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        }
    return None
