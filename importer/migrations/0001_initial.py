# ImportedSource moved here from models_library: only the state moves, the table stays.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("models_library", "0004_import_revision_and_entity_sections"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportedSource",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("source", models.CharField(max_length=255, unique=True, verbose_name="source file")),
                        ("imported_at", models.DateTimeField(auto_now=True, verbose_name="imported at")),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                        (
                            "revision",
                            models.ForeignKey(
                                help_text="The revision the last import made; a later one means an editor has changed the page.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="imported revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "imported source",
                        "verbose_name_plural": "imported sources",
                        "db_table": "models_library_importedsource",
                    },
                ),
            ],
            database_operations=[],
        ),
        # The content type follows the model, so that permissions and log entries keep pointing at it.
        migrations.RunSQL(
            "UPDATE django_content_type SET app_label = 'importer' "
            "WHERE app_label = 'models_library' AND model = 'importedsource'",
            migrations.RunSQL.noop,
        ),
    ]
