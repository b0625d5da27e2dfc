"""Covers gaps in wagtail-localize's permissions, which are not per language and ignore review.

Each gap below has a test in ``tests/review/test_upstream_localize.py`` that notices when
wagtail-localize closes it itself; the covering code can then go.

1. Its ``submit_translation`` permission is not per language: anyone who may submit
   translations may create them into every locale, pages and snippets alike, so a Swedish
   translator could start English translations. The views below are wagtail-localize's own
   "Translate page" and "Translate snippet" views, offering only the user's languages
   (``review.permissions.translation_locales``).
2. Its "Sync translated pages" view checks only ``submit_translation``, and its
   "Publish immediately" box publishes every enabled translation of the source: a
   translator could make translations live, in every language, without review. Here the box
   is offered and accepted only when the user may publish every one of those translations.
3. Its translation editor publishes a page while the page is in review, which cancels the
   review with no approval recorded and no word to the translator. ``refuse_publishing_in_review``
   (a ``before_edit_page`` hook) refuses that; the reviewer approves instead
   (``review.views.translation_review_action``). ``editor_props`` takes the "Publish" and
   "Delete" buttons off the editor for whoever may not use them (the editor would offer a
   translator "Delete" as its main button; the delete view refuses it anyway), and "Convert
   to alias", which throws the translation away, off for all but site editors.

4. A new translation is made from the source's frozen copy as it was when the page was first
   translated into any language, so a page translated into English, changed and then
   translated into Swedish starts its Swedish translation behind the Finnish page.
   ``refresh_stale_source`` brings the copy up to date before a new translation is made.

5. The editor labels a text inside a block by its section and the block's first-level field
   only, so the texts of a list of structures (an evaluation perspective's "What was found"
   and "How it was measured") all read "Perspectives". ``editor_props`` labels them with
   every level (``segment_label``).

6. The editor is not wholly in the user's language: its heading "Suomi to Svenska translation"
   (``TranslationEditor/index.tsx``) and its menus' "More actions" (``ActionMenu/index.tsx``)
   are written in its script without gettext, so ``static/review/translation-editor.js`` puts
   them into the user's language from the JavaScript catalogs (the heading from the project's).
   The date of a translated text ("Translated manually on 29 November 2026") is formatted with
   ``strftime``, in English whatever the language; ``localize_translation_dates`` formats it
   with Django's date format of the user's language. Its other untranslated script messages are
   supplied by the project's ``djangojs`` catalogs.

``wagtail_hooks`` serves these views at the addresses of the original ones.
"""

import json

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import can_delete_page, is_site_editor, translation_locales


class OwnLanguagesMixin:
    """Limits wagtail-localize's "Translate" form to the languages the user translates into."""

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


class SubmitPageTranslationIntoOwnLanguagesView(OwnLanguagesMixin, SubmitPageTranslationView):
    """wagtail-localize's "Translate page" view, offering only the user's languages, from the current page."""

    def post(self, request, **kwargs):
        refresh_stale_source(self.object)
        return super().post(request, **kwargs)


class SubmitSnippetTranslationIntoOwnLanguagesView(OwnLanguagesMixin, SubmitSnippetTranslationView):
    """wagtail-localize's "Translate snippet" view, offering only the languages the user translates into."""


def refresh_stale_source(page):
    """Bring the page's frozen source copy up to date when the page was published after it was made."""
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if source is not None and page.last_published_at and page.last_published_at > source.last_updated_at:
        source.update_from_db()


def can_publish_translation(user, translation):
    """Whether the user may make this translation's target live (pages: its page permissions)."""
    target = translation.get_target_instance()
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return user.has_perm(f"{target._meta.app_label}.publish_{target._meta.model_name}") or user.is_superuser


class UpdateTranslationsWithinPublishRightsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only for those who may publish every translation."""

    def may_publish_all(self):
        translations = self.object.translations.filter(enabled=True)
        return all(can_publish_translation(self.request.user, translation) for translation in translations)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all():
            del form.fields["publish_translations"]
        return form

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations") and not self.may_publish_all():
            raise PermissionDenied
        return super().post(request, **kwargs)

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


def page_translation(page):
    """The enabled wagtail-localize translation whose target is this page, or None."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def refuse_publishing_in_review(request, page):
    """The translation editor may not publish a page that is in review: the reviewer approves it."""
    if request.method == "POST" and request.POST.get("action") == "publish" and page.workflow_in_progress:
        if page_translation(page) is not None:
            raise PermissionDenied


def segment_label(model, field_path):
    """The labels of a StreamField text's blocks below its section ("Perspectives › What was found"), or None."""
    names = field_path.split(".")
    field = model._meta.get_field(names[0])
    if not isinstance(field, StreamField) or len(names) < 3:
        return None
    block = field.stream_block.child_blocks[names[1]]
    labels = []
    for name in names[2:]:
        if isinstance(block, blocks.ListBlock) and name == "item":
            block = block.child_block
            continue
        if not isinstance(block, blocks.StructBlock | blocks.StreamBlock) or name not in block.child_blocks:
            return None
        block = block.child_blocks[name]
        labels.append(str(block.label))
    return " › ".join(labels)


def editor_props(props, request, page):
    """The translation editor's settings, without the buttons the user may not use here, with full labels."""
    data = json.loads(props)
    perms = data["perms"]
    perms["canDelete"] = perms["canDelete"] and can_delete_page(request.user, page)
    perms["canPublish"] = perms["canPublish"] and not page.workflow_in_progress
    if not is_site_editor(request.user):
        # Turning a translation into an alias of the Finnish page throws the translation away.
        data["links"]["convertToAliasUrl"] = None
    translation = page_translation(page)
    if translation is not None:
        source = translation.source
        instance = source.as_instance()
        segments = {segment["id"]: segment for segment in data["segments"] if segment["type"] == "string"}
        for string_segment in source.stringsegment_set.filter(id__in=segments).select_related("context"):
            label = segment_label(type(instance), string_segment.context.get_field_path(instance))
            if label:
                segments[string_segment.id]["location"]["subField"] = label
    return json.dumps(data)


def translation_comment(string_translation):
    """How and when a text was translated, the date in the user's language (upstream: ``get_comment``)."""
    date = formats.date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=string_translation.tool_name, date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def localize_translation_dates():
    """Gap 6: the translation editor's "Translated manually on <date>" with the date in the user's language."""
    StringTranslation.get_comment = translation_comment
