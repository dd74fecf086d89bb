from decimal import Decimal

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from reward.experience.models import ExperiencePeriod

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YES_NO = [("yes", _("yes")), ("no", _("no"))]


class PeriodForm(forms.Form):
    employer = forms.CharField(label=_("Employer"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "---------"), *ExperiencePeriod.Sector.choices])
    job = forms.CharField(label=_("Job"), max_length=200)
    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("Until"), widget=DATE)
    part_time_fraction = forms.DecimalField(
        label=_("Working-time fraction"),
        min_value=Decimal("0.01"),
        max_value=1,
        max_digits=3,
        decimal_places=2,
        initial=1,
        help_text=_("1 for full time, 0.5 for half time."),
    )


PeriodFormSet = formset_factory(PeriodForm, extra=2, min_num=1, validate_min=True, max_num=40, validate_max=True)


class RequestNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Explanation (optional)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class _PerPeriodForm(forms.Form):
    prefix_name = ""

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = list(periods)
        for p in self.periods:
            self.fields[f"{self.prefix_name}_{p.pk}"] = forms.ChoiceField(
                label=_("%(employer)s, %(start)s – %(end)s: %(question)s")
                % {
                    "employer": p.employer,
                    "start": p.start.strftime("%d-%m-%Y"),
                    "end": p.end.strftime("%d-%m-%Y"),
                    "question": self.question,
                },
                choices=YES_NO,
                widget=forms.RadioSelect,
            )
        self.order_fields([f"{self.prefix_name}_{p.pk}" for p in self.periods])

    def answers(self) -> dict[int, bool]:
        return {p.pk: self.cleaned_data[f"{self.prefix_name}_{p.pk}"] == "yes" for p in self.periods}


class JudgeForm(_PerPeriodForm):
    prefix_name = "relevant"
    question = _("relevant to the function?")
    note = forms.CharField(
        label=_("Why (optional)"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecideForm(_PerPeriodForm):
    prefix_name = "recognised"
    question = _("recognised?")
    pro_rata = forms.BooleanField(label=_("Part-time periods count pro rata"), required=False)
    shortage_occupation = forms.BooleanField(label=_("Shortage occupation"), required=False)
    note = forms.CharField(
        label=_("Decision note"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviseForm(DecideForm):
    """A revised decision: the same questions, and the reason is required."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "revise")
        super().__init__(*args, **kwargs)
        self.fields["note"].required = True
        self.fields["note"].label = _("Why the decision is revised")
