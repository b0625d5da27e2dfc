"""The model page's own forms (contact the authors, follow by e-mail, add to the comparison) carry
no CSRF token, so that the page is the same for every anonymous visitor and can be cached.

Why this is safe: a CSRF token protects what a request does on the visitor's authority. Contacting
the authors and following act on nobody's authority: their views never read the session or the
signed-in user (an editor records an adoption in the admin or on the proposal page, which keeps its
token), and honeypots and rate limits stop abuse, which a forged request could not do more of than a
script posting directly. The comparison lives in the visitor's session, so a request from another
site must not reach it: the browser says where a request comes from (``Sec-Fetch-Site``, else
``Origin``), a page elsewhere cannot forge either, and these views refuse a cross-site request
(OWASP's Fetch Metadata and Origin verification defences).
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

SAME_SITE_FETCHES = ("same-origin", "none")  # "none": typed or bookmarked by the visitor


def from_this_site(request):
    """Whether the browser says the request comes from this site's own pages (or is no browser's)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in SAME_SITE_FETCHES
    origin = request.headers.get("Origin")
    return origin is None or origin in {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def tokenless_form(view):
    """A view of a form without a CSRF token: it answers POSTs from this site's pages only."""

    @csrf_exempt
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method == "POST" and not from_this_site(request):
            return HttpResponseForbidden(_("This form can be sent only from the library's own pages."))
        return view(request, *args, **kwargs)

    return guarded
