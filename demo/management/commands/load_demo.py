"""``manage.py load_demo``: the demo site: an admin user and the seed documents as published pages."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.content import classify_seeds, review_in_swedish
from demo.translations import translate_demo
from demo.users import create_demo_users

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "toimintamallit"


class Command(BaseCommand):
    help = "Create the demo admin user (admin / toimintamallit) and import the seed documents, published."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load the demo even when DEBUG is off.")

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("The demo (with its well-known admin password) loads only with DEBUG on; use --force.")
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.fi", ADMIN_PASSWORD)
            self.stdout.write(f"Admin user created: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
        call_command("import_descriptions", str(SEEDS), publish=True, stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(f"Seed pages classified: {classify_seeds()}")
        self.stdout.write(f"Demo users for the roles: {', '.join(create_demo_users()) or 'none new'}")
        self.load_translations()

    def load_translations(self):
        """Swedish and English versions of the demo pages; two of them reviewed and published in Swedish."""
        made = translate_demo()
        self.stdout.write(f"Swedish and English versions made: {made}")
        reviewed = review_in_swedish()
        self.stdout.write(f"Published through the Swedish review: {', '.join(reviewed) or 'none new'}")
