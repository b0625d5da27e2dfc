"""Swedish and English versions of the demo pages, made the way a translator makes them.

Every page under the Finnish home page is submitted for translation with wagtail-localize, and
the strings below are entered as manual translations. The home page, the library and the
article list are fully translated and published, so that ``/sv/`` and ``/en/`` have their own
tree. Descriptions and articles get their titles and summaries translated and stay drafts
awaiting a translator's review (the rest of their text is still Finnish), unless ``publish``.
"""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

LANGUAGES = ("sv", "en")

# Finnish source text: (Swedish, English).
DEMO_STRINGS = {
    "Toimintamallikirjasto": ("Verksamhetsmodellbiblioteket", "Operating model library"),
    "Hyvinvointialueiden ja järjestöjen toimintamallit kuvattuina niin, että muut voivat ottaa ne käyttöön.": (
        "Välfärdsområdenas och organisationernas verksamhetsmodeller, beskrivna så att andra kan ta dem i bruk.",
        "Operating models of the wellbeing services counties and NGOs, described so that others can adopt them.",
    ),
    "Toimintamallit": ("Verksamhetsmodeller", "Operating models"),
    "Hyvinvointialueiden ja järjestöjen kuvaamat toimintamallit, uusimmat ensin.": (
        "Verksamhetsmodeller som välfärdsområden och organisationer har beskrivit, de nyaste först.",
        "Operating models described by wellbeing services counties and NGOs, newest first.",
    ),
    "Ajankohtaista": ("Aktuellt", "News"),
    "Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa": (
        "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax",
        "Developing child guidance and family counselling in South Savo",
    ),
    "Vauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin": (
        "Arbete med bebisfamiljer och mot våld i framtidens social- och hälsocentraler",
        "Baby and violence work for the health and social services centres of the future",
    ),
    "Vauva- ja väkivaltatyötä tulevaisuuden sotekeskuksiin": (
        "Arbete med bebisfamiljer och mot våld i framtidens social- och hälsocentraler",
        "Baby and violence work for the health and social services centres of the future",
    ),
    "Perhekeskuskehittämistä monitoimijaisella yhteistyöllä": (
        "Utveckling av familjecentret i samarbete mellan många aktörer",
        "Developing family centres through multi-actor co-operation",
    ),
    "Yhteistyöllä perheiden hyvinvointia": (
        "Familjers välmående genom samarbete",
        "Families' wellbeing through co-operation",
    ),
    "Perhekeskus ja varhainen tuki arjessa": (
        "Familjecentret och tidigt stöd i vardagen",
        "The family centre and early support in everyday life",
    ),
    "Kasvatus- ja perheneuvontapalveluiden kehittäminen ja koulutus asiakaslähtöisesti Etelä-Savon "
    "hyvinvointialueen tarpeisiin. Kehittämistyö liittyy hyvinvointialueen strategiaan tavoitteena "
    "alueellisesti yhtenevät käytänteet ja asiakasohjaus.": (
        "Klientorienterad utveckling av och utbildning i uppfostrings- och familjerådgivningen för "
        "Södra Savolax välfärdsområdes behov. Utvecklingsarbetet hör till välfärdsområdets strategi, med "
        "enhetliga arbetssätt och klienthandledning i hela området som mål.",
        "Developing child guidance and family counselling services, and training for them, around the "
        "clients and the needs of the South Savo wellbeing services county. The work is part of the "
        "county's strategy, which aims at the same practices and client guidance across the region.",
    ),
}


def _normalised(text):
    return " ".join(text.split())


STRINGS = {_normalised(finnish): translations for finnish, translations in DEMO_STRINGS.items()}


def _translate_strings(translation):
    """Enter the known strings of one translation as manual translations; the slug follows the title."""
    position = LANGUAGES.index(translation.target_locale.language_code)
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    title = None
    for segment in segments:
        if segment.context.path == "title":
            known = STRINGS.get(_normalised(segment.string.data))
            title = known[position] if known else None
    for segment in segments:
        if segment.context.path == "slug":
            text = slugify(title) if title else None
        else:
            known = STRINGS.get(_normalised(segment.string.data))
            text = known[position] if known else None
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )


@transaction.atomic
def translate_demo(user=None, publish=False):
    """Swedish and English versions of the pages under the Finnish home page; returns how many were made.

    Pages that already have a translation keep it, so running this again changes nothing.
    """
    locales = list(Locale.objects.filter(language_code__in=LANGUAGES))
    home = Site.objects.get(is_default_site=True).root_page
    if home.locale.language_code != settings.LANGUAGE_CODE:
        home = home.get_translation(Locale.objects.get(language_code=settings.LANGUAGE_CODE))
    # Parents before children; development entities before the models that point to them.
    pages = sorted(
        [home, *home.get_descendants().select_related("content_type")],
        key=lambda page: (page.depth, page.content_type.model == "operatingmodelpage", page.path),
    )
    creator = TranslationCreator(user, locales)
    made = 0
    for page in pages:
        missing = [locale for locale in locales if not page.has_translation(locale)]
        if not missing:
            continue
        creator.target_locales = missing
        creator.create_translations(page.specific, include_related_objects=False)
        translations = Translation.objects.filter(source__object_id=page.translation_key, target_locale__in=missing)
        for translation in translations.select_related("source", "target_locale"):
            _translate_strings(translation)
            translation.save_target(user=user, publish=False)
            if publish or page.depth <= home.depth + 1:
                # Published now rather than when the transaction commits (as save_target would),
                # so that the parent's tree fields are current when its children are added.
                translation.get_target_instance().get_latest_revision().publish(user=user)
            made += 1
    return made
