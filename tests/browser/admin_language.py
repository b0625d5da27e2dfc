"""The admin page as Chromium shows it is in the user's language: no English interface string or date.

Reads what the user sees (React-rendered text included): the body's visible text line by line, and
the labels of visible elements (aria-label, title, placeholder, alt, button values).
"""

from tests.admin_language import english_strings

VISIBLE_TEXTS = """() => {
    const texts = document.body.innerText.split('\\n');
    const labelled = '[aria-label], [title], [placeholder], [alt], input[type=submit], input[type=button]';
    for (const element of document.body.querySelectorAll(labelled)) {
        if (element.checkVisibility()) {
            for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
                texts.push(element.getAttribute(name) || '');
            }
            if (element.type === 'submit' || element.type === 'button') {
                texts.push(element.value || '');
            }
        }
    }
    return texts.map((text) => text.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}"""


def assert_in_users_language(page, language_code):
    """Fail naming every English interface string (or English date) visible on the page."""
    english = english_strings(set(page.evaluate(VISIBLE_TEXTS)), language_code)
    assert not english, f"English on {page.url} for a user in {language_code}: {english}"
