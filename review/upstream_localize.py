"""Covers a gap in wagtail-localize: its ``submit_translation`` permission is not per language.

Anyone who may submit translations may create them into every locale, so a Swedish
translator could start English translations. This view is wagtail-localize's own "Translate
page" view, with the choice of languages limited to the user's own
(``review.permissions.translation_locales``). ``wagtail_hooks`` serves it at the address of
the original view. ``tests/review/test_setup.py`` notices when wagtail-localize starts
limiting the languages itself, and this module can then go.
"""

from django.core.exceptions import PermissionDenied
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from .permissions import translation_locales


class SubmitPageTranslationIntoOwnLanguagesView(SubmitPageTranslationView):
    """wagtail-localize's "Translate page" view, offering only the languages the user translates into."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not translation_locales(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        allowed = translation_locales(self.request.user)
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(pk__in=allowed)
        return form

    def post(self, request, **kwargs):
        requested = set(request.POST.getlist("locales"))
        allowed = {str(pk) for pk in translation_locales(request.user).values_list("pk", flat=True)}
        if requested - allowed:
            raise PermissionDenied
        return super().post(request, **kwargs)
