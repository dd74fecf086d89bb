from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from hrportal.models import Competency, StaffLanguage
from hrportal.models.portfolio import Objective, PortfolioAction

# Each choice starts empty, so that an extra row left as it is submits nothing, counts as unchanged and is
# ignored by the formset; a row filled in halfway still gets "required" on the missing half.
EMPTY_CHOICE = [("", "—")]


class LanguageRowForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=EMPTY_CHOICE + StaffLanguage.Language.choices)
    proficiency = forms.ChoiceField(label=_("Proficiency"), choices=EMPTY_CHOICE + StaffLanguage.Proficiency.choices)


class CompetencyRowForm(forms.Form):
    competency = forms.ModelChoiceField(label=_("Competency"), queryset=Competency.objects.all(), empty_label="—")
    level = forms.TypedChoiceField(
        label=_("Level"), coerce=int, empty_value=None, choices=EMPTY_CHOICE + [(i, str(i)) for i in range(1, 5)]
    )


LanguageFormSet = formset_factory(LanguageRowForm, extra=1, can_delete=True, max_num=10)
CompetencyFormSet = formset_factory(CompetencyRowForm, extra=2, can_delete=True, max_num=40)


class PortfolioFilterForm(forms.Form):
    objective = forms.ChoiceField(label=_("Objective"), choices=[("", _("all"))] + Objective.choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all"))] + PortfolioAction.Status.choices, required=False
    )
    overdue = forms.BooleanField(label=_("Only actions past their planned end"), required=False)
