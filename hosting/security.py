"""Security headers of every response: Content-Security-Policy and Permissions-Policy."""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; Wagtail's and Django's admin templates also get inline scripts and styles.

    In the admin the policy carries no nonce: a browser ignores 'unsafe-inline' next to a nonce,
    and Wagtail gives a nonce to some of its inline scripts only.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIXES) and not report_only:
            parts.update = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}
            parts.nonce = None
        return parts


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site does not use (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
