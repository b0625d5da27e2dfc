"""`make backup` and `make restore` give back the same site: page tree, revisions and media."""

import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from home.sections import site_sections
from tests.factories import OperatingModelPageFactory


def site_state(media_root):
    """What a visitor and an editor would see of the site, as plain data."""
    pages = list(Page.objects.order_by("path").values_list("path", "title", "live", "url_path", "locale_id"))
    revisions = [
        (r.object_id, r.created_at.isoformat(), json.dumps(r.content, sort_keys=True, default=str))
        for r in Revision.objects.order_by("pk")
    ]
    media = {
        str(path.relative_to(media_root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(media_root).rglob("*"))
        if path.is_file()
    }
    return {"pages": pages, "revisions": revisions, "media": media}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_backup_and_restore_give_back_the_same_site(migrated_data, media_root, tmp_path):
    library, _articles = site_sections()
    page = OperatingModelPageFactory(parent=library, title="Perheneuvola")
    page.save_revision().publish()
    page.title = "Perheneuvola, luonnos"
    page.save_revision()
    document = get_document_model()(title="Arviointiraportti")
    document.file.save("arviointi.txt", ContentFile(b"Arvioinnin tulokset"), save=True)
    before = site_state(media_root)
    assert before["media"] and len(before["revisions"]) == 2

    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    page.delete()
    OperatingModelPageFactory(parent=library, title="Myöhemmin lisätty")
    document.file.delete()
    (Path(media_root) / "extra.txt").write_text("not in the backup")
    assert site_state(media_root) != before

    call_command("restore", str(tmp_path / "backup"), stdout=StringIO())
    assert site_state(media_root) == before
