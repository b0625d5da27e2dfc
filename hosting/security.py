"""Security headers of every response: Content-Security-Policy and Permissions-Policy."""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; Wagtail's and Django's admin templates also get inline scripts and styles."""

    def build_policy(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES) and not hasattr(response, "_csp_update"):
            response._csp_update = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}
        return super().build_policy(request, response)


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site does not use (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
