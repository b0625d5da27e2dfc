"""The sections every site has under its Finnish home page: the model library and the article index."""

from wagtail.models import Site

from articles.models import ArticleIndexPage
from core.languages import source_locale
from models_library.models import ModelLibraryPage


def site_sections():
    """The library and article index under the Finnish home page, created when missing."""
    locale = source_locale()
    home = Site.objects.get(is_default_site=True).root_page.specific
    library = ModelLibraryPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=ModelLibraryPage(
                title="Toimintamallit",
                slug="toimintamallit",
                locale=locale,
                show_in_menus=True,
                intro="<p>Hyvinvointialueiden ja järjestöjen kuvaamat toimintamallit, uusimmat ensin.</p>",
            )
        )
    articles = ArticleIndexPage.objects.child_of(home).first()
    if articles is None:
        articles = home.add_child(
            instance=ArticleIndexPage(title="Ajankohtaista", slug="ajankohtaista", locale=locale, show_in_menus=True)
        )
    return library, articles
