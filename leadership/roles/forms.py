from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import BoundedDateField
from hrportal.models import Competency
from leadership.roles.models import LeadershipRole, ManagementLevel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileRequirementForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=LeadershipRole.choices)
    tier = forms.ChoiceField(label=_("Management tier"), choices=ManagementLevel.choices)
    competency = forms.ModelChoiceField(label=_("Competency"), queryset=Competency.objects.order_by("name"))
    required_level = forms.TypedChoiceField(
        label=_("Required level"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", _("not required (remove from the profile)"))] + [(i, str(i)) for i in range(1, 5)],
    )
    valid_from = BoundedDateField(label=_("In force from"), widget=DATE)
