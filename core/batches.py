"""Work that waits for the end of a bulk run (an import publishing hundreds of pages).

Some receivers of Wagtail's publication signals do work that a bulk run would repeat for every page
or do too early: refreshing the stored related models of a language, matching followed searches
against a search index that the run updates only at its end. Inside ``batch()`` they ``defer``
that work instead; it runs once per distinct call when the batch ends without an error, after
what the batch's owner does on leaving its own inner blocks (such as indexing the pages).
Outside a batch, ``defer`` runs the work at once.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_pending = ContextVar("core_batches_pending", default=None)


def in_batch():
    """Whether a bulk run is deferring work now."""
    return _pending.get() is not None


def defer(function, *args):
    """Run ``function(*args)`` at the end of the current batch (once, however often deferred); at once outside one."""
    pending = _pending.get()
    if pending is None:
        function(*args)
    else:
        pending[(function, args)] = None  # a dict keeps the order and drops repeats


@contextmanager
def batch():
    """Defer the work of ``defer`` calls to the end of the block; nothing runs if the block fails."""
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for function, args in pending:
        function(*args)
