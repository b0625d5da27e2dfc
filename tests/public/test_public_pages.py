"""The public face: every description reachable in every language, the library browsed with the
search's facets, the home page's figures, statistics, icons, the site texts and the headings'
hyphenation."""

import pytest
from django.template import Context, Template
from django.utils import translation

from adoption.models import Adoption, AdoptionStatus, ModerationState
from home.models import SiteTexts
from home.templatetags.text_tags import hyphenate
from models_library.models import OperatingModelPage
from search.glossary import in_finnish
from taxonomy.models import Area, Organisation, Theme
from tests.factories import OperatingModelPageFactory
from tests.translations.test_translations import swedish

pytestmark = pytest.mark.django_db

SOFT_HYPHEN = "\u00ad"


def shown(html):
    """The page's text as a reader sees it (soft hyphens are invisible unless a line breaks)."""
    return html.replace(SOFT_HYPHEN, "")


@pytest.fixture
def untranslated(library, locales, commit):
    """A published Finnish operating model about family centres, with a theme and a county, not translated."""
    page = OperatingModelPageFactory(
        parent=library,
        title="Perhekeskuksen tiimi",
        short_description="Perhekeskuksen moniammatillinen tiimi tukee lapsiperheitä.",
        created_date="2023-12-11",
    )
    page.themes.set(Theme.objects.filter(locale=locales["fi"], slug="perhekeskukset"))
    page.areas.set(Area.objects.filter(locale=locales["fi"], slug="etela-savo"))
    commit(page.save_revision().publish)
    return OperatingModelPage.objects.get(pk=page.pk)


class TestEveryDescriptionInEveryLanguage:
    def test_the_swedish_library_lists_translations_and_untranslated_finnish_models_marked(
        self,
        model_page,
        untranslated,
        library,
        client,
    ):
        html = shown(client.get(swedish(library).url).content.decode())
        assert "Familjerådgivning" in html
        assert "Perheneuvonta" not in html  # its translation stands for it
        card = html.split("Perhekeskuksen tiimi")[0].rsplit('<li class="card"', 1)[1]
        assert card.startswith(' lang="fi"')
        assert '<p class="card__language" lang="sv">På finska</p>' in html.split("Perhekeskuksen tiimi")[1]

    def test_the_swedish_home_page_lists_both(self, model_page, untranslated, client):
        html = shown(client.get("/sv/").content.decode())
        assert "Familjerådgivning" in html and "Perhekeskuksen tiimi" in html and "På finska" in html

    def test_a_swedish_search_finds_an_untranslated_finnish_model_through_the_glossary(
        self,
        model_page,
        untranslated,
        client,
    ):
        response = client.get("/sv/search/", {"q": "familjecenter"})
        results = {page.title: page.locale.language_code for page in response.context["outcome"].results}
        assert results.get("Perhekeskuksen tiimi") == "fi"
        assert "På finska" in response.content.decode()
        data = client.get("/sv/search/", {"q": "familjecenter", "format": "json"}).json()
        assert {"title": "Perhekeskuksen tiimi", "language": "fi"} in [
            {"title": result["title"], "language": result["language"]} for result in data["results"]
        ]

    def test_an_english_search_finds_it_too(self, untranslated, client):
        response = client.get("/en/search/", {"q": "family centre"})
        assert [page.title for page in response.context["outcome"].results] == ["Perhekeskuksen tiimi"]
        assert "In Finnish" in response.content.decode()

    def test_the_glossary_puts_swedish_and_english_terms_in_finnish(self):
        assert in_finnish("Familjecentret i Vasa") == "perhekeskus i Vasa"
        assert in_finnish("family centres for target groups") == "perhekeskus for kohderyhmä"
        assert in_finnish("Mikkeli") == "Mikkeli"

    def test_the_switcher_on_an_untranslated_page_leads_to_the_closest_page_in_that_language(
        self,
        model_page,
        untranslated,
        library,
        client,
    ):
        html = client.get(untranslated.url).content.decode()
        closest = swedish(library).url
        assert (
            f'Svenska: inte översatt ännu</span>, <a href="{closest}" hreflang="sv">gå till närmaste svenska sida</a>'
            in html
        )
        # No English tree at all: the plain note only.
        assert "English: not translated yet</span>\n" in html


