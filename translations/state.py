"""How far each translation of a page is behind its Finnish source.

wagtail-localize keeps a frozen copy of the source (``TranslationSource``) that translations are
made from. The copy is refreshed only when someone syncs it ("Sync translated pages"), and a
translated page changes only when its translation is saved again (each save writes a
``TranslationLog``). So a translation lags behind when

- the Finnish page was published after the copy was last refreshed (not yet synced), or
- the copy was refreshed after the translated page was last written (synced, not yet applied), or
- some of its text is not translated yet (the page shows the Finnish text there).

Pages translated outside wagtail-localize (no ``Translation``, or one that was turned off) are
compared by publication time alone.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

MISSING = "missing"
OUTDATED = "outdated"
INCOMPLETE = "incomplete"
UP_TO_DATE = "up_to_date"

STATE_LABELS = {
    MISSING: _("Not translated"),
    OUTDATED: _("Behind the Finnish page"),
    INCOMPLETE: _("Partly translated"),
    UP_TO_DATE: _("Up to date"),
}


def source_locale():
    return Locale.get_default()  # the locale of LANGUAGE_CODE, looked up once per request


@dataclass
class TranslationState:
    """The state of one page's translation into one language."""

    language_code: str
    state: str
    translation: Page | None = None
    live: bool = False
    # The TranslationSource, when the translation is managed by wagtail-localize.
    source: TranslationSource | None = None
    total_segments: int = 0
    translated_segments: int = 0
    reasons: list = field(default_factory=list)
    # The Finnish page, set by state_of_translation.
    source_page: Page | None = None

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def lags_behind(self):
        """True when a reader of the translation sees older or partly Finnish content."""
        return self.state in (OUTDATED, INCOMPLETE)


def _segment_progress(source_ids, locale_ids):
    """{(source_id, locale_id): (total, translated)} in one query per locale."""
    progress = {}
    if not source_ids:
        return progress
    for locale_id in locale_ids:
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(
                is_translated=Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=locale_id,
                        has_error=False,
                    )
                )
            )
            .values("source_id")
            .annotate(total=Count("pk"), translated=Count("pk", filter=Q(is_translated=True)))
        )
        for row in rows:
            progress[(row["source_id"], locale_id)] = (row["total"], row["translated"])
    return progress


def translation_states(source_pages, locales=None):
    """{source page pk: {language code: TranslationState}} for Finnish pages, in a fixed number of queries.

    ``locales`` defaults to every locale except the source's.
    """
    source_pages = list(source_pages)
    if locales is None:
        locales = list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("pk"))
    keys = {page.translation_key for page in source_pages}
    locale_ids = [locale.pk for locale in locales]
    if not source_pages or not locales:
        return {page.pk: {} for page in source_pages}

    translated_pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).select_related("locale")
    }
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id__in={page.locale_id for page in source_pages}
        )
    }
    source_ids = [source.pk for source in sources.values()]
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source_id__in=source_ids, target_locale_id__in=locale_ids)
    }
    last_written = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source_id__in=source_ids, locale_id__in=locale_ids)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    progress = _segment_progress(source_ids, locale_ids)

    result = {}
    for page in source_pages:
        states = {}
        source = sources.get((page.translation_key, page.locale_id))
        for locale in locales:
            translated = translated_pages.get((page.translation_key, locale.pk))
            state = TranslationState(locale.language_code, MISSING, translated, bool(translated and translated.live))
            if translated is None:
                states[locale.language_code] = state
                continue
            translation = translations.get((source.pk, locale.pk)) if source else None
            if translation is not None and translation.enabled:
                state.source = source
                state.total_segments, state.translated_segments = progress.get((source.pk, locale.pk), (0, 0))
                written = last_written.get((source.pk, locale.pk))
                if page.last_published_at and page.last_published_at > source.last_updated_at:
                    state.reasons.append(_("The Finnish page has changed since the translation was last synced."))
                if written is None or written < source.last_updated_at:
                    state.reasons.append(_("The synced changes have not been applied to the translation yet."))
                if state.reasons:
                    state.state = OUTDATED
                elif state.translated_segments < state.total_segments:
                    state.state = INCOMPLETE
                else:
                    state.state = UP_TO_DATE
            else:
                newer = page.last_published_at and (
                    not translated.last_published_at or page.last_published_at > translated.last_published_at
                )
                if newer:
                    state.reasons.append(_("The Finnish page was published after the translation."))
                state.state = OUTDATED if newer else UP_TO_DATE
            states[locale.language_code] = state
        result[page.pk] = states
    return result


def state_of_translation(page):
    """The TranslationState of a translated page against its Finnish source, or None for a source page."""
    locale = source_locale()
    if page.locale_id == locale.pk:
        return None
    source = page.get_translation_or_none(locale)
    if source is None:
        return None
    state = translation_states([source], [page.locale])[source.pk][page.locale.language_code]
    state.source_page = source
    return state
