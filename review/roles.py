"""The editorial roles: their groups, page permissions and review workflows.

Everything here is plain data so that the data migration, ``setup_review`` and the
signal that prepares new language trees all build the same thing.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_noop

from core.languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGE_NAMES, TRANSLATION_LANGUAGES

# The context of the group names in the catalogs ("Authors" of a page is another word).
ROLE_CONTEXT = "editorial role"


def role_name(message):
    """A group's name as stored: in Finnish and Swedish, like the workflows' (see ``admin_name``)."""
    return admin_name(message, context=ROLE_CONTEXT)


# The constants are the stored names, looked up when used (the catalogs load after this module).
lazy_role_name = lazy(role_name, str)


def translators_message(language_code):
    return f"Translators ({TRANSLATION_LANGUAGE_NAMES[language_code]})"


def language_reviewers_message(language_code):
    return f"Language reviewers ({TRANSLATION_LANGUAGE_NAMES[language_code]})"


AUTHORS_MESSAGE = "Authors"
REVIEWERS_MESSAGE = "Reviewers"
SITE_EDITORS_MESSAGE = "Site editors"
# Every group's name in English, the message its stored name is translated from.
ROLE_MESSAGES = (
    AUTHORS_MESSAGE,
    REVIEWERS_MESSAGE,
    *[message(code) for code in TRANSLATION_LANGUAGES for message in (translators_message, language_reviewers_message)],
    SITE_EDITORS_MESSAGE,
)

AUTHORS = lazy_role_name(AUTHORS_MESSAGE)
REVIEWERS = lazy_role_name(REVIEWERS_MESSAGE)
SITE_EDITORS = lazy_role_name(SITE_EDITORS_MESSAGE)


def translators(language_code):
    return lazy_role_name(translators_message(language_code))


def language_reviewers(language_code):
    return lazy_role_name(language_reviewers_message(language_code))


@dataclass(frozen=True)
class Role:
    """A group, the page permissions it has on a tree and the model permissions it has everywhere.

    ``tree`` is the language code of the tree the page permissions apply to (its root page
    is the language's home page), or ``None`` for the whole site (Wagtail's root page).
    """

    group: str
    tree: str | None
    page_permissions: tuple[str, ...]
    permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    all_permissions: bool = False


ADMIN_ACCESS = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
VIEW_CLASSIFICATIONS = tuple(
    f"taxonomy.view_{model}" for model in ("area", "theme", "targetgroup", "funder", "organisation")
)

ROLES = [
    Role(
        AUTHORS,
        tree=SOURCE_LANGUAGE,
        page_permissions=("add", "change"),
        permissions=(ADMIN_ACCESS, *VIEW_CLASSIFICATIONS),
        collection_permissions=("add_image", "choose_image", "add_document", "choose_document"),
    ),
    Role(
        REVIEWERS,
        tree=SOURCE_LANGUAGE,
        page_permissions=("change", "publish", "lock", "unlock"),
        permissions=(ADMIN_ACCESS, *VIEW_CLASSIFICATIONS),
        collection_permissions=("choose_image", "choose_document"),
    ),
    *[
        role
        for code in TRANSLATION_LANGUAGES
        for role in (
            Role(
                translators(code),
                tree=code,
                page_permissions=("change",),
                permissions=(ADMIN_ACCESS, SUBMIT_TRANSLATION),
            ),
            Role(
                language_reviewers(code),
                tree=code,
                page_permissions=("change", "publish", "lock", "unlock"),
                permissions=(ADMIN_ACCESS,),
            ),
        )
    ],
    Role(
        SITE_EDITORS,
        tree=None,
        page_permissions=("add", "bulk_delete", "change", "lock", "publish", "unlock"),
        collection_permissions=(
            "add_image",
            "change_image",
            "delete_image",
            "choose_image",
            "add_document",
            "change_document",
            "delete_document",
            "choose_document",
        ),
        all_permissions=True,
    ),
]


@dataclass(frozen=True)
class ReviewWorkflow:
    """A workflow of one group approval task, assigned to the home page of one language."""

    name: str
    task: str
    language: str
    groups: tuple[str, ...]


TRANSLATION_REVIEWS = {
    "sv": (gettext_noop("Swedish translation review"), gettext_noop("Swedish language review")),
    "en": (gettext_noop("English translation review"), gettext_noop("English language review")),
}
WORKFLOWS = [
    ReviewWorkflow(
        gettext_noop("Description review"),
        gettext_noop("Review by reviewers"),
        SOURCE_LANGUAGE,
        (REVIEWERS, SITE_EDITORS),
    ),
    *[
        ReviewWorkflow(workflow, task, code, (language_reviewers(code), SITE_EDITORS))
        for code, (workflow, task) in TRANSLATION_REVIEWS.items()
    ],
]


def admin_name(message, context=None):
    """A workflow, task or group name as stored: in Finnish and Swedish, from the catalogs.

    Wagtail shows these names as they are stored, to every user and in its e-mails, so the
    stored name carries both languages of the admin ("Kuvauksen tarkastus / Granskning av beskrivning").
    """
    names = []
    for language_code in (SOURCE_LANGUAGE, "sv"):
        with translation.override(language_code):
            names.append(translation.pgettext(context, message) if context else translation.gettext(message))
    return " / ".join(dict.fromkeys(names))
