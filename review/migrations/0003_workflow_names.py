"""Workflows and tasks stored under their English names get their Finnish and Swedish names."""

from django.db import migrations


def forwards(apps, schema_editor):
    from review.setup import name_workflows

    name_workflows(apps)


class Migration(migrations.Migration):
    dependencies = [("review", "0002_roles_and_workflows")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
