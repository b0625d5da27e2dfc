"""The search box's title suggestions (``search.suggestions``): the same titles in the same order as a
query over the pages' titles would give, kept up to date as pages are published, renamed, unpublished,
restricted and deleted, and read in the order of an index (a few rows, however many titles share
what was typed)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Case, Q, When
from django.db.models.functions import Length
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from core.languages import source_locale
from search.models import TitleWord
from search.query import published_pages, title_suggestions
from search.suggestions import title_prefixes
from tests.factories import ArticlePageFactory, DevelopmentEntityPageFactory, OperatingModelPageFactory

pytestmark = pytest.mark.django_db

TITLES = [
    "Perhekeskus Mikkelissä",
    "Perhekeskuksen ohjaus Etelä-Savossa",
    "Perhekeskustyö Lahdessa",
    "Etelä-Savon perhekeskus",
    "Lasten- ja perhepalvelujen muutosohjelma",
    "Perhe- ja sosiaalipalvelut",
    "Perhe perhe perhekeskus",
    "Matalan kynnyksen perhetyö",
    "Sosiaalipäivystyksen yhteistyömalli",
    "Perhe A-malli",
    "Perhe B-malli",
    "Sähköinen ajanvaraus",
]
INPUTS = [
    "pe",
    "perhe",
    "PERHE",
    "perhekesk",
    "perhekeskuksen",
    "perhekeskusty",
    "keskus",
    "etelä-sav",
    "sav",
    "savo",
    "ja",
    "lasten-",
    "perhe mikk",
    "mikk perhe",
    "perhe perhe",
    "perhe- ja",
    "perhe keskus",
    "perhekeskus mikkelissä",
    "sosiaalipäivy",
    "sosiaalipäivystyksen yhte",
    "a-malli",
    "malli",
    "x y",
    "p m",
    "familj",
    "famil arb",
    "s:t",
    "michel",
    "artikkeli",
    "hanke perh",
    "yksityinen",
    "luonnos",
    "zzz",
]


def old_title_suggestions(text, locale, limit=8):
    """The suggestions as they were read from the pages' titles, sorting every title that matched."""
    text = " ".join(text.split())
    if len(text) < 2:
        return []
    pages = published_pages(locale)
    for word in text.split():
        pages = pages.filter(
            Q(title__istartswith=word) | Q(title__icontains=f" {word}") | Q(title__icontains=f"-{word}")
        )
    starts = Case(When(title__istartswith=text, then=0), default=1)
    pages = pages.order_by(starts, Length("title"), "title", "pk")[:limit]
    return [{"title": page.title, "url": page.url} for page in pages]


def published(factory, parent, title, **fields):
    page = factory(parent=parent, title=title, **fields)
    page.save_revision().publish()
    return page


def translated(page, language_code, title):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()  # published through its revision: live now
    return translation


@pytest.fixture
def titled(library, article_index):
    """Pages of every searched type, a page unpublished, one never published, one behind a password,
    and Swedish translations of two; by title."""
    pages = {title: published(OperatingModelPageFactory, library, title) for title in TITLES}
    pages["Artikkeli perhekeskuksista"] = published(ArticlePageFactory, article_index, "Artikkeli perhekeskuksista")
    pages["Kehittämishanke perheille"] = published(DevelopmentEntityPageFactory, library, "Kehittämishanke perheille")
    published(OperatingModelPageFactory, library, "Perhekeskus julkaisu perutaan").unpublish()
    OperatingModelPageFactory(parent=library, title="Perhekeskus luonnos", live=False)
    private = published(OperatingModelPageFactory, library, "Perhekeskus yksityinen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    translated(pages["Perhekeskus Mikkelissä"], "sv", "Familjecentret i S:t Michel")
    translated(pages["Matalan kynnyksen perhetyö"], "sv", "Familjearbete med låg tröskel")
    return pages


def test_suggestions_are_those_of_the_query_over_the_titles(titled):
    """Same titles, same order, same addresses: Finnish, Swedish (with the Finnish pages not translated
    into Swedish) and English, for single words, hyphenated ones, several words and long words."""
    for language_code in ("fi", "sv", "en"):
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        for text in INPUTS:
            for limit in (8, 3):
                expected = old_title_suggestions(text, locale, limit)
                assert title_suggestions(text, locale, limit) == expected, (language_code, text, limit)
    fi = source_locale()
    assert [s["title"] for s in title_suggestions("perhe", fi)][:3] == [
        "Perhe A-malli",
        "Perhe B-malli",
        "Perhekeskus Mikkelissä",
    ], "titles that start with the text first, the shortest first, alphabetically when as long"
    assert title_suggestions("perhe mikk", fi)[0]["title"] == "Perhekeskus Mikkelissä"
    assert not {"Perhekeskus luonnos", "Perhekeskus yksityinen", "Perhekeskus julkaisu perutaan"} & {
        s["title"] for s in title_suggestions("perhekeskus", fi, limit=50)
    }
    swedish = Locale.objects.get(language_code="sv")
    assert [s["title"] for s in title_suggestions("famil", swedish)] == [
        "Familjecentret i S:t Michel",
        "Familjearbete med låg tröskel",
    ]
    assert "Perhekeskus Mikkelissä" not in {s["title"] for s in title_suggestions("perhe", swedish, limit=50)}
    assert title_suggestions("etelä-sav", swedish)[0]["url"].startswith("/fi/")  # a Finnish page, in Finnish


def test_a_capital_letter_outside_ascii_matches_as_typed(library):
    """Titles are matched upper-cased, so "äitiys" finds "Äitiysneuvola" on SQLite too (whose LIKE
    folds the case of ASCII letters only)."""
    published(OperatingModelPageFactory, library, "Äitiysneuvolan ryhmät")
    published(OperatingModelPageFactory, library, "Ryhmät Åbolandissa")
    fi = source_locale()
    assert [s["title"] for s in title_suggestions("äitiys", fi)] == ["Äitiysneuvolan ryhmät"]
    assert [s["title"] for s in title_suggestions("åbo", fi)] == ["Ryhmät Åbolandissa"]


def suggested(text, locale=None):
    return [s["title"] for s in title_suggestions(text, locale or source_locale())]


def test_suggestions_follow_publishing_renaming_restricting_and_deleting(library):
    page = published(OperatingModelPageFactory, library, "Vertaistuen verkosto")
    assert suggested("vertais") == ["Vertaistuen verkosto"]
    page.title = "Vertaisryhmät verkossa"
    page.save_revision()  # a draft: the published title is still suggested
    assert suggested("vertais") == ["Vertaistuen verkosto"]
    page.save_revision().publish()
    assert suggested("vertais") == ["Vertaisryhmät verkossa"]
    assert suggested("vertaistuen") == []
    page.unpublish()
    assert suggested("vertais") == []
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD)
    assert suggested("vertais") == []
    restriction.delete()
    assert suggested("vertais") == ["Vertaisryhmät verkossa"]
    # A translation replaces its Finnish page in its language, and gives it back when unpublished.
    swedish, _ = Locale.objects.get_or_create(language_code="sv")
    assert suggested("vertais", swedish) == ["Vertaisryhmät verkossa"]
    translation = translated(page, "sv", "Kamratgrupper på nätet")
    assert suggested("vertais", swedish) == []
    assert suggested("kamrat", swedish) == ["Kamratgrupper på nätet"]
    translation.unpublish()
    assert suggested("vertais", swedish) == ["Vertaisryhmät verkossa"]
    assert suggested("kamrat", swedish) == []
    page.delete()
    assert suggested("vertais") == []
    assert not TitleWord.objects.filter(title__startswith="Vertais").exists()


