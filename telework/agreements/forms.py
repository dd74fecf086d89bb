from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.widgets import FastSelect
from telework.agreements.models import Weekday
from telework.models import TeleworkAgreement


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AgreementRequestForm(forms.Form):
    days_per_week = forms.TypedChoiceField(
        label=_("Days per week"), choices=[(i, str(i)) for i in range(1, 6)], coerce=int, initial=2
    )
    pattern = forms.ChoiceField(
        label=_("Pattern"), choices=TeleworkAgreement.Pattern.choices, initial=TeleworkAgreement.Pattern.FIXED
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Fixed weekdays"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for fixed weekdays: tick as many days as days per week."),
    )
    preferred_day = forms.TypedChoiceField(label=_("Preferred day"), choices=Weekday.choices, coerce=int)
    start = BoundedDateField(label=_("Start"), widget=DateInput())
    end = BoundedDateField(
        label=_("End"), widget=DateInput(), required=False, help_text=_("Empty: until further notice.")
    )
    motivation = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].initial = timezone.localdate()


class DecisionForm(forms.Form):
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required when you refuse."),
    )


class EndForm(forms.Form):
    end = BoundedDateField(label=_("Last telework day"), widget=DateInput())
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Reason for ending"), widget=forms.Textarea(attrs={"rows": 2})
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("all"))] + list(TeleworkAgreement.Status.choices),
        required=False,
        widget=FastSelect,
    )


class OccupancyForm(forms.Form):
    on = BoundedDateField(label=_("Reference date"), widget=DateInput(), required=False)


class ExplanationForm(forms.Form):
    applies_telework = forms.BooleanField(
        label=_("The entity applies time- and place-independent work"), required=False, initial=True
    )
    explanation = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when the entity does not apply it: explain why (comply or explain)."),
    )
    effective_from = BoundedDateField(label=_("Effective from"), widget=DateInput())