class TestLibraryAndHome:
    def test_the_library_filters_counts_and_sorts_with_the_search(self, model_page, untranslated, library, client):
        OperatingModelPageFactory(parent=library, title="Ikäihmisten kotikuntoutus")
        response = client.get(library.url)
        outcome = response.context["outcome"]
        assert outcome.count == 3 and outcome.params.sort == "newest"
        assert {facet.key for facet in outcome.facets} >= {"area", "theme", "stage"}
        filtered = client.get(library.url, {"theme": "perhekeskukset"}).context["outcome"]
        assert sorted(page.title for page in filtered.results) == ["Perhekeskuksen tiimi", "Perheneuvonta"]
        html = shown(client.get(library.url, {"theme": "perhekeskukset"}).content.decode())
        assert "2 tulosta" in html and 'class="filters"' in html

    def test_the_entities_are_cards(self, library, client):
        from tests.factories import DevelopmentEntityPageFactory

        DevelopmentEntityPageFactory(parent=library, title="Vauvatyön hanke")
        html = shown(client.get(library.url).content.decode())
        assert '<li class="card card--entity">' in html and "Vauvatyön hanke" in html

    def test_the_home_page_puts_the_search_first_then_figures_themes_and_counties(
        self,
        model_page,
        untranslated,
        library,
        client,
    ):
        html = shown(client.get("/fi/").content.decode())
        assert html.index('id="site-search"') < html.index('class="figures"') < html.index("Uusimmat toimintamallit")
        main = html.split('<main id="main"', 1)[1]
        assert '<span class="figures__number">2</span> toimintamallia' in main
        counties = {area.slug for page in (model_page, untranslated) for area in page.areas.all()}
        assert f'<span class="figures__number">{len(counties)}</span> hyvinvointialuetta' in main
        assert "organisaati" not in main  # no model names its organisation: no "0 organisations"
        untranslated.organisation = Organisation.objects.create(locale=untranslated.locale, name="Perhekeskus Aurinko")
        untranslated.save_revision().publish()
        main = shown(client.get("/fi/").content.decode()).split('<main id="main"', 1)[1]
        assert '<span class="figures__number">1</span> organisaatio</li>' in main
        assert f'href="{library.url}?type=operating_model&amp;theme=perhekeskukset&amp;sort=newest"' in main
        # One search box, the header's, as on every page.
        assert html.count('type="search"') == 1
        assert client.get("/fi/search/", {"q": "perhe"}).content.decode().count('type="search"') == 1

    def test_statistics_draw_each_count_as_svg_with_a_table(self, model_page, untranslated, client):
        html = client.get("/fi/statistics/").content.decode()
        assert html.count('<svg viewBox="0 0 640') == 4  # county, theme, stage, year
        assert 'role="img" aria-labelledby="chart-theme"' in html
        assert '<tr><th scope="row">Perhekeskukset</th><td>2</td></tr>' in html
        assert '<tr><th scope="row">2023</th><td>1</td></tr>' in html
        sv = client.get("/sv/statistics/").content.decode()
        assert "Verksamhetsmodeller per tema" in sv

    def test_statistics_count_approved_adoptions_by_county_and_status_in_each_language(self, untranslated, client):
        def adopt(area_name, status, state=ModerationState.APPROVED):
            area = Area.objects.get(locale__language_code="fi", name=area_name)
            Adoption.objects.create(
                operating_model=untranslated, organisation=area_name, area=area, status=status, moderation_state=state
            )

        adopt("Juva", AdoptionStatus.USES)  # a municipality counts in its county, Etelä-Savo
        adopt("Etelä-Savon hyvinvointialue", AdoptionStatus.PILOTS)
        adopt("Kainuun hyvinvointialue", AdoptionStatus.STOPPED)
        adopt("Kainuun hyvinvointialue", AdoptionStatus.USES, state=ModerationState.PENDING)  # not counted
        html = " ".join(shown(client.get("/fi/statistics/").content.decode()).split())
        adoptions = html.split('<section class="chart" aria-labelledby="chart-adoptions">')[1]
        assert "Käyttöönotot hyvinvointialueittain ja tilanteittain</h2>" in adoptions
        assert "3 kirjattua toimintamallien käyttöönottoa" in adoptions
        assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in adoptions
        assert adoptions.count('class="chart__bar chart__bar--') == 3  # one bar segment a county and status
        columns = '<th scope="col">Selvittää</th><th scope="col">Kokeilee</th><th scope="col">Käyttää</th>'
        assert columns in adoptions
        # Explores, pilots, uses, stopped, total.
        assert (
            '<th scope="row">Etelä-Savon hyvinvointialue</th> <td>0</td><td>1</td><td>1</td><td>0</td> <td>2</td>'
            in adoptions
        )
        assert (
            '<th scope="row">Kainuun hyvinvointialue</th> <td>0</td><td>0</td><td>0</td><td>1</td> <td>1</td>'
            in adoptions
        )
        assert '<tfoot><tr><th scope="row">Yhteensä</th><td>0</td><td>1</td><td>1</td><td>1</td><td>3</td>' in adoptions
        sv = " ".join(shown(client.get("/sv/statistics/").content.decode()).split())
        assert "Ibruktaganden per välfärdsområde och status</h2>" in sv
        assert (
            '<th scope="row">Södra Savolax välfärdsområde</th> <td>0</td><td>1</td><td>1</td><td>0</td> <td>2</td>'
            in sv
        )
        en = " ".join(client.get("/en/statistics/").content.decode().split())
        assert "Adoptions by wellbeing services county and status</h2>" in en and "Has stopped using" in en

    def test_statistics_say_when_no_adoption_is_recorded(self, untranslated, client):
        html = shown(client.get("/sv/statistics/").content.decode())
        assert "Inga ibruktaganden har registrerats ännu." in html
        assert html.count("<svg") == 4  # the operating models' charts only

    def test_related_operating_models_come_from_the_page_context(self, model_page, untranslated, client):
        response = client.get(untranslated.url)
        assert [page.title for page in response.context["related_operating_models"]] == ["Perheneuvonta"]


