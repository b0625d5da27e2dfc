"""A site with every role, two organisations and a Swedish and English tree.

The locales' home pages and libraries are made the way wagtail-localize makes them when a
translator first translates a page, so these tests do not depend on how the demo creates them.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from review.models import Membership
from review.roles import AUTHORS, REVIEWERS, SITE_EDITORS, language_reviewers, translators
from taxonomy.models import Organisation
from tests.factories import OperatingModelPageFactory
from tests.form_data import CORE_SECTIONS, operating_model_data

ROLE_GROUPS = {
    "author": AUTHORS,
    "reviewer": REVIEWERS,
    "translator_sv": translators("sv"),
    "translator_en": translators("en"),
    "language_reviewer_sv": language_reviewers("sv"),
    "language_reviewer_en": language_reviewers("en"),
    "site_editor": SITE_EDITORS,
}


def translate(page, language_code, user=None):
    """Create the draft translation of ``page`` (and of its untranslated parents) with wagtail-localize."""
    locale = Locale.objects.get(language_code=language_code)
    TranslationCreator(user, [locale]).create_translations(page)
    return page.get_translation(locale).specific


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def description_form(page, **fields):
    """Admin form data that saves ``page`` with complete, publishable content."""
    data = operating_model_data(CORE_SECTIONS, **{"slug": page.slug, "title": page.title, **fields})
    if "organisation" not in fields:
        data["organisation"] = str(page.organisation_id or "")
    data["authors-INITIAL_FORMS"] = "0"
    return data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@dataclass
class Site:
    library: Page
    organisation: Organisation
    other_organisation: Organisation
    users: dict

    def user(self, role):
        return self.users[role]

    def description(self, organisation=None, live=False, **kwargs):
        """A Finnish operating model with a saved revision; a draft unless ``live``."""
        page = OperatingModelPageFactory(
            parent=self.library, organisation=organisation or self.organisation, live=live, **kwargs
        )
        page.save_revision(user=self.users["author"])
        if live:
            publish(page)
        return page


def make_user(username, group_name, organisation=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.fi", "toimintamallit")
    user.groups.add(Group.objects.get(name=group_name))
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def site(library):
    fi = Locale.objects.get(language_code="fi")
    organisation = Organisation.objects.create(name="Etelä-Savon hyvinvointialue", locale=fi)
    other = Organisation.objects.create(name="Päijät-Hämeen hyvinvointialue", locale=fi)
    users = {
        role: make_user(role, group, organisation if group == AUTHORS else None) for role, group in ROLE_GROUPS.items()
    }
    users["other_author"] = make_user("other_author", AUTHORS, other)
    for language_code in ("sv", "en"):
        publish(translate(library.get_parent(), language_code))
        publish(translate(library, language_code))
    return Site(library, organisation, other, users)
