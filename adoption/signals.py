"""E-mails that follow changes: the proposer of an adoption hears the reviewer's decision, and
followers hear of a published model."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from models_library.models import OperatingModelPage

from .follow import alert_followers
from .models import Adoption, ModerationState
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


@receiver(page_published)
def tell_followers(sender, instance, **kwargs):
    if isinstance(instance, OperatingModelPage):
        alert_followers(instance)
