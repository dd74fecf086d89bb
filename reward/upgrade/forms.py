from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Function, Staff
from reward.upgrade.models import UpgradeAllowance

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GrantForm(forms.Form):
    holder = forms.CharField(
        label=_("Personnel number of the staff member"),
        max_length=20,
        help_text=_("A member of your team, or of your entities if you work in HR."),
    )
    function = forms.ModelChoiceField(
        label=_("Function of the heavier tasks"),
        queryset=Function.objects.none(),
        help_text=_("A function of the matrix at least one class above the person's own."),
    )
    tasks = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Heavier tasks"), widget=forms.Textarea(attrs={"rows": 3})
    )
    percentage = forms.DecimalField(
        label=_("Percentage"),
        min_value=Decimal("0.01"),
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text=_("Paid monthly, as a share of the salary."),
    )
    regime = forms.ChoiceField(label=_("Duration of the tasks"), choices=UpgradeAllowance.Regime.choices)
    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("Until"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        functions = Function.objects.select_related("family").order_by("function_class", "family__position", "name")
        self.fields["function"].queryset = functions
        self.fields["function"].choices = [("", "---------")] + [
            (
                f.pk,
                _("%(name)s — class %(class)s, %(family)s")
                % {
                    "name": f.name,
                    "class": f.function_class,
                    "family": f.family.name if f.family else _("top management"),
                },
            )
            for f in functions
        ]

    def clean_holder(self):
        value = self.cleaned_data["holder"].strip()
        staff = Staff.objects.filter(personnel_number=value).select_related("function").first()
        if staff is None:
            raise forms.ValidationError(_("No member of staff with this number."))
        return staff


class ExtendForm(forms.Form):
    end = BoundedDateField(label=_("Extend until"), widget=DATE)


class EndEarlyForm(forms.Form):
    ended_on = BoundedDateField(label=_("Last day"), widget=DATE)
    reason = forms.CharField(max_length=TEXT_MAX_LENGTH, label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
