"""A run of many files stays cheap: a bounded number of queries per file, each page indexed once at
the end of the run (and found by the search), and the work publishing starts elsewhere done after it."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from wagtail.models import ReferenceIndex, Revision

from adoption.models import Follow
from benchmarks.import_bench import write_files
from importer.models import ImportedSource
from indexing.pages import AnalysedSearchMixin
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from search.models import RelatedModel
from search.related import stored_related
from taxonomy.models import Area
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent.parent / "demo" / "seeds"
# What a file costs in queries, at most: Wagtail's own save, revision and publication take most of them.
QUERIES_PER_FILE = 100


def run_import(*paths, **options):
    out = StringIO()
    call_command("import_descriptions", *map(str, paths), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def generated(tmp_path):
    """Ten national descriptions as the benchmark makes them: the fixtures and a seed, each its own model."""
    write_files(tmp_path, 10)
    return tmp_path


def test_the_queries_per_imported_file_stay_bounded(generated, django_assert_max_num_queries):
    run_import(generated, publish=True)  # a first run makes the library and the classifications
    created = generated / "new"
    created.mkdir()
    write_files(created, 10)
    for path in created.iterdir():
        path.rename(created / f"uusi-{path.name}")
    with django_assert_max_num_queries(10 * QUERIES_PER_FILE):
        run_import(created, publish=True)
    assert OperatingModelPage.objects.live().count() == 16


def test_each_imported_page_is_analysed_for_the_index_once_and_found_by_the_search(client, monkeypatch):
    analysed = []
    original = AnalysedSearchMixin.analysed_text

    def counted(page):
        analysed.append(page.pk)
        return original(page)

    monkeypatch.setattr(AnalysedSearchMixin, "analysed_text", counted)
    run_import(
        FIXTURES / "malli_tahdet.txt", FIXTURES / "malli_2024.txt", FIXTURES / "polku_perhetupa.txt", publish=True
    )
    imported = Counter(analysed)
    # What indexing a page once costs on this backend (SQLite's indexer analyses once, PostgreSQL's per field).
    analysed.clear()
    get_search_backend().add(OperatingModelPage.objects.first().specific)
    once = len(analysed)
    pages = OperatingModelPage.objects.values_list("pk", flat=True)
    assert once and imported == {pk: once for pk in pages}, "each page indexed once, at the end of the run"

    for query in ("perhetupa", "hyvinvointisuunnitelma"):  # its title, a word only its development path has
        results = client.get("/fi/search/", {"q": query, "format": "json"}).json()["results"]
        assert results[0]["title"] == "Perhetupa – kohtaamispaikka lapsiperheille", query


def test_the_references_of_imported_pages_are_recorded(tmp_path):
    text = (FIXTURES / "malli_tahdet.txt").read_text()
    entity = tmp_path / "0-kokonaisuus.txt"
    entity.write_text((SEEDS / "000_a500a5903890c3e1.txt").read_text())
    model = tmp_path / "1-malli.txt"
    model.write_text(
        text.replace(
            "Tekijä", "Toimintamallin kokonaisuus\nVauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin\n\nTekijä", 1
        )
    )
    run_import(tmp_path, publish=True)
    page, entity_page = OperatingModelPage.objects.get(), DevelopmentEntityPage.objects.get()
    assert page.development_entity == entity_page
    assert ReferenceIndex.get_references_to(entity_page).filter(object_id=str(page.pk)).exists()


def test_a_bulk_run_leaves_related_models_to_be_computed_on_the_next_view(library):
    area = Area.objects.get(slug="etela-savo", locale__language_code="fi")
    existing = OperatingModelPageFactory(parent=library, title="Perheneuvola Savossa", body="[]")
    existing.areas.set([area])
    existing.save_revision().publish()
    assert list(RelatedModel.objects.filter(page=existing).values_list("related", flat=True)) == [None]

    seed = SEEDS / "003_89e9e5dc8afde3f3.txt"  # Etelä-Savo
    run_import(seed, publish=True)
    assert not RelatedModel.objects.filter(page=existing).exists(), "the stale list was dropped"
    imported = OperatingModelPage.objects.exclude(pk=existing.pk).get()
    assert stored_related(existing) == [imported]
    assert list(RelatedModel.objects.filter(page=existing).values_list("related", flat=True)) == [imported.pk]


def test_followers_of_a_search_hear_of_imported_models_it_finds(client):
    Follow.objects.create(email="haku@example.fi", query="q=perheneuvonta", language="fi", confirmed=True)
    run_import(FIXTURES / "malli_tahdet.txt", FIXTURES / "malli_2024.txt", publish=True)
    found = [r["title"] for r in client.get("/fi/search/", {"q": "perheneuvonta", "format": "json"}).json()["results"]]
    assert "Matalan kynnyksen perheneuvonta sotekeskuksessa" in found
    assert {message.to[0] for message in mail.outbox} == {"haku@example.fi"}
    assert sorted(message.subject for message in mail.outbox) == sorted(
        next(message.subject for message in mail.outbox if title in message.subject) for title in found
    )


def test_nothing_is_indexed_or_alerted_when_the_run_fails(monkeypatch):
    Follow.objects.create(email="haku@example.fi", query="q=perheneuvonta", language="fi", confirmed=True)

    def broken(run):
        raise RuntimeError("disk full")

    monkeypatch.setattr("importer.pages.ImportRun.write_indexes", broken)
    with pytest.raises(RuntimeError):
        run_import(FIXTURES / "malli_tahdet.txt", publish=True)
    assert not OperatingModelPage.objects.exists()
    assert mail.outbox == []


def test_a_path_imported_with_its_model_joins_the_models_revision_and_a_later_run_updates_both():
    files = (FIXTURES / "malli_2024.txt", FIXTURES / "polku_perhetupa.txt")
    out = run_import(*files, publish=True)
    assert "kehittämisen polku liitettiin toimintamalliin ”Perhetupa – kohtaamispaikka lapsiperheille”" in out
    page = OperatingModelPage.objects.get()
    assert page.live and [block.block_type for block in page.development_path][:2] == ["intro", "understand"]
    assert Revision.objects.for_instance(page).count() == 1, "one revision and publication for both files"
    records = ImportedSource.objects.order_by("kind")
    assert [(r.kind, r.page_id, r.revision_id) for r in records] == [
        ("development_path", page.pk, page.latest_revision_id),
        ("operating_model", page.pk, page.latest_revision_id),
    ]
    out = run_import(*files, publish=True)
    assert out.splitlines()[-1].startswith("2 tiedostoa: 0 luotiin, 2 päivitettiin, 0 ohitettiin; 2 julkaistiin")


def test_a_model_written_in_the_admin_is_not_taken_for_a_path_only_draft(library):
    written = OperatingModelPageFactory(parent=library, title="Vertaisryhmät eroperheille", body="[]")
    written.save_revision().publish()
    run_import(FIXTURES / "malli_puutteellinen.txt", publish=True)
    assert OperatingModelPage.objects.filter(title="Vertaisryhmät eroperheille").count() == 2
    written.refresh_from_db()
    assert len(written.body) == 0 and not ImportedSource.objects.filter(page=written).exists()


def test_a_search_cluster_that_is_down_loses_no_imported_page(monkeypatch, caplog):
    backend_class = type(get_search_backend())

    def down(self, model, pages):
        raise ConnectionError("the cluster is down")

    monkeypatch.setattr(backend_class, "add_bulk", down)
    monkeypatch.setattr(backend_class, "catch_indexing_errors", True)  # as the OpenSearch backends do
    run_import(FIXTURES / "malli_tahdet.txt", publish=True)
    assert OperatingModelPage.objects.live().count() == 1
    assert "could not be indexed" in caplog.text
