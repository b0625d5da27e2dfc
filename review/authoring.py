"""An author's start: the dashboard's "New operating model" action."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from models_library.models import ModelLibraryPage, OperatingModelPage

from .roles import SOURCE_LANGUAGE


class NewDescriptionPanel(Component):
    """A button on the dashboard that opens a new operating model in the Finnish library."""

    name = "new_description"
    template_name = "review/new_description_panel.html"
    order = 40

    def __init__(self, add_url):
        self.add_url = add_url

    @classmethod
    def for_user(cls, user):
        """The panel, for a user who may add operating models to the library; otherwise None."""
        library = ModelLibraryPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
        if library is None or not library.permissions_for_user(user).can_add_subpage():
            return None
        return cls(
            reverse("wagtailadmin_pages:add", args=[*OperatingModelPage._meta.label_lower.split("."), library.pk])
        )

    def get_context_data(self, parent_context):
        return {"add_url": self.add_url}
