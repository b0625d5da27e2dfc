"""Renditions made once, right after an image is uploaded, instead of by the first visitor's request."""

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model

# The renditions the public templates show ({% image ... width-960 %} of a cover image).
PUBLIC_RENDITIONS = ["width-960"]


@task()
def make_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*PUBLIC_RENDITIONS)


def image_saved(sender, instance, created, **kwargs):
    if created:
        transaction.on_commit(lambda: make_renditions.enqueue(instance.pk))


def connect():
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="hosting.images.image_saved")
