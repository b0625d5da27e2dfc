from django.db import migrations


def load_classifications(apps, schema_editor):
    from taxonomy.seed_data import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load_classifications, migrations.RunPython.noop)]
