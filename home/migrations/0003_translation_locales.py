from django.db import migrations

# Finnish is the source; Swedish and English are the languages content is translated into.
TRANSLATION_LANGUAGES = ("sv", "en")


def create_locales(apps, schema_editor):
    """The Swedish and English locales, so that pages and classifications can be translated."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code in TRANSLATION_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage")]

    # Reversing keeps the locales: content in them may exist by then.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
