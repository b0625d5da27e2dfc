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


class TitleWord(models.Model):
    """The beginning of a word of a published page's title, or of the title itself, for the search box's suggestions.

    A title has one row for each prefix of its words of 2 to ``PREFIX_LENGTH`` characters (a word of
    one character, one row), and one for each such prefix of the whole title (``Kind.TITLE``, for what
    was typed being the title's beginning). Prefixes are upper-cased; a word starts the title or
    follows a space or a hyphen. A row whose prefix was cut at ``PREFIX_LENGTH`` characters keeps
    the rest of the title from that word on (``rest``), against which longer input is matched.
    With the title's length and the title itself in the index, the titles sharing a prefix are
    read shortest first without sorting them (``search.suggestions``). Rows exist only for the
    published, public pages that the search lists, in the page's own language.
    """

    PREFIX_LENGTH = 8

    class Kind(models.IntegerChoices):
        # An integer rather than a boolean: SQLite orders by the index only after an equality on each column before.
        TITLE = 0, _("beginning of the title")
        WORD = 1, _("beginning of a word")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    # Indexed first in the suggestions' index, so without an index of its own.
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.PositiveSmallIntegerField(_("kind"), choices=Kind)
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH)
    rest = models.TextField(_("rest of the title"), blank=True)
    length = models.PositiveSmallIntegerField(_("length of the title"))
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        verbose_name = _("title word")
        verbose_name_plural = _("title words")
        indexes = [
            models.Index(fields=["locale", "kind", "prefix", "length", "title", "page"], name="search_title_word_order")
        ]

    def __str__(self):
        return f"{self.prefix} → {self.title}"
