"""Factories for the page types, with complete, publishable content by default."""

import json

import factory
import wagtail_factories

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, OperatingModelPage


def section_stream(*omit):
    """The description sections of a publishable operating model, less the named ones."""
    stream = [
        {"type": "core_idea", "value": "<p>Perheneuvo kokoaa yhteydenotot yhteen paikkaan.</p>"},
        {"type": "operating_environment", "value": "<p>Hyvinvointialueen lapsiperhepalvelut.</p>"},
        {"type": "target_group", "value": "<p>Alueen lapsiperheet.</p>"},
        {"type": "conditions", "value": {"intro": "", "items": ["Koulutus", "Esitteet"]}},
        {
            "type": "evaluation",
            "value": {
                "intro": "",
                "perspectives": [
                    {"perspective": "clients", "findings": ["Apua saa nopeasti"], "measurement": "Asiakaskysely"},
                    {"perspective": "staff", "findings": ["Yhteinen tiimityön malli"], "measurement": ""},
                ],
            },
        },
        {"type": "dependencies", "value": {"items": [{"name": "Asiakasohjaus", "needs": "Ohjaus"}], "notes": ""}},
        {"type": "tips", "value": {"intro": "", "items": ["Aloita pienestä"]}},
    ]
    return json.dumps([section for section in stream if section["type"] not in omit])


class OperatingModelPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Toimintamalli {n}")
    short_description = "Matalan kynnyksen perheneuvonta yhdellä yhteydenotolla."
    implementation_place = "Etelä-Savon hyvinvointialue"
    body = factory.LazyFunction(section_stream)

    class Meta:
        model = OperatingModelPage


class DevelopmentEntityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kehittämishanke {n}")
    short_description = "Hanke yhteensovittaa järjestöjen ja julkisten palvelujen osaamisen."
    contact_name = "Tiina Palviainen"
    contact_email = "tiina.palviainen@example.fi"

    class Meta:
        model = DevelopmentEntityPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artikkeli {n}")
    intro = "Perhekeskuksia kehitetään yhdessä järjestöjen kanssa."
    body = json.dumps([{"type": "paragraph", "value": "<p>Yhteistyö on vahvistunut.</p>"}])

    class Meta:
        model = ArticlePage
