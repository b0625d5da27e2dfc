"""Stored results that would cost too much to compute on every view."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelatedModel(models.Model):
    """One of the models shown as related on an operating model's page, in ``rank`` order.

    Computed when a model is published and refreshed when a neighbour (a model in its list, or
    one whose list it is in) is published or unpublished (``search.related``). A page with no
    related models keeps one row without ``related``, so that its empty list is stored too.
    """

    page = models.ForeignKey(
        "models_library.OperatingModelPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    related = models.ForeignKey(
        "models_library.OperatingModelPage",
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("related model"),
    )
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("related model")
        verbose_name_plural = _("related models")
        constraints = [models.UniqueConstraint(fields=["page", "rank"], name="search_related_model_rank")]

    def __str__(self):
        return f"{self.page_id} → {self.related_id} ({self.rank})"
