from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH
from reward.paygap.models import PayGapJustification


class RunForm(forms.Form):
    year = forms.IntegerField(label=_("Reference year"), min_value=2000, max_value=2100)


class JustificationForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=PayGapJustification.Outcome.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Justification or remedy"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
