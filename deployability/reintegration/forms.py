from django import forms
from django.utils.translation import gettext_lazy as _

from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Function, Staff

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonnelNumberField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        staff = Staff.objects.filter(personnel_number=(value or "").strip()).select_related("entity").first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff


class CaseOpenForm(forms.Form):
    staff = PersonnelNumberField(label=_("Personnel number"))
    intake_on = BoundedDateField(label=_("Intake on"), widget=DATE)
    medical_details = forms.CharField(
        label=_("Medical details"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the person, the social-medical team and HR of the entity read these."),
    )
    shared_summary = forms.CharField(
        label=_("Summary shared with the line manager"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NotesForm(forms.Form):
    medical_details = forms.CharField(
        label=_("Medical details"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    shared_summary = forms.CharField(
        label=_("Summary shared with the line manager"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TeamMemberForm(forms.Form):
    staff = PersonnelNumberField(label=_("Personnel number"))
    role = forms.ChoiceField(label=_("Role in the team"), choices=CaseTeamMember.Role.choices)


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of step"), choices=ReintegrationStep.Kind.choices)
    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("Until"), widget=DATE, required=False)
    working_time_percent = forms.IntegerField(
        label=_("Working time (%)"), required=False, min_value=1, max_value=99, help_text=_("Part-time only.")
    )
    function = forms.ModelChoiceField(
        label=_("Other function"),
        queryset=Function.objects.none(),
        required=False,
        help_text=_("For another function only."),
    )
    description = forms.CharField(
        label=_("Arrangement"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["function"].queryset = Function.objects.select_related("family")


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReintegrationCase.Outcome.choices)
    closed_on = BoundedDateField(label=_("Closed on"), widget=DATE)
    outcome_note = forms.CharField(
        label=_("Outcome note"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
