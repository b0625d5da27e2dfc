"""Authors and reviewers record adoptions; reviewers and site editors also approve, reject and delete them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Authors": ("add", "change", "view"),
    "Reviewers": ("add", "change", "view", "delete", "moderate"),
    "Site editors": ("add", "change", "view", "delete", "moderate"),
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("adoption")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_adoption" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="adoption", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("adoption", "0001_initial"), ("review", "0002_roles_and_workflows")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
