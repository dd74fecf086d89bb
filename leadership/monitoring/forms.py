from django import forms
from django.utils.translation import gettext_lazy as _

from leadership.models import GenderTarget


class GenderTargetForm(forms.Form):
    year = forms.IntegerField(label=_("From year"), min_value=1990, max_value=2100)
    tier = forms.ChoiceField(label=_("Management tier"), choices=GenderTarget.Tier.choices)
    share_percent = forms.DecimalField(
        label=_("Target share of women (%)"), min_value=0, max_value=100, max_digits=5, decimal_places=1
    )
