from django import forms
from django.utils.translation import gettext_lazy as _

from deployability.leave.models import LeaveRight
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LeaveRequestForm(forms.Form):
    right = forms.ModelChoiceField(label=_("Kind of leave"), queryset=LeaveRight.objects.none())
    start = BoundedDateField(label=_("First day"), widget=DATE)
    end = BoundedDateField(label=_("Last day"), widget=DATE)
    half_day = forms.BooleanField(
        label=_("Half day"),
        required=False,
        help_text=_("Only for one day, and not for favour leave, which is taken in whole days."),
    )
    note = forms.CharField(
        label=_("Note for your line manager"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["right"].queryset = LeaveRight.objects.filter(is_active=True)


class DecisionForm(forms.Form):
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required when you refuse."),
    )


class MonthForm(forms.Form):
    month = forms.DateField(label=_("Month"), input_formats=["%Y-%m"], required=False)
