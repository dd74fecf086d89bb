from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Entity, Function, Staff

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ApplyForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivation"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    function = forms.ModelChoiceField(label=_("Function"), queryset=Function.objects.none())
    grade = forms.ChoiceField(label=_("Grade"), choices=Staff.Grade.choices)
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.none())
    opens_on = BoundedDateField(label=_("Open from"), widget=DATE)
    closes_on = BoundedDateField(label=_("Applications until"), widget=DATE)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["function"].queryset = Function.objects.select_related("family")
        self.fields["entity"].queryset = entities.order_by("name")


class AppointForm(forms.Form):
    staff = forms.CharField(label=_("Personnel number"), max_length=20)
    project = forms.CharField(label=_("Project"), max_length=200)
    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("Until"), widget=DATE, required=False)

    def __init__(self, *args, staff_scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff_scope = staff_scope

    def clean_staff(self):
        staff = self.staff_scope.filter(personnel_number=self.cleaned_data["staff"].strip()).first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number in your scope."))
        return staff
