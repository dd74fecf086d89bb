from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Function, Staff
from hrportal.widgets import FastSelect

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ShortageListingForm(forms.Form):
    function = forms.ModelChoiceField(label=_("Function"), queryset=Function.objects.none(), widget=FastSelect)
    valid_from = BoundedDateField(label=_("On the list from"), widget=DATE)
    valid_until = BoundedDateField(label=_("On the list until"), required=False, widget=DATE)
    yearly_amount = forms.DecimalField(
        label=_("Yearly gross amount (EUR)"), required=False, min_value=0, max_digits=9, decimal_places=2
    )
    percentage = forms.DecimalField(
        label=_("Or a percentage of the basic salary"), required=False, min_value=0, max_digits=5, decimal_places=2
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        functions = Function.objects.select_related("family").order_by("name", "function_class")
        self.fields["function"].queryset = functions
        self.fields["function"].choices = [("", "---------")] + [(f.pk, str(f)) for f in functions]


class ShortageEndForm(forms.Form):
    valid_until = BoundedDateField(label=_("Last day on the list"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))


class AllowanceGrantForm(forms.Form):
    staff = forms.CharField(label=_("Personnel number"), max_length=20)
    start = BoundedDateField(label=_("Start"), widget=DATE)
    end = BoundedDateField(label=_("End"), widget=DATE)

    def clean_staff(self):
        staff = Staff.objects.filter(personnel_number=self.cleaned_data["staff"].strip()).first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff


class AllowanceEndForm(forms.Form):
    end = BoundedDateField(label=_("Last day of the allowance"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))
