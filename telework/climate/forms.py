from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import BoundedDateField
from telework.climate.models import Dimension

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClimateRoundForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    opens_on = BoundedDateField(label=_("Opens on"), widget=DATE)
    closes_on = BoundedDateField(label=_("Closes on"), widget=DATE)


SCORE_CHOICES = [(i, str(i)) for i in range(1, 6)]
STATEMENTS = {
    Dimension.AUTONOMY: _("Teams in my entity decide for themselves how they organise their work."),
    Dimension.TRUST: _("My leaders judge results and trust us to work where and when it suits the job."),
    Dimension.COLLABORATION: _("We work easily with other teams and entities and share what we know."),
    Dimension.DIGITAL: _("Our digital tools let us work well together wherever we are."),
    Dimension.LEARNING: _("New ideas are welcome here; we may try things out and learn from mistakes."),
}


class ClimateResponseForm(forms.Form):
    """One 1 to 5 question per dimension (1: not at all true, 5: fully true)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for dimension in Dimension:
            self.fields[dimension.value] = forms.TypedChoiceField(
                label=dimension.label,
                help_text=STATEMENTS[dimension],
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
