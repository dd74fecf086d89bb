from django import forms
from django.utils.translation import gettext_lazy as _

from deployability.redeployment.models import GuidanceTrajectory
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Competency, Staff
from hrportal.widgets import FastSelect

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STEPS = 3


def _text(label, rows=3, required=True, help_text=""):
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX_LENGTH,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class PersonField(forms.CharField):
    """A member of staff by personnel number (the visible ones are checked by the service's permission)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Personnel number"))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        staff = Staff.objects.select_related("entity").filter(personnel_number=value.strip()).first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff


class TrajectoryForm(forms.Form):
    staff = PersonField(help_text=_("The member of your team the trajectory is for."))
    kind = forms.ChoiceField(label=_("Kind"), choices=GuidanceTrajectory.Kind.choices)
    goal = _text(_("Goal"))
    started_on = BoundedDateField(label=_("Start"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, STEPS + 1):
            self.fields[f"step_{i}_title"] = forms.CharField(
                label=_("Step %(n)s") % {"n": i}, max_length=200, required=False
            )
            self.fields[f"step_{i}_on"] = BoundedDateField(
                label=_("Date of step %(n)s") % {"n": i}, required=False, widget=DATE
            )

    def steps(self):
        data = self.cleaned_data
        return [
            (data.get(f"step_{i}_title") or "", data.get(f"step_{i}_on"))
            for i in range(1, STEPS + 1)
            if (data.get(f"step_{i}_title") or "").strip()
        ]


class StepForm(forms.Form):
    title = forms.CharField(label=_("Step"), max_length=200)
    planned_on = BoundedDateField(label=_("Planned on"), widget=DATE)


class CompleteForm(forms.Form):
    completed_on = BoundedDateField(label=_("Completed on"), widget=DATE)
    outcome = _text(_("Outcome"))


class RegisterForm(forms.Form):
    registered_on = BoundedDateField(label=_("Registration date"), widget=DATE)
    place = forms.CharField(label=_("Place of work"), max_length=100, required=False)


class AdmissibilityForm(forms.Form):
    redeployable = forms.TypedChoiceField(
        label=_("Outcome of the admissibility test"),
        choices=[("1", _("redeployable")), ("0", _("not redeployable: trajectory inside the entity"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reasons = _text(_("Reasons"))
    decided_on = BoundedDateField(label=_("Decided on"), widget=DATE)


class TeamMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    role = forms.CharField(label=_("Role in the team"), max_length=150)


class TeamMeetingForm(forms.Form):
    held_on = BoundedDateField(label=_("Date"), widget=DATE)
    notes = _text(_("Notes"))


class InternalCloseForm(forms.Form):
    closed_on = BoundedDateField(label=_("Closed on"), widget=DATE)
    outcome = _text(_("Outcome"))


class OfferForm(forms.Form):
    vacancy = forms.TypedChoiceField(label=_("Vacancy"), coerce=int)
    offered_on = BoundedDateField(label=_("Offered on"), widget=DATE)

    def __init__(self, *args, vacancies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].choices = [("", "---------")] + [
            (v.pk, f"{v.title} — {v.grade}, {v.entity.name}, {v.place}") for v in vacancies
        ]


class RankedOfferForm(forms.Form):
    candidate = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    offered_on = BoundedDateField(label=_("Offered on"), widget=DATE)


class VacancyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    function = forms.ModelChoiceField(label=_("Function"), queryset=None, widget=FastSelect)
    grade = forms.ChoiceField(label=_("Grade"), choices=Staff.Grade.choices)
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=None, widget=FastSelect)
    place = forms.CharField(label=_("Place of work"), max_length=100)
    published_on = BoundedDateField(label=_("Published on"), widget=DATE)
    competencies = forms.ModelMultipleChoiceField(
        label=_("Required competencies"),
        queryset=Competency.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    level = forms.TypedChoiceField(
        label=_("Required level of these competencies"),
        choices=[(i, str(i)) for i in range(1, 5)],
        coerce=int,
        initial=2,
    )

    def __init__(self, *args, entities, functions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = entities
        self.fields["function"].queryset = functions


class FillOtherForm(forms.Form):
    filled_on = BoundedDateField(label=_("Filled on"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class AcceptForm(forms.Form):
    answered_on = BoundedDateField(label=_("Date of the answer"), widget=DATE)


class RefuseForm(forms.Form):
    reason = _text(_("Reason for refusing"))
    answered_on = BoundedDateField(label=_("Date of the answer"), widget=DATE)
