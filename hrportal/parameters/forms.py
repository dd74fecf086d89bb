from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import BoundedDateField
from hrportal.parameters.catalogue import CATALOGUE


class ParameterSetForm(forms.Form):
    key = forms.ChoiceField(label=_("Parameter"), choices=[(k, s.label) for k, s in CATALOGUE.items()])
    value = forms.IntegerField(label=_("New value"), min_value=0, max_value=1_000_000)
    valid_from = BoundedDateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    legal_basis = forms.CharField(
        label=_("Legal basis"),
        max_length=255,
        required=False,
        help_text=_("Required when the value starts before today."),
    )
    correction_reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=500,
        required=False,
        help_text=_("Only to correct a value already recorded from the same date."),
    )
