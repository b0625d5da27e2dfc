"""Search index updates and e-mail wait in the database queue: a hanging search server delays
neither a save nor a suggestion."""

import socket
import time

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from config.settings.base import search_backend_settings
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def hanging_search_server():
    """An OpenSearch address whose socket accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    backend = search_backend_settings("opensearch", url, "hanging_")
    with override_settings(TASKS=DATABASE_QUEUE, WAGTAILSEARCH_BACKENDS={"default": backend}):
        yield
    server.close()


def test_publishing_takes_under_a_second_with_a_hanging_search_server(hanging_search_server, library):
    started = time.perf_counter()
    page = OperatingModelPageFactory(parent=library, title="Perheneuvola")
    page.save_revision().publish()
    assert time.perf_counter() - started < 1
    queued = DBTaskResult.objects.filter(task_path__endswith="insert_or_update_object_task")
    assert queued.filter(status="READY").exists()


def test_suggestions_answer_within_300_ms_with_a_hanging_search_server(hanging_search_server, client):
    client.get("/fi/search/suggest/", {"q": "ko"})  # the first request of a process imports the search client
    started = time.perf_counter()
    response = client.get("/fi/search/suggest/", {"q": "perhe"})
    assert time.perf_counter() - started < 0.3
    assert response.json() == {"suggestions": []}


@override_settings(
    TASKS=DATABASE_QUEUE,
    EMAIL_BACKEND="hosting.mail.QueuedEmailBackend",
    QUEUED_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_email_waits_in_the_queue_until_the_worker_sends_it(monkeypatch):
    # The worker closes connections older than CONN_MAX_AGE between tasks; the test's own is kept.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    mail.send_mail("Tarkistettavana", "Kuvaus odottaa tarkistusta.", settings.DEFAULT_FROM_EMAIL, ["tarkistaja@x.fi"])
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="hosting.mail.send_queued_email", status="READY").count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert [(message.subject, message.to) for message in mail.outbox] == [("Tarkistettavana", ["tarkistaja@x.fi"])]
