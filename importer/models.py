"""What the importer remembers between runs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ImportedSource(models.Model):
    """Which page an imported file became, so that importing it again updates that page."""

    source = models.CharField(_("source file"), max_length=255, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported revision"),
        help_text=_("The revision the last import made; a later one means an editor has changed the page."),
    )
    kind = models.CharField(
        _("kind"), max_length=30, blank=True, help_text=_("What the file held, as the parser saw it.")
    )
    source_url = models.URLField(
        _("national address"),
        max_length=500,
        blank=True,
        help_text=_(
            "The address of the national page the file was copied from; a development path finds its model by it."
        ),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported source")
        verbose_name_plural = _("imported sources")
        # The table keeps the name it had when the model lived in models_library.
        db_table = "models_library_importedsource"

    def __str__(self):
        return self.source
