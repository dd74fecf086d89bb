from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Entity, Staff
from hrportal.widgets import FastSelect
from mobility.models import ExpenseClaim, ExternalApplicant, MobilityCall


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=MobilityCall.Kind.choices)
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    opens_on = BoundedDateField(label=_("Applications open on"), widget=DateInput())
    closes_on = BoundedDateField(label=_("Applications close on"), widget=DateInput())
    eligible_levels = forms.MultipleChoiceField(
        label=_("Eligible levels"), choices=Staff.Level.choices, widget=forms.CheckboxSelectMultiple
    )
    min_months = forms.IntegerField(
        label=_("Minimum stay (months)"),
        min_value=1,
        max_value=24,
        required=False,
        help_text=_("Empty: the default for this kind of call (exchange 1, work visit 1)."),
    )
    max_months = forms.IntegerField(
        label=_("Maximum stay (months)"),
        min_value=1,
        max_value=24,
        required=False,
        help_text=_("Empty: the default for this kind of call (exchange 6, work visit 3)."),
    )
    hosts = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Host organisations"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One host organisation per line."),
    )

    def cleaned_hosts(self) -> list[str]:
        return [line for line in self.cleaned_data["hosts"].splitlines() if line.strip()]

    def call_values(self) -> dict:
        """The arguments of `call_create` / `call_update` (all but the kind, which only opening sets)."""
        fields = ["title", "description", "opens_on", "closes_on", "eligible_levels", "min_months", "max_months"]
        return {name: self.cleaned_data[name] for name in fields} | {"hosts": self.cleaned_hosts()}


class ApplicationForm(forms.Form):
    host = forms.ModelChoiceField(label=_("Preferred host"), queryset=None, required=False)
    start = BoundedDateField(label=_("Start of the stay"), widget=DateInput())
    end = BoundedDateField(label=_("End of the stay"), widget=DateInput())
    motivation = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = call.hosts.all()
        self.fields["host"].empty_label = _("No preference / a counterpart is still to be found")


class ManagerDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("agree", _("I agree")), ("refuse", _("I refuse"))], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required when you refuse."),
    )


class HostDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("The host's answer"),
        choices=[
            ("green_light", _("green light")),
            ("counterpart_sought", _("a counterpart is still sought")),
            ("refused", _("refused")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ClaimForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of cost"), choices=ExpenseClaim.Kind.choices)
    claim_date = BoundedDateField(label=_("Claim date"), widget=DateInput())
    amount = forms.DecimalField(label=_("Amount (EUR)"), max_digits=10, decimal_places=2)
    description = forms.CharField(label=_("Description"), max_length=200, required=False)


class VacancyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.order_by("name"), widget=FastSelect)
    level = forms.ChoiceField(label=_("Level"), choices=Staff.Level.choices)
    closes_on = BoundedDateField(label=_("Applications close on"), widget=DateInput())
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ExternalApplicantForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    origin = forms.ChoiceField(label=_("Origin"), choices=ExternalApplicant.Origin.choices)
    employer = forms.CharField(label=_("Current employer"), max_length=200)
    permanently_appointed = forms.TypedChoiceField(
        label=_("Permanently appointed"),
        choices=[("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    seniority_years = forms.IntegerField(label=_("Monetary seniority: years"), min_value=0, max_value=60)
    seniority_months = forms.IntegerField(label=_("Monetary seniority: months"), min_value=0, max_value=11)


class SelectionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome of the shortened selection"),
        choices=[("passed", _("passed")), ("failed", _("not passed"))],
        widget=forms.RadioSelect,
    )
    selection_date = BoundedDateField(label=_("Selection date"), widget=DateInput())
    note = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class DetachmentForm(forms.Form):
    personnel_number = forms.CharField(label=_("Personnel number of the staff member"), max_length=20)
    institution = forms.CharField(label=_("International institution"), max_length=200)
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    start = BoundedDateField(label=_("Start"), widget=DateInput())
    end = BoundedDateField(label=_("End"), widget=DateInput(), required=False)
    annual_salary_cost = forms.DecimalField(label=_("Annual salary cost (EUR)"), max_digits=12, decimal_places=2)
    institution_pays_salary = forms.BooleanField(label=_("The institution pays the salary"), required=False)

    def clean_personnel_number(self):
        number = self.cleaned_data["personnel_number"].strip()
        staff_id = Staff.objects.filter(personnel_number=number).values_list("pk", flat=True).first()
        if staff_id is None:
            raise forms.ValidationError(_("No staff member has this personnel number."))
        self.staff_id = staff_id
        return number
