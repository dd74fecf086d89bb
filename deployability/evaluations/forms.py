from django import forms
from django.utils.translation import gettext_lazy as _

from deployability.models import GuidanceTrajectory
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Evaluation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label, rows=3, required=True, help_text=""):
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX_LENGTH,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class SpecialDismissalForm(forms.Form):
    special_circumstances = _text(
        _("Finding of special circumstances"),
        help_text=_("Exceptionally poor functioning without goodwill: what was found, and how."),
    )
    decided_on = BoundedDateField(label=_("Decided on"), widget=DATE)


class GuidanceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=GuidanceTrajectory.Kind.choices)
    goal = _text(_("Goal"))
    started_on = BoundedDateField(label=_("Start"), widget=DATE)


class EvaluationForm(forms.Form):
    evaluated_on = BoundedDateField(label=_("Date"), widget=DATE)
    rating = forms.ChoiceField(label=_("Rating"), choices=[("", "---------"), *Evaluation.Rating.choices])
    remarks = _text(_("Remarks"), rows=2, required=False)


class MandatoryDismissalForm(forms.Form):
    note = _text(_("Dismissal decision"), help_text=_("Reference of the decision and date of effect."))
    decided_on = BoundedDateField(label=_("Decided on"), widget=DATE)


class CloseForm(forms.Form):
    closed_on = BoundedDateField(label=_("Closed on"), widget=DATE)
