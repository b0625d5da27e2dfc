"""Documents reach the public only through a live, public page that uses them."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex


def pages_using(document):
    """Ids of the pages whose content links to ``document`` (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


@hooks.register("before_serve_document")
def refuse_documents_of_unpublished_pages(document, request):
    """A 404 unless a live page open to everyone uses the document; editors see every document."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if not Page.objects.live().public().filter(pk__in=pages_using(document)).exists():
        raise Http404
    return None
