"""Covers two gaps in Wagtail's search.

1. Moving a page does not index again the pages whose tree path it changed.

Wagtail indexes a page when it is saved (``post_save``) and removes it when it is deleted. Moving
a page saves only that page: treebeard renumbers the tree ``path`` of its descendants, and of the
siblings it passes when sections are reordered, with a plain SQL update, so the index keeps their
old paths. On Elasticsearch and OpenSearch the ``public()`` filter (pages outside private
sections) and ``descendant_of()`` are applied to the indexed path, so after a section is moved
or reordered its pages can drop out of the public results, and pages of a private section can
pass the public filter.

Here every page whose path a move changed is indexed again, with the same task that indexes a
saved page (run at once by the immediate task backend; a failure is logged on
``modelsearch.index`` and does not stop the move). Pages whose path did not change are left
alone, so moving a single page costs nothing extra.

2. ``get_search_backend()`` builds a new backend on every call, and an Elasticsearch-family backend
builds with it a new client with a new pool of HTTP connections: every request of a search opened
a TCP connection of its own (up to four a search, a few milliseconds each on a loaded machine).
``search_backend()`` keeps one backend of each configuration for the process, so its connections
are kept open and reused; the database backends hold no connection and are built as before.
"""

import threading

from modelsearch.conf import get_app_config
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import post_page_move, pre_page_move

_moves = threading.local()


def _paths_under(parents):
    pages = Page.objects.none()
    for parent in parents:
        pages = pages | Page.objects.descendant_of(parent)
    return dict(pages.values_list("pk", "path"))


def remember_paths(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """Before a move: the paths of every page under the old and the new parent."""
    parents = [parent_page_before, parent_page_after]
    if not hasattr(_moves, "pending"):
        _moves.pending = {}
    _moves.pending[instance.pk] = (parents, _paths_under(parents))


def reindex_moved_paths(sender, instance, **kwargs):
    """After a move: index again the pages whose path changed (the moved page itself was saved)."""
    parents, before = getattr(_moves, "pending", {}).pop(instance.pk, (None, None))
    if parents is None:
        return
    after = _paths_under(parents)
    changed = [pk for pk, path in after.items() if before.get(pk) != path and pk != instance.pk]
    for page in Page.objects.filter(pk__in=changed).select_related("content_type"):
        model = page.specific_class
        if model is None:
            continue
        insert_or_update_object_task.enqueue(model._meta.app_label, model._meta.model_name, str(page.pk))


def connect():
    pre_page_move.connect(remember_paths, dispatch_uid="search.upstream_wagtail.remember_paths")
    post_page_move.connect(reindex_moved_paths, dispatch_uid="search.upstream_wagtail.reindex_moved_paths")


_backends = {}


def search_backend():
    """The default search backend; an Elasticsearch-family one is made once per configuration (gap 2)."""
    key = repr(get_app_config().get_search_backend_config()["default"])
    backend = _backends.get(key)
    if backend is None:
        backend = get_search_backend()
        if hasattr(backend, "es"):
            _backends[key] = backend
    return backend
