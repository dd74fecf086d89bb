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
        widget=forms.CheckboxSelectMultiple(attrs={"data-depends-on": "pattern=fixed"}),
        help_text=_("Only for fixed weekdays: tick as many days as days per week."),
    )
    # Asked only for a flexible pattern; with fixed weekdays the first of them counts (and the page hides it).
    preferred_day = forms.TypedChoiceField(
        label=_("Preferred day"),
        choices=[("", "—"), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.Select(attrs={"data-depends-on": "pattern=flexible"}),
        help_text=_("Only for a flexible pattern: the day that counts for the entity's daily maximum."),
    )
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

    def clean(self):
        # Every field's problem in one go (issue 12, item 7): the period's order is checked here too, so
        # it shows together with the other errors instead of after the next submit.
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end lies before the start."))
        if cleaned.get("pattern") == TeleworkAgreement.Pattern.FIXED:
            days = cleaned.get("weekdays") or []
            # Without weekdays the service reports the missing days on the weekdays field.
            cleaned["preferred_day"] = min(days) if days else Weekday.MONDAY
        elif cleaned.get("pattern") == TeleworkAgreement.Pattern.FLEXIBLE and cleaned.get("preferred_day") is None:
            self.add_error("preferred_day", _("Choose the day that counts for a flexible pattern."))
        return cleaned


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
