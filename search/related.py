"""Operating models related to an operating model: shared themes, target groups and areas, and similar text.

Each other published model of the same language scores points for what it shares with the page:
a theme 3, a target group 2, an area 1 (a municipality shares its county's area), and up to 3 for
text: the search backend ranks the models that share words with the page's title and short
description, and the best of those scores highest. The models with the most points come first.

Scoring looks at every model of the language, so it is done when a model is published, not when its
page is viewed: the list is stored (``RelatedModel``) and refreshed for the neighbours whose lists
the change can alter (those listing the model, and those it now lists), in a background task.
"""

from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core.batches import defer, in_batch
from hosting.generation import invalidate
from indexing.analysis import analyse_query
from models_library.models import OperatingModelPage

from .engine import SearchUnavailable, ranked_matches
from .facets import link_table
from .models import RelatedModel

STORED = 4  # how many related models are kept per page
WEIGHTS = {"themes": 3, "target_groups": 2}
AREA_WEIGHT = 1
TEXT_WEIGHT = 3
TEXT_CANDIDATES = 20


def shared_counts(page, field_name, candidates, group=None):
    """{model id: number of items of ``field_name`` it shares with ``page``}, grouped by ``group``."""
    through, page_column, item_column = link_table(OperatingModelPage, field_name)
    key = group(item_column) if group else F(item_column)
    mine = through.objects.filter(**{page_column: page.pk}).annotate(key=key).values("key")
    rows = (
        through.objects.filter(**{f"{page_column}__in": candidates.values("pk")})
        .exclude(**{page_column: page.pk})
        .annotate(key=key)
        .filter(key__in=mine)
        .order_by()
        .values(page_column)
        .annotate(n=Count("key", distinct=True))
        .values_list(page_column, "n")
    )
    return dict(rows)


def related_operating_models(page, limit=4):
    """Up to ``limit`` other live operating models most like ``page``, best first."""
    candidates = OperatingModelPage.objects.live().public().filter(locale_id=page.locale_id).exclude(pk=page.pk)
    scores = {}
    for field_name, weight in WEIGHTS.items():
        for pk, n in shared_counts(page, field_name, candidates).items():
            scores[pk] = scores.get(pk, 0) + weight * n
    county = lambda column: Coalesce(f"{column}__parent_id", f"{column}_id")  # noqa: E731
    for pk, n in shared_counts(page, "areas", candidates, group=county).items():
        scores[pk] = scores.get(pk, 0) + AREA_WEIGHT * n
    words = analyse_query(f"{page.title} {page.short_description}", page.locale.language_code)
    if words:
        try:
            matches = ranked_matches(candidates, words, TEXT_CANDIDATES)
        except SearchUnavailable:
            matches = []
        for rank, (pk, _score) in enumerate(matches):
            scores[pk] = scores.get(pk, 0) + TEXT_WEIGHT * (1 - rank / TEXT_CANDIDATES)
    best = sorted(scores, key=lambda pk: -scores[pk])[:limit]
    pages = {model.pk: model for model in candidates.filter(pk__in=best).select_related("locale")}  # one query
    return [pages[pk] for pk in best if pk in pages]


def store_related(page):
    """Computes ``page``'s related models and stores them in place of its old list."""
    best = related_operating_models(page, STORED)
    rows = [RelatedModel(page=page, related=model, rank=rank) for rank, model in enumerate(best)]
    with transaction.atomic():
        RelatedModel.objects.filter(page=page).delete()
        RelatedModel.objects.bulk_create(rows or [RelatedModel(page=page, related=None, rank=0)])
    return best


def stored_related(page, limit=STORED):
    """``page``'s stored related models that are still live and public (computed once if none are stored).

    A page being previewed before its first save has nothing stored: its list is computed, not kept.
    """
    if page.pk is None:
        return related_operating_models(page, limit)
    ids = list(RelatedModel.objects.filter(page_id=page.pk).order_by("rank").values_list("related_id", flat=True))
    if not ids:
        return store_related(page)[:limit]
    pages = OperatingModelPage.objects.live().public().select_related("locale").in_bulk([pk for pk in ids if pk])
    return [pages[pk] for pk in ids if pk in pages][:limit]


@task()
def refresh_related(page_id):
    """After ``page_id`` was published or unpublished: its own list and its neighbours' lists."""
    neighbours = set(RelatedModel.objects.filter(related_id=page_id).values_list("page_id", flat=True))
    page = OperatingModelPage.objects.live().filter(pk=page_id).first()
    if page is None:
        RelatedModel.objects.filter(page_id=page_id).delete()
    else:
        neighbours |= {model.pk for model in store_related(page)}
    for neighbour in OperatingModelPage.objects.live().filter(pk__in=neighbours - {page_id}):
        store_related(neighbour)
    # The task runs after the publication's own new generation: a page (or its related models' piece)
    # rendered in between from the old lists is not shown again.
    invalidate()


def forget_stored(locale_id):
    """Drops the stored lists of a language: each is computed again on its page's next view (``stored_related``)."""
    RelatedModel.objects.filter(page__locale_id=locale_id).delete()


def publication_changed(sender, instance, **kwargs):
    """Refreshes the lists a publication can change; in a bulk run (``core.batches``), forgets the language's lists
    once at its end instead, as refreshing each page's neighbours would cost more than the run."""
    if isinstance(instance, OperatingModelPage):
        if in_batch():
            defer(forget_stored, instance.locale_id)
        else:
            refresh_related.enqueue(instance.pk)


def forget_deleted(sender, instance, **kwargs):
    """A deleted page leaves the stored lists, also those that its unpublishing while deleted refreshed."""
    if isinstance(instance, Page):
        RelatedModel.objects.filter(Q(page_id=instance.pk) | Q(related_id=instance.pk)).delete()


def connect():
    post_delete.connect(forget_deleted, dispatch_uid="search.related.deleted")
    page_published.connect(publication_changed, dispatch_uid="search.related.published")
    page_unpublished.connect(publication_changed, dispatch_uid="search.related.unpublished")
