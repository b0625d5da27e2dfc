"""Demo users, one for every role, all with the password ``toimintamallit``."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from core.languages import source_locale
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from review.models import Membership
from review.roles import AUTHORS, REVIEWERS, SITE_EDITORS, language_reviewers, translators
from review.setup import setup_roles
from taxonomy.models import Organisation

DEMO_PASSWORD = "toimintamallit"
DEMO_ORGANISATION = "Ensi- ja turvakotien liitto ry"
# username: (group, first name, last name)
DEMO_USERS = {
    "author": (AUTHORS, "Aino", "Kirjoittaja"),
    "reviewer": (REVIEWERS, "Risto", "Tarkastaja"),
    "translator_sv": (translators("sv"), "Sara", "Översättare"),
    "translator_en": (translators("en"), "Eric", "Translator"),
    "language_reviewer_sv": (language_reviewers("sv"), "Stina", "Granskare"),
    "language_reviewer_en": (language_reviewers("en"), "Emma", "Reviewer"),
    "site_editor": (SITE_EDITORS, "Paula", "Päätoimittaja"),
}


def demo_organisation():
    """The organisation of the first demo description that has one, else the demo organisation."""
    for model in (DevelopmentEntityPage, OperatingModelPage):
        page = model.objects.filter(organisation__isnull=False).select_related("organisation").first()
        if page is not None:
            return page.organisation
    organisation, _ = Organisation.objects.get_or_create(name=DEMO_ORGANISATION, locale=source_locale())
    return organisation


def create_demo_users():
    """Create the missing demo users; return the usernames created."""
    setup_roles(apps)
    User = get_user_model()
    created = []
    for username, (group_name, first_name, last_name) in DEMO_USERS.items():
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username,
            f"{username}@example.fi",
            DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=group_name))
        if username.endswith("_sv"):  # the Swedish roles work in a Swedish admin
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "sv"
            profile.save()
        if group_name == AUTHORS:
            Membership.objects.create(user=user, organisation=demo_organisation())
        created.append(username)
    return created
