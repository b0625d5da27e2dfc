"""Admin integration of roles and review: the organisation rule, translation submission, memberships."""

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.languages import SOURCE_LANGUAGE
from models_library.models import DescriptionPage
from taxonomy.models import Organisation

from . import permissions, upstream_localize, upstream_wagtail, views
from .authoring import NewDescriptionPanel
from .models import Membership
from .translation_work import TranslationWorkPanel, TranslationWorkView, target_locales, translation_work


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    # Listed before wagtail-localize's own URLs, so these views answer at their addresses.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            upstream_localize.SubmitPageTranslationIntoOwnLanguagesView.as_view(),
            name="review_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            upstream_localize.SubmitSnippetTranslationIntoOwnLanguagesView.as_view(),
            name="review_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            upstream_localize.UpdateTranslationsWithinPublishRightsView.as_view(),
            name="review_update_translations",
        ),
        path("review/translation/<int:page_id>/review/", views.review_translation, name="review_translation"),
        path("review/translation-work/", TranslationWorkView.as_view(), name="review_translation_work"),
        path(
            "review/translation/<int:page_id>/submit/",
            views.submit_translation_for_review,
            name="review_submit_translation",
        ),
    ]


def check_posted_organisation(request):
    """An organisation-bound author may only save a description for one of their organisations.

    An empty choice becomes the author's (first) organisation.
    """
    value = request.POST.get("organisation", "")
    if not value:
        organisation = permissions.default_organisation(request.user)
        if organisation is None:
            raise PermissionDenied(_("You belong to no organisation, so you cannot write descriptions."))
        data = request.POST.copy()
        data["organisation"] = str(organisation.pk)
        request.POST = data
        return
    organisation = Organisation.objects.filter(pk=value).first() if value.isdigit() else None
    if organisation is None or organisation.translation_key not in permissions.organisation_keys(request.user):
        raise PermissionDenied(_("You can only write descriptions for your own organisation."))


@hooks.register("before_create_page", order=-1)
def limit_creation_to_own_organisation(request, parent_page, page_class):
    if not permissions.is_organisation_bound(request.user):
        return None
    if not issubclass(page_class, DescriptionPage):
        raise PermissionDenied(_("Authors can only create operating models and development entities."))
    if request.method == "POST":
        check_posted_organisation(request)
    return None


@hooks.register("before_edit_page", order=-1)
def limit_editing_to_own_organisation(request, page):
    # Runs before wagtail-localize's hook, which takes over the editing of translated pages.
    if not permissions.can_edit_page(request.user, page):
        raise PermissionDenied(_("You can only edit your own organisation's descriptions."))
    if request.method == "POST" and permissions.is_organisation_bound(request.user):
        check_posted_organisation(request)
    return None


@hooks.register("before_edit_page", order=-1)
def refuse_publishing_translations_in_review(request, page):
    upstream_localize.refuse_publishing_in_review(request, page)
    return None


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """Until the page is submitted again, its editor opens with the reviewer's comment."""
    if request.method != "GET" or views.page_translation(page) is not None:
        return None  # the translation editor shows it above the editor itself
    rejected = views.last_requested_changes(page)
    if rejected is not None:
        reviewer = rejected.finished_by.get_full_name() or rejected.finished_by.get_username()
        messages.warning(
            request,
            _("%(reviewer)s requested changes: %(comment)s") % {"reviewer": reviewer, "comment": rejected.comment},
        )
    return None


@hooks.register("before_delete_page", order=-1)
def limit_deletion(request, page):
    if not permissions.can_delete_page(request.user, page):
        raise PermissionDenied(_("You cannot delete this page."))
    return None


@hooks.register("before_move_page", order=-1)
def limit_moving(request, page, destination):
    if not permissions.can_delete_page(request.user, page):
        raise PermissionDenied(_("You cannot move this page."))
    return None


@hooks.register("before_copy_page", order=-1)
def limit_copying(request, page):
    if not permissions.can_edit_page(request.user, page):
        raise PermissionDenied(_("You can only copy your own organisation's descriptions."))
    return None


@hooks.register("before_unpublish_page", order=-1)
def limit_unpublishing(request, page):
    if not permissions.can_edit_page(request.user, page):
        raise PermissionDenied(_("You can only unpublish your own organisation's descriptions."))
    return None


@hooks.register("before_bulk_action")
def limit_bulk_actions(request, action_type, objects, action_class_instance):
    check = permissions.can_delete_page if action_type in ("delete", "move") else permissions.can_edit_page
    if not all(check(request.user, page) for page in objects if isinstance(page, Page)):
        raise PermissionDenied(_("The selection includes pages you cannot change."))
    return None


def submit_translation_button(page, user, view_name=None, next_url=None):
    if page.locale.language_code != SOURCE_LANGUAGE and views.can_submit_translation(user, page):
        yield ListingButton(
            _("Submit translation for review"),
            reverse("review_submit_translation", args=[page.id]),
            priority=61,
            icon_name="resubmit",
        )


hooks.register("register_page_listing_more_buttons", submit_translation_button)
hooks.register("register_page_header_buttons", submit_translation_button)


@hooks.register("construct_homepage_panels")
def add_new_description_panel(request, panels):
    panel = NewDescriptionPanel.for_user(request.user)
    if panel is not None:
        panels.insert(0, panel)


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    if target_locales(request.user) and not permissions.is_site_editor(request.user):
        panels.insert(0, TranslationWorkPanel(translation_work(request.user)))


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(target_locales(request.user))


@hooks.register("register_admin_menu_item")
def register_translation_work_menu_item():
    return TranslatorMenuItem(
        _("Pages to translate"),
        reverse("review_translation_work"),
        name="translation-work",
        icon_name="site",
        order=150,
    )


class MembershipViewSet(SnippetViewSet):
    """Site editors say which organisation each author writes for."""

    model = Membership
    icon = "group"
    menu_label = _("Organisation memberships")
    add_to_settings_menu = True
    list_display = ["user", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation__name"]
    search_backend_name = None


register_snippet(MembershipViewSet)


@hooks.register("insert_editor_js")
def block_menu_honours_block_counts():
    """The editor's block menu leaves out a section that is already in the description."""
    return format_html('<script src="{}"></script>', static("review/block-counts.js"))


@hooks.register("insert_global_admin_js")
def translate_wagtails_english_labels():
    """Wagtail's admin labels left in English by its templates, in the user's language (see upstream_wagtail)."""
    return upstream_wagtail.admin_language_script()
