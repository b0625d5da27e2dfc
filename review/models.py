"""Which organisation an author writes for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.languages import SOURCE_LOCALE  # memberships point to source-language organisations


class Membership(models.Model):
    """A user writes descriptions for an organisation.

    Authors may create, edit and delete only the descriptions whose organisation is one
    of theirs (see ``review.permissions``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "taxonomy.Organisation",
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="memberships",
        verbose_name=_("organisation"),
        help_text=_("The organisation whose descriptions this user may write and edit."),
    )

    panels = [FieldPanel("user"), FieldPanel("organisation")]

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        ordering = ["user__username", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self):
        return f"{self.user.get_username()} – {self.organisation}"
