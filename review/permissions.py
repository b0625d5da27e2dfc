"""Who may do what beyond Wagtail's page permissions: organisations, deletion and translation languages.

Wagtail's page permissions follow the page tree, and every description lives under the same
library page, so the rule "authors edit only their own organisation's descriptions" is
enforced by the hooks in ``wagtail_hooks`` with the checks here.
"""

from django.apps import apps
from wagtail.models import Locale

from models_library.models import DescriptionPage

from .roles import AUTHORS, REVIEWERS, SITE_EDITORS, TRANSLATION_LANGUAGES, translators


def group_names(user):
    cache = "_review_group_names"
    if not hasattr(user, cache):
        setattr(user, cache, set(user.groups.values_list("name", flat=True)))
    return getattr(user, cache)


def is_site_editor(user):
    return user.is_active and (user.is_superuser or SITE_EDITORS in group_names(user))


def is_organisation_bound(user):
    """Whether the user is an author whose rights are limited to their organisations' descriptions."""
    if is_site_editor(user):
        return False
    names = group_names(user)
    return AUTHORS in names and REVIEWERS not in names


def organisation_keys(user):
    """The translation keys of the user's organisations (the same in every language)."""
    Membership = apps.get_model("review", "Membership")
    return set(Membership.objects.filter(user=user).values_list("organisation__translation_key", flat=True))


def default_organisation(user):
    """The organisation a new description of the author gets when the form leaves it empty."""
    Membership = apps.get_model("review", "Membership")
    membership = Membership.objects.filter(user=user).select_related("organisation").order_by("pk").first()
    return membership.organisation if membership else None


def description_belongs_to_user(user, page):
    """Whether an organisation-bound author may work on this page."""
    page = page.specific
    if not isinstance(page, DescriptionPage) or page.organisation_id is None:
        return False
    return page.organisation.translation_key in organisation_keys(user)


def can_edit_page(user, page):
    """The organisation rule on top of Wagtail's page permissions."""
    if not is_organisation_bound(user):
        return True
    return description_belongs_to_user(user, page)


def can_delete_page(user, page):
    """Site editors delete anything Wagtail lets them; authors only their organisation's drafts."""
    if is_site_editor(user):
        return True
    if is_organisation_bound(user):
        return description_belongs_to_user(user, page)
    return False


def translation_locales(user):
    """The locales the user may create translations into."""
    if is_site_editor(user):
        return Locale.objects.all()
    names = group_names(user)
    codes = [code for code in TRANSLATION_LANGUAGES if translators(code) in names]
    return Locale.objects.filter(language_code__in=codes)
