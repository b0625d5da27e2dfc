# ImportedSource now lives in the importer app (same table); only the state is removed here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("models_library", "0004_import_revision_and_entity_sections"),
        ("importer", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ImportedSource")],
            database_operations=[],
        ),
    ]
