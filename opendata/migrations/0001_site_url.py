from django.db import migrations


def apply(apps, schema_editor):
    from opendata.site_url import apply_site_url

    apply_site_url(apps.get_model("wagtailcore", "Site"))


class Migration(migrations.Migration):
    """The default site's hostname and port from SITE_URL (it was created as ``localhost``, port 80)."""

    dependencies = [("home", "0002_create_homepage")]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
