"""The editor's form of descriptions: tags must have a usable address."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminPageForm


class DescriptionPageForm(WagtailAdminPageForm):
    def clean_tags(self):
        """A tag's address is made of its letters and digits; one of only emoji or punctuation has none."""
        tags = self.cleaned_data["tags"]
        unusable = [name for name in tags if not Tag().slugify(name)]
        if unusable:
            raise ValidationError(
                _("A tag needs at least one letter or digit. Remove or rename: %(tags)s")
                % {"tags": ", ".join(unusable)}
            )
        return tags
