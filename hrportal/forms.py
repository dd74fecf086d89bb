from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from hrportal.models import Competency, StaffLanguage
from hrportal.models.portfolio import Objective, PortfolioAction


class LanguageRowForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=StaffLanguage.Language.choices)
    proficiency = forms.ChoiceField(label=_("Proficiency"), choices=StaffLanguage.Proficiency.choices)


class CompetencyRowForm(forms.Form):
    competency = forms.ModelChoiceField(label=_("Competency"), queryset=Competency.objects.all())
    level = forms.TypedChoiceField(label=_("Level"), coerce=int, choices=[(i, str(i)) for i in range(1, 5)])


LanguageFormSet = formset_factory(LanguageRowForm, extra=1, can_delete=True, max_num=10)
CompetencyFormSet = formset_factory(CompetencyRowForm, extra=2, can_delete=True, max_num=40)


class PortfolioFilterForm(forms.Form):
    objective = forms.ChoiceField(label=_("Objective"), choices=[("", _("all"))] + Objective.choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all"))] + PortfolioAction.Status.choices, required=False
    )
