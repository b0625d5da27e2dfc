"""The organisation rule on the admin's page views that Wagtail offers no hook for."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import permissions

# Views of one page (its id in ``page_id``, or ``pk`` for the revision comparison) that
# show or change its content: drafts, previews, revisions, history, usage.
PAGE_ARGUMENTS = ("page_id", "pk")


class OrganisationRuleMiddleware:
    """Authors may not open any admin view of another organisation's description.

    Wagtail's ``before_edit_page`` and similar hooks cover editing, deleting, moving and
    copying (``review.wagtail_hooks``); the draft view, previews, revisions, their comparison
    and history have no hook, so this refuses them for an organisation-bound author here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "wagtailadmin_pages":
            return None
        page_id = next((view_kwargs[name] for name in PAGE_ARGUMENTS if name in view_kwargs), None)
        if page_id is None or not permissions.is_organisation_bound(request.user):
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and not permissions.can_edit_page(request.user, page):
            raise PermissionDenied(_("You can only edit your own organisation's descriptions."))
        return None
