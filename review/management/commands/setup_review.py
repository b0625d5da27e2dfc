"""``manage.py setup_review``: make sure the roles, workflows and language trees are set up."""

from django.apps import apps
from django.core.management.base import BaseCommand

from review.setup import setup_roles


class Command(BaseCommand):
    help = (
        "Create the role groups and review workflows when missing, give site editors every permission, "
        "and assign page permissions and workflows to each language's home page."
    )

    def handle(self, *args, **options):
        setup_roles(apps)
        self.stdout.write("Roles and review workflows are set up.")
