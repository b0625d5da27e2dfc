"""Who adopts an operating model where, and who follows a model or a search by e-mail."""

import datetime
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from core.languages import SOURCE_LOCALE


class AdoptionStatus(models.TextChoices):
    EXPLORES = "explores", _("Explores")
    PILOTS = "pilots", _("Pilots")
    USES = "uses", _("Uses")
    STOPPED = "stopped", _("Has stopped using")


# The statuses counted as the model being in use in a region.
IN_USE = (AdoptionStatus.PILOTS, AdoptionStatus.USES)


class ModerationState(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AdoptionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(moderation_state=ModerationState.APPROVED)

    def of_model(self, page):
        """The adoptions of a model in any of its languages (they are recorded on one of them)."""
        return self.filter(operating_model__translation_key=page.translation_key)

    def in_use_regions(self):
        """How many wellbeing services counties use or pilot the model (a municipality counts as its county)."""
        adoptions = self.filter(status__in=IN_USE).select_related("area")
        return len({adoption.area.parent_id or adoption.area_id for adoption in adoptions})


class Adoption(index.Indexed, models.Model):
    """An organisation or region that explores, pilots, uses or has stopped using an operating model."""

    operating_model = models.ForeignKey(
        "models_library.OperatingModelPage",
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name=_("operating model"),
    )
    status = models.CharField(_("status"), max_length=20, choices=AdoptionStatus.choices)
    organisation = models.CharField(
        _("organisation"), max_length=255, help_text=_("The organisation or region that adopts the model.")
    )
    area = models.ForeignKey(
        "taxonomy.Area",
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("area"),
        help_text=_("The wellbeing services county or municipality where the model is adopted."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    changes = models.TextField(
        _("what was changed"), blank=True, help_text=_("What the adopters changed in the model to fit their region.")
    )
    outcome = models.TextField(_("outcome so far"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact person's e-mail"), blank=True)
    contact_consent = models.BooleanField(
        _("the contact person may be shown"),
        default=False,
        help_text=_("The contact person agrees that their name and e-mail are shown on the model's page."),
    )
    moderation_state = models.CharField(
        _("moderation"), max_length=20, choices=ModerationState.choices, default=ModerationState.APPROVED
    )
    proposer_email = models.EmailField(
        _("proposer's e-mail"), blank=True, help_text=_("Who proposed this adoption; told when it is moderated.")
    )
    proposer_language = models.CharField(_("proposer's language"), max_length=10, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AdoptionQuerySet.as_manager()

    panels = [
        FieldPanel("operating_model"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("area")]),
        FieldPanel("changes"),
        FieldPanel("outcome"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_consent")],
            heading=_("Contact person"),
        ),
        # Only reviewers decide on proposals; an author's own additions are approved as they are saved.
        MultiFieldPanel(
            [
                FieldPanel("moderation_state", permission="adoption.moderate_adoption"),
                FieldPanel("proposer_email", permission="adoption.moderate_adoption"),
            ],
            heading=_("Moderation"),
        ),
    ]
    search_fields = [index.SearchField("organisation"), index.AutocompleteField("organisation")]

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-created_at"]
        permissions = [("moderate_adoption", _("Can approve or reject proposed adoptions"))]

    def __str__(self):
        return f"{self.organisation}: {self.operating_model.title}"

    @property
    def county(self):
        """The wellbeing services county of the area (a municipality's county, or the area itself)."""
        return self.area.parent if self.area.parent_id else self.area


class FollowQuerySet(models.QuerySet):
    def unconfirmed_expired(self):
        """Addresses never confirmed within a week: deleted, as nobody asked for their messages."""
        return self.filter(confirmed=False, created_at__lt=timezone.now() - UNCONFIRMED_KEPT)


UNCONFIRMED_KEPT = datetime.timedelta(days=7)


class Follow(models.Model):
    """An e-mail address that follows one operating model or one search, kept only to send its alerts.

    Unconfirmed until its owner opens the link in the confirmation message (double opt-in);
    unsubscribing deletes it.
    """

    email = models.EmailField(_("e-mail"))
    operating_model = models.ForeignKey(
        "models_library.OperatingModelPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("operating model"),
    )
    query = models.CharField(_("search"), max_length=1000, blank=True, help_text=_("The search's query string."))
    language = models.CharField(_("language"), max_length=10)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    notified_keys = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(operating_model__isnull=False) | ~models.Q(query=""), name="follow_has_a_target"
            )
        ]

    def __str__(self):
        return self.email
