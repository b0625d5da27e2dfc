"""E-mails that follow changes: the proposer of an adoption hears the reviewer's decision, and
followers hear of a published model."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from core.batches import defer, in_batch
from models_library.models import OperatingModelPage

from .follow import alert_followers
from .models import Adoption, Follow, ModerationState
from .notifications import send_moderation_result


@receiver(pre_save, sender=Adoption)
def remember_moderation_state(sender, instance, **kwargs):
    instance._previous_moderation_state = (
        Adoption.objects.filter(pk=instance.pk).values_list("moderation_state", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Adoption)
def tell_proposer(sender, instance, created, **kwargs):
    previous = getattr(instance, "_previous_moderation_state", None)
    decided = instance.moderation_state in (ModerationState.APPROVED, ModerationState.REJECTED)
    if not created and previous == ModerationState.PENDING and decided and instance.proposer_email:
        send_moderation_result(instance)


def alert_followers_of(page_id):
    if not Follow.objects.filter(confirmed=True).exists():
        return
    page = OperatingModelPage.objects.live().filter(pk=page_id).first()
    if page is not None:
        alert_followers(page)


@receiver(page_published)
def tell_followers(sender, instance, **kwargs):
    """Followers hear of a published model; in a bulk run (``core.batches``) at its end, once the search
    index holds the run's pages, so that followed searches can match them."""
    if isinstance(instance, OperatingModelPage):
        if in_batch():
            defer(alert_followers_of, instance.pk)
        else:
            alert_followers(instance)
