"""Feedback on the site's accessibility, kept so that none is lost and answered within two weeks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedback(models.Model):
    """A visitor's report of an accessibility problem, or a request for content in an accessible form."""

    message = models.TextField(_("message"))
    page_address = models.CharField(_("page address"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-received_at"]

    def __str__(self):
        return self.message[:60]
