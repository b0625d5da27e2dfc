from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccessibilityFeedback


class AccessibilityFeedbackForm(forms.ModelForm):
    """The feedback channel of the accessibility statement."""

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_address", "email"]
        labels = {
            "message": _("What did you find difficult to use?"),
            "page_address": _("The page it concerns (optional)"),
            "email": _("Your e-mail address, if you want an answer (optional)"),
        }
        help_texts = {"page_address": _("For example the page's title or address.")}
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"message": {"required": _("Write what the problem is, so that we can fix it.")}}
