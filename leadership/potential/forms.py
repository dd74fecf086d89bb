from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Competency, Staff
from leadership.potential.models import Assessment
from leadership.roles.models import LeadershipRole, ManagementLevel
from leadership.selection.forms import StaffNumberField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCORES = [("", "—")] + [(i, str(i)) for i in range(1, 5)]


class AssessmentForm(forms.Form):
    staff = StaffNumberField(label=_("Personnel number of the candidate"))
    role = forms.ChoiceField(label=_("Role"), choices=LeadershipRole.choices)
    tier = forms.ChoiceField(label=_("Management tier"), choices=ManagementLevel.choices)
    assessed_on = BoundedDateField(label=_("Assessed on"), widget=DATE)
    assessors = forms.CharField(
        label=_("Assessors"), max_length=500, help_text=_("Personnel numbers, separated by commas.")
    )
    result = forms.ChoiceField(label=_("Result"), choices=Assessment.Result.choices)
    advice = forms.CharField(
        label=_("Advice"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = list(Competency.objects.order_by("cluster__position", "name"))
        for competency in self.competencies:
            self.fields[f"score_{competency.code}"] = forms.TypedChoiceField(
                label=_("Score: %(name)s") % {"name": competency.name},
                choices=SCORES,
                coerce=int,
                empty_value=None,
                required=False,
            )

    def clean_assessors(self):
        numbers = [n.strip() for n in self.cleaned_data["assessors"].split(",") if n.strip()]
        found = list(Staff.objects.filter(personnel_number__in=numbers))
        if not numbers or len(found) != len(set(numbers)):
            raise forms.ValidationError(_("Give the personnel numbers of existing members of staff."))
        return found

    def scores(self) -> dict:
        return {
            c: self.cleaned_data[f"score_{c.code}"]
            for c in self.competencies
            if self.cleaned_data.get(f"score_{c.code}") is not None
        }
