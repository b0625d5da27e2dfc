"""The content generation: the time (ns) published content or the classifications last changed.

It lives in Django's cache, shared by the processes that share that cache. Anything computed from
the content and kept in the cache (anonymous visitors' pages, the library's listings) is stored
under the generation it was computed in, so a change leaves it unused at once. ``hosting.cache``
starts a new generation on every change (publish, unpublish, move, saved or deleted pages,
classifications, tags...).
"""

import time

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "pagecache:generation"


def content_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation():
    """The current generation, started now if unknown."""
    cache = content_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate(**kwargs):
    """A new generation: everything stored under an earlier one is never used again (and expires)."""
    content_cache().set(GENERATION_KEY, time.time_ns(), timeout=None)
