from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Entity, Staff
from hrportal.widgets import FastSelect
from leadership.models import AnnualEvaluation, MandateEvaluation, TopCandidate, TopSession, Vacancy

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonnelNumberField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        staff = Staff.objects.filter(personnel_number=value.strip()).first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff


class MandateForm(forms.Form):
    official = PersonnelNumberField(label=_("Personnel number of the top official"))
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.none(), widget=FastSelect)
    function_title = forms.CharField(label=_("Function"), max_length=200)
    start = BoundedDateField(label=_("Start of the mandate"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entities = Entity.objects.exclude(kind=Entity.Kind.DIVISION).order_by("name")
        self.fields["entity"].queryset = entities
        self.fields["entity"].choices = [("", "---------")] + [(e.pk, e.name) for e in entities]


class MandateEvaluationForm(forms.Form):
    evaluated_on = BoundedDateField(label=_("Evaluated on"), widget=DATE)
    result = forms.ChoiceField(label=_("Result"), choices=MandateEvaluation.Result.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Motivation"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnnualEvaluationForm(forms.Form):
    official = PersonnelNumberField(label=_("Personnel number of the top official"))
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    rating = forms.ChoiceField(label=_("Rating"), choices=AnnualEvaluation.Rating.choices)
    evaluated_on = BoundedDateField(label=_("Evaluated on"), widget=DATE)
    note = forms.CharField(
        label=_("Summary"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class VacancyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Vacancy.Kind.choices)
    year = forms.IntegerField(label=_("Year of the selection"), min_value=1990, max_value=2100)
    selection_office = forms.CharField(label=_("External selection office"), max_length=200, required=False)


class CandidateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    gender = forms.ChoiceField(label=_("Gender"), choices=Staff.Gender.choices, help_text=_("For monitoring only."))
    stage = forms.ChoiceField(label=_("Stage reached"), choices=TopCandidate.Stage.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=TopCandidate.Outcome.choices)


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TopSession.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = BoundedDateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=10000)
    description = forms.CharField(
        label=_("Description"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RegistrationForm(forms.Form):
    mailing_opt_in = forms.BooleanField(
        label=_(
            "Keep me informed: put me on the mailing list about vacancies and initiatives for middle and top management"
        ),
        required=False,
    )


class SessionCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        help_text=_("The registrants receive it by e-mail."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
