"""Small published libraries for the open data tests: a model of a municipality with every
classification, a draft and a restricted page; with them the seed pages in Finnish with published
Swedish and English versions. Responses are read with real parsers (feedparser, ElementTree, lxml, pyld, jsonschema)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from lxml import html
from wagtail.models import Locale, PageViewRestriction

from demo.translations import translate_demo
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from taxonomy.models import Area, Funder, Organisation, TargetGroup, Theme
from tests.conftest import SEEDS
from tests.factories import DevelopmentEntityPageFactory, OperatingModelPageFactory, section_stream

FI = {"locale__language_code": "fi"}
# The sections a description may have besides the national ones, so that every section type is present.
OPTIONAL_SECTIONS = [
    {
        "type": "process",
        "value": {"steps": [{"phase": "Yhteydenotto", "description": "Perhe soittaa.", "actors": "", "tools": ""}]},
    },
    {"type": "extra", "value": {"heading": "Kokemuksia", "text": "<p>Perheet ovat tyytyväisiä.</p>"}},
]
HOST = {"HTTP_HOST": "127.0.0.1:8000"}


def source(model, slug):
    return model.objects.get(slug=slug, **FI)


def make_pages(library):
    """A published model of a municipality with every classification in a development entity, a draft
    and a page for logged-in users only."""
    entity = DevelopmentEntityPageFactory(parent=library, title="Perhekeskushanke")
    mikkeli = OperatingModelPageFactory(
        parent=library,
        title="Perhekeskus Mikkelissä",
        development_stage="piloting",
        development_entity=entity,
        body=json.dumps(json.loads(section_stream()) + OPTIONAL_SECTIONS),
    )
    mikkeli.areas.set([source(Area, "mikkeli")])
    mikkeli.themes.set([source(Theme, "perhekeskukset")])
    mikkeli.target_groups.set([source(TargetGroup, "lapsiperheet")])
    mikkeli.funders.set([source(Funder, "stea")])
    mikkeli.organisation = Organisation.objects.create(
        name="Etelä-Savon hyvinvointialue", slug="esha", locale=Locale.objects.get(language_code="fi")
    )
    mikkeli.authors.create(name="Maija Meikäläinen")
    mikkeli.tags.add("perheneuvonta")
    mikkeli.save_revision().publish()
    draft = OperatingModelPageFactory(parent=library, title="Luonnos toimintamallista", live=False)
    draft.themes.set([source(Theme, "perhekeskukset")])
    draft.save_revision()
    restricted = OperatingModelPageFactory(parent=library, title="Suljettu toimintamalli")
    restricted.themes.set([source(Theme, "perhekeskukset")])
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    return {"entity": entity, "mikkeli": mikkeli, "draft": draft, "restricted": restricted}


@pytest.fixture
def pages(library):
    return make_pages(library)


@pytest.fixture
def site(library):
    """The seeds translated and published in every language, and the pages above (in Finnish only)."""
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
    translate_demo(publish=True)
    return {
        **make_pages(library),
        "seed_model": OperatingModelPage.objects.get(slug__startswith="kasvatus", **FI),
        "seed_entity": DevelopmentEntityPage.objects.get(slug__startswith="vauva", **FI),
    }


@pytest.fixture
def client(client):
    """The test client, addressed as the site is served (the SITE_URL of the tests)."""
    client.defaults.update(HOST)
    return client


def parse_html(response):
    return html.fromstring(response.content.decode())
