"""The editor's forms of descriptions: tags must have a usable address; a new operating model
starts with its required sections."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminPageForm

from .sections import REQUIRED_TO_PUBLISH


class AreaChooser(forms.CheckboxSelectMultiple):
    """Areas as checkboxes, each county's municipalities under it, with a search box (static JS)."""

    class Media:
        js = ["models_library/area-chooser.js"]


def grouped_area_choices(areas):
    """Nationwide first, then each county with the county itself and its municipalities."""
    areas = list(areas)
    national = [(area.pk, area.name) for area in areas if area.kind == "national"]
    groups = []
    for county in sorted((area for area in areas if area.kind == "county"), key=lambda area: area.name):
        municipalities = sorted((a for a in areas if a.parent_id == county.pk), key=lambda area: area.name)
        whole = _("%(county)s (the whole county)") % {"county": county.name}
        groups.append((county.name, [(county.pk, whole), *[(area.pk, area.name) for area in municipalities]]))
    grouped = {pk for _group, options in groups for pk, _name in options}
    rest = [(area.pk, area.name) for area in areas if area.kind != "national" and area.pk not in grouped]
    return national + groups + ([(_("Other areas"), rest)] if rest else [])


class DescriptionPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "areas" in self.fields:
            field = self.fields["areas"]
            field.widget = AreaChooser(
                attrs={"data-area-chooser": _("Search areas by name")},
                choices=grouped_area_choices(field.queryset),
            )

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