def test_a_title_is_stored_as_its_beginnings_and_its_words_beginnings():
    rows = title_prefixes("Etelä-Savon perhekeskukset")
    title = {prefix for kind, prefix, _rest in rows if kind == TitleWord.Kind.TITLE}
    words = {(prefix, rest) for kind, prefix, rest in rows if kind == TitleWord.Kind.WORD}
    assert title == {"ET", "ETE", "ETEL", "ETELÄ", "ETELÄ-", "ETELÄ-S", "ETELÄ-SA"}
    assert {"ET", "SA", "SAVON", "PE", "PERHEKE"} <= {prefix for prefix, _rest in words}
    assert ("PERHEKES", "PERHEKESKUKSET") in words  # cut at eight characters, with the rest of the title
    assert ("ETELÄ-SA", "ETELÄ-SAVON PERHEKESKUKSET") in words
    assert "SAVON " not in {prefix for prefix, _rest in words}, "a word's prefix ends with the word"


def test_rebuild_writes_the_same_rows_as_publishing(titled):
    def rows():
        return sorted(
            TitleWord.objects.values_list("page_id", "locale_id", "kind", "prefix", "rest", "length", "title")
        )

    kept = rows()
    TitleWord.objects.all().delete()
    assert suggested("perhe") == []
    out = StringIO()
    call_command("rebuild_title_words", stdout=out)
    assert rows() == kept
    assert f"of {len(titled) + 2} pages" in out.getvalue()  # and the two Swedish translations


def test_migrate_fills_the_prefixes_of_a_library_that_has_none(titled):
    """A database whose pages are older than the stored prefixes gets them with its next ``migrate``."""
    kept = sorted(TitleWord.objects.values_list("page_id", "prefix"))
    TitleWord.objects.all().delete()
    call_command("migrate", verbosity=0, interactive=False)
    assert sorted(TitleWord.objects.values_list("page_id", "prefix")) == kept
    assert suggested("perhe")


def query_plan(sql):
    """The database's plan of a query, one line a step; on PostgreSQL with the plans a small test table
    would prefer (reading it all, then sorting) ruled out wherever another plan exists."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.parametrize("text", ["perhe", "perhekeskuksen", "perhe mikk", "etelä-sav", "keskus"])
def test_suggestions_read_a_few_rows_in_index_order_however_many_titles_share_a_prefix(library, text):
    """Each read of the title prefixes is an index scan in the suggestions' order, with a limit: no sort
    of the titles that match, so the rows read do not grow with them. The number of queries does not
    grow either (measured with 12 and with 60 titles sharing the prefix)."""
    counts = []
    for size in (12, 48):
        for number in range(size):
            page = OperatingModelPageFactory(parent=library, title=f"Perhekeskus {len(counts)}-{number} Etelä-Savossa")
            page.save_revision().publish()
        with CaptureQueriesContext(connection) as queries:
            title_suggestions(text, source_locale())
        reads = [query["sql"] for query in queries.captured_queries if TitleWord._meta.db_table in query["sql"]]
        counts.append(len(reads))
        assert reads
        for sql in reads:
            assert "LIMIT" in sql, sql
            plan = query_plan(sql)
            assert "search_title_word_order" in plan, plan
            assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan
    assert counts[0] == counts[1]
