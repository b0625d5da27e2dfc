"""The accessibility statement: the national model's sections in each language, linked from every
page, and a feedback form that keeps what is sent and says plainly what is missing."""

import pytest
from django.core import mail

from about.models import AccessibilityFeedback
from tests.factories import ArticlePageFactory, DevelopmentEntityPageFactory, OperatingModelPageFactory

pytestmark = pytest.mark.django_db

SECTIONS = {
    "fi": [
        "Saavutettavuusseloste",
        "Digipalvelun saavutettavuuden tila",
        "Ei-saavutettava sisältö",
        "Anna palautetta saavutettavuudesta",
        "Valvontaviranomainen",
        "Liikenne- ja viestintävirasto Traficom",
    ],
    "sv": [
        "Tillgänglighetsutlåtande",
        "Den digitala tjänstens tillgänglighetsstatus",
        "Innehåll som inte är tillgängligt",
        "Ge respons om tillgängligheten",
        "Tillsynsmyndighet",
        "Transport- och kommunikationsverket Traficom",
    ],
    "en": [
        "Accessibility statement",
        "Compliance status",
        "Non-accessible content",
        "Feedback",
        "Supervisory authority",
        "Finnish Transport and Communications Agency Traficom",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_statement_has_the_national_models_sections_in_each_language(client, language):
    html = client.get(f"/{language}/accessibility/").content.decode()
    assert f'<html lang="{language}">' in html
    for text in SECTIONS[language]:
        assert text in html, f"{language}: {text}"
    assert html.count("<h2 id=") == 4  # compliance, gaps, feedback, supervisory authority
    assert 'href="mailto:saavutettavuus@traficom.fi"' in html
    assert "306/2019" in html and "WCAG" in html and " AA" in html


def test_every_page_links_to_the_statement_in_its_language(client, library, article_index):
    pages = [
        library.get_parent(),
        library,
        OperatingModelPageFactory(parent=library),
        DevelopmentEntityPageFactory(parent=library),
        article_index,
        ArticlePageFactory(parent=article_index),
    ]
    addresses = [page.url for page in pages] + ["/fi/search/?q=perhe", "/fi/statistics/", "/fi/tags/x/", "/fi/ei-ole/"]
    for address in addresses:
        html = client.get(address).content.decode()
        assert '<a href="/fi/accessibility/">Saavutettavuusseloste</a>' in html, address
    assert '<a href="/sv/accessibility/">Tillgänglighetsutlåtande</a>' in client.get("/sv/search/").content.decode()


def test_feedback_is_kept_and_sent_to_the_managers(client, settings):
    settings.MANAGERS = [("Ylläpito", "yllapito@example.fi")]
    response = client.post(
        "/sv/accessibility/",
        {"message": "Diagrammet går inte att läsa.", "page_address": "/sv/statistics/", "email": "a@example.fi"},
    )
    assert response.status_code == 302 and response["Location"] == "/sv/accessibility/?sent=1#feedback"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == "Diagrammet går inte att läsa."
    assert (feedback.language, feedback.email) == ("sv", "a@example.fi")
    assert len(mail.outbox) == 1 and "Diagrammet går inte att läsa." in mail.outbox[0].body
    assert "Tack. Din respons har tagits emot" in client.get(response["Location"]).content.decode()


def test_feedback_without_a_message_is_refused_in_the_visitors_language_keeping_what_was_typed(client):
    response = client.post("/fi/accessibility/", {"message": "", "email": "a@example.fi"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kirjoita, mikä ongelma on, jotta voimme korjata sen." in html
    assert 'aria-invalid="true"' in html and 'value="a@example.fi"' in html
    assert not AccessibilityFeedback.objects.exists()


def test_an_invalid_email_is_explained(client):
    response = client.post("/en/accessibility/", {"message": "Low contrast", "email": "not an address"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
