from django import forms
from django.utils.translation import gettext_lazy as _

from deployability.networks.models import PRACTICE_TEXT_MAX_LENGTH


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Practice"), max_length=PRACTICE_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A PDF, text, OpenDocument or Office file."),
    )
