from django import forms
from django.utils.translation import gettext_lazy as _

from deployability.networks.models import PRACTICE_TEXT_MAX_LENGTH, LearningNetwork
from deployability.networks.services import SESSION_MAX_PLACES
from hrportal.inputs import BoundedDateField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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


class NetworkForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    theme = forms.ChoiceField(label=_("Theme"), choices=LearningNetwork.Theme.choices)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=PRACTICE_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    on = BoundedDateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    capacity = forms.IntegerField(label=_("Number of places"), min_value=1, max_value=SESSION_MAX_PLACES)
