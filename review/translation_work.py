"""A translator's start page: the Finnish pages to translate or update into their languages.

Shown as a dashboard panel (the first few) and as an admin list of its own, each row with the
action that works for the translator: *Translate* (wagtail-localize's "Translate page", limited to
their languages by ``upstream_localize``), *Update translation* (sync the Finnish changes, then open
the translation) or *Continue translating*.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from translations.state import INCOMPLETE, MISSING, OUTDATED, translation_states

from .permissions import translation_locales
from .roles import SOURCE_LANGUAGE

TRANSLATED_TYPES = (OperatingModelPage, DevelopmentEntityPage, ArticlePage)
TRANSLATE, UPDATE, CONTINUE = "translate", "update", "continue"
ACTION_LABELS = {
    TRANSLATE: _("Translate"),
    UPDATE: _("Update translation"),
    CONTINUE: _("Continue translating"),
}
PANEL_ROWS = 5


@dataclass
class WorkItem:
    """One Finnish page that needs work in one of the translator's languages."""

    page: Page
    locale: object
    state: object

    @property
    def action(self):
        if self.state.state == MISSING:
            return TRANSLATE
        if self.state.source_changed and self.state.source is not None:
            return UPDATE
        return CONTINUE

    @property
    def action_label(self):
        return ACTION_LABELS[self.action]

    @property
    def action_url(self):
        if self.action == TRANSLATE:
            return reverse("wagtail_localize:submit_page_translation", args=[self.page.pk])
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.state.translation.pk])
        if self.action == UPDATE:
            update_url = reverse("wagtail_localize:update_translations", args=[self.state.source.pk])
            return f"{update_url}?{urlencode({'next': edit_url})}"
        return edit_url


def target_locales(user):
    return list(translation_locales(user).exclude(language_code=SOURCE_LANGUAGE).order_by("pk"))


def translation_work(user):
    """The work items of the user's languages, the most recently published Finnish pages first."""
    locales = target_locales(user)
    if not locales:
        return []
    pages = list(
        Page.objects.live()
        .type(*TRANSLATED_TYPES)
        .filter(locale__language_code=SOURCE_LANGUAGE)
        .order_by("-last_published_at", "pk")
    )
    states = translation_states(pages, locales)
    return [
        WorkItem(page, locale, state)
        for page in pages
        for locale in locales
        if (state := states[page.pk][locale.language_code]).state in (MISSING, OUTDATED, INCOMPLETE)
    ]


class TranslationWorkPanel(Component):
    """The dashboard's list of pages to translate, for users who translate."""

    name = "translation_work"
    template_name = "review/translation_work_panel.html"
    order = 50

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items[:PANEL_ROWS]}


class TranslationWorkView(TemplateView):
    """Every Finnish page to translate or update into the user's languages."""

    template_name = "review/translation_work.html"

    def dispatch(self, request, *args, **kwargs):
        if not target_locales(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "items": translation_work(self.request.user)}
