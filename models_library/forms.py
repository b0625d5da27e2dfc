"""The editor's forms of descriptions: tags must have a usable address; a new operating model
starts with its required sections."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminPageForm

from .sections import REQUIRED_TO_PUBLISH


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


class OperatingModelPageForm(DescriptionPageForm):
    def __init__(self, *args, **kwargs):
        """A new operating model opens with the sections required to publish it in place, each
        with its help text, so that the author sees at once what to write; saved pages keep theirs."""
        instance = kwargs.get("instance")
        if instance is not None and instance._state.adding and not instance.body:
            stream_block = instance.body.stream_block
            instance.body = [(name, stream_block.child_blocks[name].get_default()) for name in REQUIRED_TO_PUBLISH]
        super().__init__(*args, **kwargs)
