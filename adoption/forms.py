"""Public forms: proposing an adoption and contacting the people behind a model."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.languages import SOURCE_LANGUAGE
from taxonomy.models import Area

from .models import Adoption


class HoneypotMixin(forms.Form):
    """A field that people never see and that bots fill in; a filled one means the post is refused."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class AdoptionForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Adoption
        fields = [
            "status",
            "organisation",
            "area",
            "start_date",
            "changes",
            "outcome",
            "contact_name",
            "contact_email",
            "contact_consent",
            "proposer_email",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "changes": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, proposer_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.filter(kind__in=[Area.Kind.COUNTY, Area.Kind.MUNICIPALITY])
        self.fields["area"].queryset = areas.filter(locale__language_code=SOURCE_LANGUAGE).order_by("kind", "name")
        # Counties and municipalities by their names in the visitor's language (Swedish ones where they exist).
        names = dict(areas.filter(locale__language_code=get_language()).values_list("translation_key", "name"))
        self.fields["area"].label_from_instance = lambda area: names.get(area.translation_key, area.name)
        self.fields["proposer_email"].required = proposer_required
        self.fields["proposer_email"].label = _("Your e-mail")
        self.fields["proposer_email"].help_text = _("We tell you here when a reviewer has checked your proposal.")


class ContactForm(HoneypotMixin):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail"), help_text=_("The answer comes to this address."))
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


class FollowForm(HoneypotMixin):
    email = forms.EmailField(label=_("Your e-mail"))
