"""Someone guessing an editor's password is stopped after five tries and told why, in Finnish."""

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, password):
    page.get_by_label("Käyttäjätunnus").fill("toimittaja")
    page.get_by_placeholder("Syötä salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu").click()
    page.wait_for_load_state()


@override_settings(AXES_ENABLED=True)
def test_five_wrong_passwords_lock_the_username(migrated_data, live_server, browser_page, screenshot):
    User.objects.create_superuser("toimittaja", password="oikea-salasana-123")
    browser_page.goto(live_server.url + "/admin/login/")
    for _ in range(4):
        sign_in(browser_page, "väärä")
        assert browser_page.get_by_label("Käyttäjätunnus").is_visible()
    sign_in(browser_page, "väärä")
    heading = browser_page.get_by_role("heading", name="Liian monta epäonnistunutta kirjautumisyritystä")
    assert heading.is_visible()
    assert "estetty 15 minuutiksi" in browser_page.content()
    screenshot("login-locked-out")
    browser_page.goto(live_server.url + "/admin/login/")
    sign_in(browser_page, "oikea-salasana-123")
    assert heading.is_visible()  # the right password does not open the lock either
