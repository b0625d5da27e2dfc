"""A fixed-window rate limit kept in Django's cache: at most ``limit`` actions per key a window."""

from django.core.cache import cache

CONTACT_LIMIT = 5
CONTACT_WINDOW = 60  # seconds


def allow(keys, limit=CONTACT_LIMIT, window=CONTACT_WINDOW):
    """Count one action under every key; refuse it when any key has reached its limit."""
    keys = [f"ratelimit:{key}" for key in keys]
    counts = cache.get_many(keys)
    if any(counts.get(key, 0) >= limit for key in keys):
        return False
    for key in keys:
        if not cache.add(key, 1, window):
            cache.incr(key)
    return True


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")
