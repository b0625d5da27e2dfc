"""Admin: the translation state report, and notices in the editor when a translation lags behind."""

from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from core.languages import source_locale

from .state import state_of_translation, translation_states
from .views import TranslationStateReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/translations/", TranslationStateReportView.as_view(), name="translation_state_report"),
        path(
            "reports/translations/results/",
            TranslationStateReportView.as_view(results_only=True),
            name="translation_state_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_state_report_menu_item():
    return MenuItem(
        gettext_lazy("Translation state"),
        reverse("translation_state_report"),
        name="translation-state",
        icon_name="site",
        order=9100,
    )


# Runs before wagtail-localize's hook, which replaces the editor of a translated page.
@hooks.register("before_edit_page", order=-10)
def warn_about_lagging_translations(request, page):
    """On opening the editor: say which translations lag behind the Finnish page, or that this one does."""
    if request.method != "GET":
        return None
    if page.locale_id == source_locale().pk:
        states = translation_states([page])[page.pk]
        lagging = [state for state in states.values() if state.translation is not None and state.state == "outdated"]
        if lagging:
            languages = ", ".join(state.translation.locale.get_display_name() for state in lagging)
            source = next((state.source for state in lagging if state.source is not None), None)
            buttons = []
            if source is not None:
                sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
                buttons.append(messages.button(sync_url, gettext("Sync translated pages")))
            messages.warning(
                request,
                gettext("The translations into these languages are behind this page: %(languages)s.")
                % {"languages": languages},
                buttons=buttons,
            )
        return None
    state = state_of_translation(page)
    # Only a change of the Finnish page after the last sync is a lag; untranslated text is not.
    if state is not None and state.source_changed:
        reasons = " ".join(str(reason) for reason in state.reasons)
        messages.warning(request, f"{gettext('This translation is behind the Finnish page.')} {reasons}".strip())
    return None
