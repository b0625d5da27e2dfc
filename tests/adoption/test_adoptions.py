"""Adoption records: added by authors, proposed by visitors through moderation, shown on the model page."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from adoption.models import Adoption, AdoptionStatus, ModerationState

from .conftest import area

pytestmark = pytest.mark.django_db


def proposal(**fields):
    data = {
        "status": AdoptionStatus.PILOTS,
        "organisation": "Pohjois-Savon hyvinvointialue",
        "area": area("Pohjois-Savon hyvinvointialue").pk,
        "start_date": "2025-01-15",
        "changes": "Ajanvaraus puhelimitse.",
        "outcome": "Jonot lyhenivät.",
        "contact_name": "Maija Meikäläinen",
        "contact_email": "maija@example.fi",
        "contact_consent": "on",
        "proposer_email": "ehdottaja@example.fi",
        "website": "",
    }
    return {key: value for key, value in {**data, **fields}.items() if value is not None}


def propose_url(page, language="fi"):
    with translation.override(language):
        return reverse("adoption:propose", args=[page.pk])


def record(page, area_name, status=AdoptionStatus.USES, organisation=None, **fields):
    return Adoption.objects.create(
        operating_model=page, status=status, organisation=organisation or area_name, area=area(area_name), **fields
    )


def test_an_author_adds_an_adoption_from_the_model_page_without_moderation(client, model_page, author):
    client.force_login(author)
    page_html = client.get(model_page.url).content.decode()
    assert propose_url(model_page) in page_html and "Lisää käyttöönotto" in page_html
    response = client.post(propose_url(model_page), proposal(proposer_email=""))
    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert adoption.moderation_state == ModerationState.APPROVED
    page_html = client.get(model_page.url).content.decode()
    assert "Pohjois-Savon hyvinvointialue" in page_html
    assert "Käyttöönotto tallennettiin" in page_html


def test_a_visitor_proposes_an_adoption_that_a_reviewer_approves(client, model_page, reviewer):
    response = client.post(propose_url(model_page), proposal())
    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert adoption.moderation_state == ModerationState.PENDING
    assert [message.to for message in mail.outbox] == [[reviewer.email]]
    assert "Pohjois-Savon hyvinvointialue" not in client.get(model_page.url).content.decode()

    client.force_login(reviewer)
    edit_url = reverse("wagtailsnippets_adoption_adoption:edit", args=[adoption.pk])
    assert client.get(edit_url).status_code == 200
    data = {**proposal(), "operating_model": model_page.pk, "moderation_state": "approved"}
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    adoption.refresh_from_db()
    assert adoption.moderation_state == ModerationState.APPROVED
    assert mail.outbox[-1].to == ["ehdottaja@example.fi"]
    assert "hyväksyttiin" in mail.outbox[-1].subject
    client.logout()
    assert "Pohjois-Savon hyvinvointialue" in client.get(model_page.url).content.decode()


def test_a_rejected_proposal_is_not_shown_and_the_proposer_is_told(client, model_page):
    client.post(propose_url(model_page), proposal())
    adoption = Adoption.objects.get()
    adoption.moderation_state = ModerationState.REJECTED
    adoption.save()
    assert mail.outbox[-1].to == ["ehdottaja@example.fi"]
    assert "ei hyväksytty" in mail.outbox[-1].subject
    assert "Pohjois-Savon hyvinvointialue" not in client.get(model_page.url).content.decode()


def test_a_proposal_in_swedish_is_answered_in_swedish(client, model_page):
    client.post(propose_url(model_page, "sv"), proposal())
    adoption = Adoption.objects.get()
    adoption.moderation_state = ModerationState.APPROVED
    adoption.save()
    assert "godkändes" in mail.outbox[-1].subject


def test_bad_input_gives_clear_messages_and_keeps_what_was_typed(client, model_page):
    response = client.post(propose_url(model_page), proposal(organisation="", proposer_email="ei-osoite"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tämä kenttä on pakollinen." in html
    assert "Ajanvaraus puhelimitse." in html
    assert not Adoption.objects.exists()


def test_the_honeypot_refuses_a_proposal(client, model_page):
    client.post(propose_url(model_page), proposal(website="http://spam.example"))
    assert not Adoption.objects.exists()


def test_the_contact_person_is_shown_only_with_consent(client, model_page):
    record(model_page, "Kainuun hyvinvointialue", contact_name="Näkyvä Henkilö", contact_consent=True)
    record(model_page, "Lapin hyvinvointialue", contact_name="Piilotettu Henkilö", contact_email="piilo@example.fi")
    html = client.get(model_page.url).content.decode()
    assert "Näkyvä Henkilö" in html
    assert "Piilotettu Henkilö" not in html and "piilo@example.fi" not in html


def test_the_model_page_counts_regions_that_use_or_pilot_it_and_lists_them_by_county(client, model_page):
    record(model_page, "Enonkoski", organisation="Enonkosken perhekeskus", status=AdoptionStatus.PILOTS)
    record(model_page, "Juva", organisation="Juvan perhekeskus")
    record(model_page, "Kainuun hyvinvointialue")
    record(model_page, "Lapin hyvinvointialue", status=AdoptionStatus.EXPLORES)
    record(model_page, "Keski-Suomen hyvinvointialue", moderation_state=ModerationState.PENDING)
    html = client.get(model_page.url).content.decode()
    # Etelä-Savo (two municipalities) and Kainuu use or pilot it; Lapland only explores it.
    assert "Käytössä tai kokeilussa 2 hyvinvointialueella." in html
    county_heading = html.index("<h3>Etelä-Savon hyvinvointialue</h3>")
    assert county_heading < html.index("Enonkosken perhekeskus") < html.index("<h3>Kainuun hyvinvointialue</h3>")
    assert "Juvan perhekeskus" in html
    assert "Keski-Suomen hyvinvointialue</h3>" not in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_model_page_makes_the_same_number_of_queries_with_1_and_50_adoptions(client, model_page):
    record(model_page, "Juva")
    with_one = count_queries(client, model_page.url)
    names = ["Enonkoski", "Kainuun hyvinvointialue", "Lapin hyvinvointialue", "Hirvensalmi", "Juva"]
    for index in range(49):
        record(model_page, names[index % 5], organisation=f"Organisaatio {index}", contact_consent=True)
    with_fifty = count_queries(client, model_page.url)
    assert with_one == with_fifty


def test_the_library_view_shows_adoptions_by_county_and_by_model_as_table_and_chart(client, model_page, library):
    record(model_page, "Juva")
    record(model_page, "Enonkoski", status=AdoptionStatus.PILOTS)
    record(model_page, "Kainuun hyvinvointialue", status=AdoptionStatus.STOPPED)
    response = client.get(reverse("adoption:overview"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in html
    assert html.count('class="chart__bar chart__bar--') == 3
    by_county, by_model = html.split('id="by-model"')
    # Etelä-Savo: 0 explore, 1 pilots, 1 uses, 0 stopped, 2 in total.
    row = '<th scope="row">Etelä-Savon hyvinvointialue</th> <td>0</td><td>1</td><td>1</td><td>0</td> <td>2</td>'
    assert row in " ".join(by_county.split())
    assert f'<a href="{model_page.url}">Perheneuvo</a>' in by_model


def test_the_admin_lists_adoptions_with_filters_in_the_editors_language(client, model_page, reviewer):
    record(model_page, "Juva", moderation_state=ModerationState.PENDING)
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(reviewer)
    response = client.get(reverse("wagtailsnippets_adoption_adoption:list") + "?moderation_state=pending")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Juva" in html and "Väntar på moderering" in html


def test_an_author_cannot_approve_a_proposal_in_the_admin(client, model_page, author):
    adoption = record(model_page, "Juva", moderation_state=ModerationState.PENDING, proposer_email="p@example.fi")
    client.force_login(author)
    edit_url = reverse("wagtailsnippets_adoption_adoption:edit", args=[adoption.pk])
    assert 'name="moderation_state"' not in client.get(edit_url).content.decode()
    data = {**proposal(area=adoption.area_id), "operating_model": model_page.pk, "moderation_state": "approved"}
    assert client.post(edit_url, data).status_code == 302
    adoption.refresh_from_db()
    assert (
        adoption.moderation_state == ModerationState.PENDING
        and adoption.organisation == "Pohjois-Savon hyvinvointialue"
    )
    assert not mail.outbox


def test_the_proposal_form_names_areas_in_the_visitors_language(client, model_page):
    html = client.get(propose_url(model_page, "sv")).content.decode()
    assert ">Södra Savolax välfärdsområde</option>" in html and ">Etelä-Savon hyvinvointialue<" not in html
