"""The data migration's roles and workflows, their assignment to new language trees, demo users."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Locale, Page, Task, Workflow, WorkflowPage
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from demo.users import DEMO_PASSWORD, DEMO_USERS, create_demo_users
from review.models import Membership
from review.roles import (
    AUTHORS,
    REVIEWERS,
    ROLE_MESSAGES,
    SITE_EDITORS,
    admin_name,
    language_reviewers,
    translators,
)

pytestmark = pytest.mark.django_db


def workflow_of(page):
    workflow = page.get_workflow()
    return workflow.name if workflow else None


def test_the_migration_creates_a_group_for_every_role():
    names = set(Group.objects.values_list("name", flat=True))
    for name in (AUTHORS, REVIEWERS, SITE_EDITORS, translators("sv"), translators("en")):
        assert name in names
    assert language_reviewers("sv") in names and language_reviewers("en") in names


def test_descriptions_are_reviewed_and_wagtails_default_workflow_is_gone(library):
    root = Page.get_first_root_node()
    assert not WorkflowPage.objects.filter(page=root).exists()
    assert not Workflow.objects.get(name="Moderators approval").active
    assert workflow_of(library) == admin_name("Description review")
    task = Workflow.objects.get(name=admin_name("Description review")).tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {REVIEWERS, SITE_EDITORS}


def test_a_new_language_tree_gets_its_review_workflow_and_permissions(site):
    sv_library = site.library.get_translation(Locale.objects.get(language_code="sv"))
    en_library = site.library.get_translation(Locale.objects.get(language_code="en"))
    assert workflow_of(sv_library) == admin_name("Swedish translation review")
    assert workflow_of(en_library) == admin_name("English translation review")
    sv_home = sv_library.get_parent()
    granted = {
        (permission.group.name, permission.permission.codename)
        for permission in GroupPagePermission.objects.filter(page=sv_home)
    }
    assert granted == {
        (translators("sv"), "change_page"),
        (language_reviewers("sv"), "change_page"),
        (language_reviewers("sv"), "publish_page"),
        (language_reviewers("sv"), "lock_page"),
        (language_reviewers("sv"), "unlock_page"),
    }


def test_setup_review_is_idempotent(site):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    call_command("setup_review", stdout=StringIO())
    call_command("setup_review", stdout=StringIO())
    assert (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts


def test_demo_users_exist_for_every_role_and_can_sign_in(library):
    assert sorted(create_demo_users()) == sorted(DEMO_USERS)
    assert create_demo_users() == []
    author = Membership.objects.get(user__username="author")
    assert author.organisation.locale.language_code == "fi"
    for username, (group_name, _first, _last) in DEMO_USERS.items():
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD)
        assert client.get("/admin/").status_code == 200, username
        assert Group.objects.get(name=group_name).user_set.filter(username=username).exists()


def test_notifications_go_to_the_test_mailbox(settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert mail.outbox == []


def test_wagtail_localize_still_offers_every_language_to_any_translator(site, rf):
    """review.upstream_localize exists because of this; when this fails, upstream limits languages and it can go.

    wagtail-localize's own view, as the Swedish translator opens it: it offers English too.
    """
    page = site.description(live=True)
    request = rf.get("/")
    request.user = site.user("translator_sv")
    response = SubmitPageTranslationView.as_view()(request, page_id=page.pk)
    offered = {locale.language_code for locale in response.context_data["form"].fields["locales"].queryset}
    assert offered == {"sv", "en"}


def test_workflow_and_task_names_are_finnish_and_swedish():
    names = set(Workflow.objects.filter(active=True).values_list("name", flat=True)) | set(
        Task.objects.filter(active=True).values_list("name", flat=True)
    )
    assert "Kuvauksen tarkastus / Granskning av beskrivning" in names
    assert "Ruotsinkielisen käännöksen tarkastus / Granskning av svensk översättning" in names
    assert not names & {"Description review", "Review by reviewers", "Swedish translation review"}


def test_groups_are_named_in_finnish_and_swedish_with_the_adoption_permissions():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Kirjoittajat / Skribenter",
        "Tarkastajat / Granskare",
        "Sivuston ylläpitäjät / Webbplatsredaktörer",
    } <= names
    assert not names & set(ROLE_MESSAGES)
    assert Group.objects.get(name=AUTHORS).permissions.filter(codename="add_adoption").exists()


def test_groups_stored_under_their_english_names_are_renamed_keeping_their_members(django_user_model):
    from django.apps import apps

    from review.setup import name_groups

    group = Group.objects.get(name=AUTHORS)
    group.name = "Authors"
    group.save()
    user = django_user_model.objects.create_user("old_author")
    user.groups.add(group)
    name_groups(apps)
    group.refresh_from_db()
    assert group.name == "Kirjoittajat / Skribenter" == AUTHORS
    assert AUTHORS in set(user.groups.values_list("name", flat=True))