class TestSiteFurniture:
    def test_favicon_and_web_manifest(self, client):
        response = client.get("/favicon.ico")
        assert response.status_code == 301 and response["Location"].endswith("icons/favicon.ico")
        manifest = client.get("/sv/manifest.webmanifest")
        assert manifest["Content-Type"] == "application/manifest+json"
        data = manifest.json()
        assert data["name"] == "Verksamhetsmodellbiblioteket" and data["start_url"] == "/sv/"
        assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
        html = client.get("/fi/").content.decode()
        assert '<link rel="manifest" href="/fi/manifest.webmanifest">' in html

    def test_site_texts_in_the_visitors_language_from_the_snippet(self, locales, client):
        assert "Toimintamallikirjasto" in shown(client.get("/fi/").content.decode())
        SiteTexts.objects.create(locale=locales["fi"], site_name="Mallikirjasto", footer_text="Alatunniste.")
        SiteTexts.objects.create(locale=locales["sv"], site_name="Modellbiblioteket", footer_text="Sidfot.")
        assert "Alatunniste." in client.get("/fi/").content.decode()
        html = shown(client.get("/sv/").content.decode())
        assert "Modellbiblioteket</a>" in html and "Sidfot." in html
        assert "Alatunniste." in client.get("/en/").content.decode()  # Finnish when no English texts

    def test_headings_get_soft_hyphens_in_finnish_from_voikko_and_in_swedish_from_pyphen(self):
        assert hyphenate("Toimintamallikirjasto", "fi").replace(SOFT_HYPHEN, "-") == "Toi-min-ta-mal-li-kir-jas-to"
        assert hyphenate("Verksamhetsmodellbiblioteket", "sv").replace(SOFT_HYPHEN, "-").startswith("Verk-sam-hets-")
        assert hyphenate("Operating model library", "en") == "Operating model library"  # left to the browser
        assert hyphenate("<b>perhekeskustoiminta</b>", "fi").startswith("&lt;b&gt;")
        assert hyphenate("Perhe", "fi") == "Perhe"  # short words are left alone

    def test_dates_use_each_languages_format(self, untranslated):
        template = Template('{% load i18n %}{{ page.created_date|date:"SHORT_DATE_FORMAT" }}')
        dates = {}
        for code in ("fi", "sv", "en"):
            with translation.override(code):
                dates[code] = template.render(Context({"page": untranslated}))
        assert dates == {"fi": "11.12.2023", "sv": "2023-12-11", "en": "11 Dec 2023"}
