from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from leadership.development.models import Enrolment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SessionForm(forms.Form):
    module = forms.TypedChoiceField(label=_("Module"), coerce=int)
    starts_on = BoundedDateField(label=_("Starts on"), widget=DATE)
    ends_on = BoundedDateField(label=_("Ends on"), widget=DATE)
    location = forms.CharField(label=_("Location"), max_length=200)
    capacity = forms.IntegerField(label=_("Seats"), min_value=1, max_value=500)

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].choices = [("", "---------")] + [(m.pk, m.name) for m in modules]


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("agree", _("I agree")), ("refuse", _("I refuse"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (when refusing)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=[(Enrolment.Attendance.ATTENDED, _("attended")), (Enrolment.Attendance.ABSENT, _("absent"))],
        widget=forms.RadioSelect,
    )
