"""The demo: classified seed pages, a summary for the transcript, and pages published through the Swedish review."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, WorkflowState

from articles.models import ArticlePage
from demo.content import SUMMARIES
from models_library.models import OperatingModelPage
from review.roles import admin_name
from tests.searching import titles

pytestmark = pytest.mark.django_db
MODEL_SV = "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax"


@pytest.fixture(autouse=True)
def keep_language():
    """Requests to Swedish pages activate Swedish; the tests after these keep their own language."""
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def demo():
    out = StringIO()
    call_command("load_demo", force=True, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_demo_can_be_browsed_by_every_facet_and_by_tag(client, demo):
    model = OperatingModelPage.objects.get(locale__language_code="fi")
    assert {theme.slug for theme in model.themes.all()} >= {"lapsiperhepalvelut", "mielenterveys"}
    assert {group.slug for group in model.target_groups.all()} == {"lapsiperheet", "lapset-ja-nuoret"}
    assert titles(client.get("/fi/search/", {"theme": "mielenterveys"})) == [model.title]
    assert titles(client.get("/fi/search/", {"target_group": "lapset-ja-nuoret"})) == [model.title]
    assert model.title in titles(client.get("/fi/tags/perheneuvonta/"))

    transcript = ArticlePage.objects.get(locale__language_code="fi", title="Yhteistyöllä perheiden hyvinvointia")
    assert transcript.intro == SUMMARIES["002_d4dc7358566895e3.txt"]
    paragraphs = [block.value.source for block in transcript.body]
    assert paragraphs[0].startswith("<p>Yhteistyöllä perheiden hyvinvointia")
    assert not any("Transkriptio" in text or text[3:4].isdigit() for text in paragraphs)


def test_a_model_and_an_article_are_published_in_swedish_through_the_swedish_review(client, demo):
    model = OperatingModelPage.objects.get(locale__language_code="sv")
    article = ArticlePage.objects.get(locale__language_code="sv", title="Familjecentret och tidigt stöd i vardagen")
    for page in (model, article):
        assert page.live
        state = WorkflowState.objects.for_instance(page).get()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert state.requested_by.username == "translator_sv"
        assert state.workflow.name == admin_name("Swedish translation review")
        assert state.task_states.get().finished_by.username == "language_reviewer_sv"
    html = client.get(model.url).content.decode()
    assert MODEL_SV in html and "Barnfamiljerna i Södra Savolax" in html and 'lang="sv"' in html
    # The lists too (conditions, findings, dependencies, tips) are in Swedish.
    assert "en gemensam modell för teamarbete" in html and "Broschyrer" in html
    assert "yhteinen tiimityön malli" not in html
    assert "Mer information" in client.get(article.url).content.decode()
    assert "Published through the Swedish review: " + MODEL_SV in demo


def test_the_home_page_counts_the_organisations_of_the_demo_models(client, demo):
    """The operating model's implementation place, a county, is its organisation."""
    main = client.get("/fi/").content.decode().split('<main id="main"', 1)[1]
    assert '<span class="figures__number">1</span> organisaatio' in main
    assert '<span class="figures__number">0</span>' not in main


def test_the_demo_loads_again_over_itself(client, demo):
    """An existing development database loads the demo again when ``make run`` sees a new migration: the
    demo's own classification is not taken for an editor's edit, and nothing is lost or doubled."""
    pages = Page.objects.count()
    call_command("load_demo", force=True, stdout=StringIO(), stderr=StringIO())  # refused files raise CommandError
    assert Page.objects.count() == pages
    assert OperatingModelPage.objects.filter(locale__language_code="fi").count() == 1
    model = OperatingModelPage.objects.get(locale__language_code="fi")
    assert model.live and model.themes.exists()
