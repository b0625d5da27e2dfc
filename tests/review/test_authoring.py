"""Authoring that guides: the dashboard's "new operating model" action, page types described in the chooser,
plain-ASCII addresses like the importer's, and the reviewer's comment at the top of the editor."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.text import slugify

from models_library.blocks import DescriptionBlock, SectionTextBlock
from models_library.models import OperatingModelPage
from models_library.sections import REQUIRED_TO_PUBLISH
from taxonomy.models import Area

from .conftest import description_form, edit_url
from .test_role_matrix import in_review, workflow_action

pytestmark = pytest.mark.django_db


def in_admin_language(message):
    with i18n.override(settings.LANGUAGE_CODE):
        return i18n.gettext(message)


def test_the_authors_dashboard_offers_a_new_operating_model(client, site):
    add_url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    client.force_login(site.user("author"))
    assert add_url in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(add_url).status_code == 200
    client.force_login(site.user("translator_sv"))
    assert add_url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_page_type_chooser_describes_the_types(client, site):
    client.force_login(site.user("site_editor"))
    html = client.get(reverse("wagtailadmin_pages:add_subpage", args=[site.library.pk])).content.decode()
    assert in_admin_language(str(OperatingModelPage.page_description)) in html


def test_new_and_imported_pages_get_the_same_plain_address(site):
    title = "Perhepysäkki Åland – öisin"
    page = site.library.add_child(
        instance=OperatingModelPage(
            title=title, short_description="Perheiden kohtaamispaikka.", organisation=site.organisation
        )
    )
    assert page.slug == "perhepysakki-aland-oisin" == slugify(title)


def test_the_reviewers_comment_heads_the_authors_editor_until_resubmitted(client, site):
    page = in_review(site)
    client.force_login(site.user("reviewer"))
    workflow_action(client, page, "reject", comment="Lisää kohderyhmän kuvaus.")
    client.force_login(site.user("author"))
    assert "Lisää kohderyhmän kuvaus." in client.get(edit_url(page)).content.decode()
    client.post(edit_url(page), description_form(page, **{"action-submit": "1"}))
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert "Lisää kohderyhmän kuvaus." not in client.get(edit_url(page)).content.decode()


def test_a_new_operating_model_starts_with_the_required_sections(client, site):
    add_url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    client.force_login(site.user("author"))
    body = client.get(add_url).context["form"].initial["body"]
    assert [child.block_type for child in body] == REQUIRED_TO_PUBLISH


def test_a_saved_operating_model_keeps_its_own_sections(client, site):
    page = site.library.add_child(
        instance=OperatingModelPage(
            title="Tyhjä kuvaus", short_description="Ei osioita.", organisation=site.organisation
        )
    )
    client.force_login(site.user("site_editor"))
    assert list(client.get(edit_url(page)).context["form"].initial["body"]) == []


def test_the_editor_shows_each_text_sections_help_text():
    for block in DescriptionBlock().child_blocks.values():
        if isinstance(block, SectionTextBlock):
            assert block.field.help_text == block.meta.help_text


def test_the_area_chooser_groups_municipalities_under_their_county(client, site):
    add_url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    client.force_login(site.user("author"))
    response = client.get(add_url)
    choices = dict((label, options) for label, options in response.context["form"].fields["areas"].widget.choices)
    county = Area.objects.get(name="Etelä-Savon hyvinvointialue", locale__language_code="fi")
    mikkeli = Area.objects.get(name="Mikkeli", locale__language_code="fi")
    assert (county.pk, "Etelä-Savon hyvinvointialue (koko hyvinvointialue)") in choices[county.name]
    assert (mikkeli.pk, "Mikkeli") in choices[county.name]
    html = response.content.decode()
    assert "models_library/area-chooser.js" in html and 'data-area-chooser="Hae alueita nimellä"' in html
