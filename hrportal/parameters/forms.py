from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import BoundedDateField
from hrportal.parameters.catalogue import CATALOGUE


class ParameterSetForm(forms.Form):
    key = forms.ChoiceField(label=_("Parameter"), choices=[(k, s.label) for k, s in CATALOGUE.items()])
    value = forms.IntegerField(label=_("New value"), min_value=0)
    valid_from = BoundedDateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=255, required=False)
