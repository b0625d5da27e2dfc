"""Classifications that editors manage as snippets and that descriptions point to.

Each is translatable (wagtail-localize): a description links to the Finnish
instance, and templates show ``.localized``, the instance in the visitor's
language when one exists.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Classification(TranslatableMixin, index.Indexed, models.Model):
    """Shared shape of a classification: a name and a slug that stays the same in every language."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        allow_unicode=False,
        help_text=_("Identifier used in addresses and filters; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:255]
        super().save(*args, **kwargs)


class Area(Classification):
    """A place a description applies to: the whole country, a wellbeing services county or a municipality.

    Municipalities point to their county as ``parent``, so a filter for a county
    can include the descriptions of its municipalities.
    """

    class Kind(models.TextChoices):
        NATIONAL = "national", _("Nationwide")
        COUNTY = "county", _("Wellbeing services county")
        MUNICIPALITY = "municipality", _("Municipality")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        blank=True,
        help_text=_("The region's everyday name, such as “Etelä-Savo”; used to recognise areas in imported text."),
    )
    code = models.CharField(
        _("official code"),
        max_length=10,
        blank=True,
        help_text=_("Statistics Finland's municipality code, for municipalities."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The wellbeing services county that a municipality belongs to."),
    )

    panels = Classification.panels + [
        FieldPanel("kind"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        FieldPanel("parent"),
    ]
    translatable_fields = Classification.translatable_fields + [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("short_name", overridable=False),
        SynchronizedField("code", overridable=False),
        # A municipality's county in the same language.
        TranslatableField("parent"),
    ]

    class Meta(Classification.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["kind", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Theme(Classification):
    """A subject a model deals with, such as family centres or violence prevention."""

    class Meta(Classification.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class TargetGroup(Classification):
    """A group of people a model serves, such as families with babies."""

    class Meta(Classification.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Funder(Classification):
    """A body that funds development work, such as STM or STEA."""

    abbreviation = models.CharField(
        _("abbreviation"), max_length=20, blank=True, help_text=_("For example STM or STEA.")
    )
    panels = Classification.panels + [FieldPanel("abbreviation")]
    # Translated: the ministry is STM in Finnish and SHM in Swedish.
    translatable_fields = Classification.translatable_fields + [TranslatableField("abbreviation")]

    class Meta(Classification.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Organisation(Classification):
    """A wellbeing services county, municipality, NGO or other body that authors descriptions."""

    website = models.URLField(_("website"), blank=True)
    panels = Classification.panels + [FieldPanel("website")]
    translatable_fields = Classification.translatable_fields + [SynchronizedField("website")]

    class Meta(Classification.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
