from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Staff
from hrportal.widgets import FastSelect
from telework.models import SupportRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SupportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of support"), choices=SupportRequest.Kind.choices)
    entity = forms.ModelChoiceField(
        label=_("Entity"),
        queryset=None,
        required=False,
        widget=FastSelect,
        help_text=_("Not needed for leadership coaching: that is for yourself."),
    )
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("What support is needed"), widget=forms.Textarea(attrs={"rows": 4})
    )
    estimated_hours = forms.IntegerField(label=_("Estimated hours"), min_value=1, max_value=2000)
    wanted_from = BoundedDateField(label=_("Wanted from"), widget=DATE)
    wanted_until = BoundedDateField(label=_("Wanted until"), widget=DATE)

    def __init__(self, *args, entities, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = entities
        self.fields["entity"].choices = [("", "---------")] + [(e.pk, e.name) for e in entities.order_by("name")]
        self.fields["kind"].choices = [(k, label) for k, label in SupportRequest.Kind.choices if k in kinds]


class AssignForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Pool member"), coerce=int)
    hours = forms.IntegerField(label=_("Hours"), min_value=1, max_value=2000)
    period_start = BoundedDateField(label=_("From"), widget=DATE)
    period_end = BoundedDateField(label=_("Until"), widget=DATE)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", "---------")] + [
            (
                m.pk,
                _("%(name)s — %(remaining)s of %(budget)s h left")
                % {"name": m.staff.full_name, "remaining": m.remaining, "budget": m.budget},
            )
            for m in members
            if m.assignable
        ]


class DeclineForm(forms.Form):
    reason = forms.CharField(max_length=TEXT_MAX_LENGTH, label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class PoolMemberForm(forms.Form):
    staff = forms.CharField(label=_("Personnel number"), max_length=20)
    certified_on = BoundedDateField(label=_("Certified on"), required=False, widget=DATE)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    is_coordinator = forms.BooleanField(label=_("Coordinator"), required=False)

    def clean_staff(self):
        value = self.cleaned_data["staff"]
        staff = Staff.objects.filter(personnel_number=value.strip()).first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff
