from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Staff
from hrportal.widgets import FastSelect
from leadership.selection.models import Probation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StaffNumberField(forms.CharField):
    """A member of staff by personnel number (the caller checks scope)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        staff = Staff.objects.filter(personnel_number=value.strip()).first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff


class SelectionForm(forms.Form):
    post = forms.CharField(label=_("Post"), max_length=200)
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=None, widget=FastSelect)
    opens_on = BoundedDateField(label=_("Opens on"), widget=DATE)
    closes_on = BoundedDateField(label=_("Closes on"), widget=DATE)

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = entities
        self.fields["entity"].choices = [("", "---------")] + [(e.pk, e.name) for e in entities.order_by("name")]


class CandidateForm(forms.Form):
    staff = StaffNumberField(
        label=_("Personnel number (internal candidate)"),
        required=False,
        help_text=_("Leave empty for an external candidate."),
    )
    external_name = forms.CharField(label=_("Name (external candidate)"), max_length=200, required=False)
    external_email = forms.EmailField(label=_("E-mail (external candidate)"), required=False)
    experience_years = forms.IntegerField(
        label=_("Relevant experience: years"),
        min_value=0,
        max_value=60,
        required=False,
        help_text=_("Leave empty for an internal candidate: the experience recognised in Reward counts."),
    )
    experience_months = forms.IntegerField(label=_("Months"), min_value=0, max_value=11, required=False)
    experience_days = forms.IntegerField(label=_("Days"), min_value=0, max_value=365, required=False)


class AppointForm(forms.Form):
    candidate = forms.TypedChoiceField(label=_("Candidate"), coerce=int)
    starts_on = BoundedDateField(label=_("Starts on"), widget=DATE)
    probation_months = forms.IntegerField(label=_("Probation (months)"), min_value=1, max_value=36)
    staff = StaffNumberField(
        label=_("Personnel number once hired (external candidate)"),
        required=False,
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = [("", "---------")] + [(c.pk, c.name) for c in candidates]


class ProbationEvaluationForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(Probation.Outcome.POSITIVE, _("positive")), (Probation.Outcome.NEGATIVE, _("negative"))],
        widget=forms.RadioSelect,
    )
    evaluated_on = BoundedDateField(label=_("Evaluated on"), widget=DATE)
    remarks = forms.CharField(
        label=_("Remarks"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
