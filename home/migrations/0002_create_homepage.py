from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page with the Finnish home page and point the default site at it."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    locale, _ = Locale.objects.get_or_create(language_code="fi")
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="Toimintamallikirjasto",
        draft_title="Toimintamallikirjasto",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="<p>Hyvinvointialueiden ja järjestöjen toimintamallit kuvattuina niin, "
        "että muut voivat ottaa ne käyttöön.</p>",
    )
    Site.objects.create(
        hostname="localhost", root_page=homepage, is_default_site=True, site_name="Toimintamallikirjasto"
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
