"""Related models on an operating model page: shared themes, target groups and areas, and similar text."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from taxonomy.models import Area, TargetGroup, Theme
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db


def classified(library, title, short_description, themes=(), target_groups=(), areas=(), live=True):
    page = OperatingModelPageFactory(parent=library, title=title, short_description=short_description, body="[]")
    fi = {"locale__language_code": settings.LANGUAGE_CODE}
    page.themes.set(Theme.objects.filter(slug__in=themes, **fi))
    page.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups, **fi))
    page.areas.set(Area.objects.filter(slug__in=areas, **fi))
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    return page


def related_titles(client, page):
    html = client.get(page.url).content.decode()
    if "Samankaltaisia toimintamalleja" not in html:
        return []
    section = html.split('id="related-operating-models"', 1)[1].split("</section>", 1)[0]
    return [part.split("</a>", 1)[0].split(">")[-1] for part in section.split('<h3 class="card__title">')[1:]]


def test_models_sharing_themes_groups_areas_and_words_come_first(client, library):
    page = classified(
        library,
        "Perheneuvola",
        "Vanhemmat saavat neuvontaa kasvatukseen.",
        themes=["perhekeskukset", "varhainen-tuki"],
        target_groups=["lapsiperheet"],
        areas=["mikkeli"],
    )
    two_themes = classified(
        library, "Perhekeskuksen tiimi", "Moniammatillinen tiimi.", themes=["perhekeskukset", "varhainen-tuki"]
    )
    group_and_county = classified(
        library, "Lapsiperheiden kotipalvelu", "Apua kotiin.", target_groups=["lapsiperheet"], areas=["savonlinna"]
    )
    similar_words = classified(
        library, "Kasvatusneuvonta verkossa", "Vanhemmat saavat neuvontaa kasvatukseen verkossa."
    )
    classified(library, "Hammashuollon ajanvaraus", "Hammaslääkärin aika netistä.", themes=["sahkoiset-palvelut"])
    classified(library, "Piilotettu perheneuvola", "Vanhemmat saavat neuvontaa.", themes=["perhekeskukset"], live=False)

    assert related_titles(client, page) == [two_themes.title, group_and_county.title, similar_words.title]


def test_only_models_of_the_same_language(client, library):
    page = classified(library, "Perheneuvola", "Neuvontaa vanhemmille.", themes=["perhekeskukset"])
    other = classified(library, "Perhekeskuksen tiimi", "Tiimi.", themes=["perhekeskukset"])
    swedish, _ = Locale.objects.get_or_create(language_code="sv")
    translation = other.copy_for_translation(swedish, copy_parents=True)
    translation.save_revision().publish()
    assert related_titles(client, page) == [other.title]
