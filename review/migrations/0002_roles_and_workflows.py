"""The editorial roles as groups, their permissions, and a review workflow per language.

Replaces Wagtail's default "Moderators approval" workflow on the root page. The Finnish home
page gets "Description review"; the Swedish and English home pages get their translation
review when they exist (here, or later through ``review.signals``).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from review.setup import create_all_permissions, replace_default_workflow, setup_roles

    create_all_permissions(apps)
    replace_default_workflow(apps)
    setup_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("taxonomy", "0002_initial_classifications"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
