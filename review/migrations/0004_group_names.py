"""Groups stored under their English names get their Finnish and Swedish names."""

from django.db import migrations


def forwards(apps, schema_editor):
    from review.setup import name_groups

    name_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("review", "0003_workflow_names"), ("adoption", "0002_role_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
