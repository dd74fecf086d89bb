from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from .models import Competency, StaffLanguage
from .models.portfolio import Objective, PortfolioAction
from .parameters import CATALOGUE


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


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"))

    def __init__(self, *args, definitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(d.kind, d.title) for d in definitions]


class ParameterSetForm(forms.Form):
    key = forms.ChoiceField(label=_("Parameter"), choices=[(k, s.label) for k, s in CATALOGUE.items()])
    value = forms.IntegerField(label=_("New value"), min_value=0)
    valid_from = forms.DateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=255, required=False)
