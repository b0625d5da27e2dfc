"""Keeps each language's tree under its roles and review workflow as language home pages appear.

A language's home page may be created after the data migration: by another migration, by
wagtail-localize when it copies a translated page's parents, or by an editor. Two signals
cover this: ``post_migrate`` (after every ``migrate``) and ``post_save`` of a page right under
Wagtail's root. Both only add what is missing (``review.setup.assign_language_trees``).
"""

from django.apps import apps as global_apps
from django.db.models.signals import post_migrate, post_save
from wagtail.models import Page

from .setup import assign_language_trees


def assign_after_migrate(sender, using="default", plan=None, **kwargs):
    assign_language_trees(global_apps)


def assign_to_new_language_root(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        assign_language_trees(global_apps)


def connect():
    post_migrate.connect(
        assign_after_migrate, sender=global_apps.get_app_config("review"), dispatch_uid="review_assign_after_migrate"
    )
    post_save.connect(assign_to_new_language_root, dispatch_uid="review_assign_to_new_language_root")
