from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Competency

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MenteeForm(forms.Form):
    ambition = forms.CharField(
        label=_("Your ambition"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    competencies = forms.ModelMultipleChoiceField(
        label=_("Competencies you want to develop"),
        queryset=Competency.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label=_("I am looking for a mentor"), required=False, initial=True)


class MentorForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why you want to mentor"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_active = forms.BooleanField(label=_("I am available as a mentor"), required=False, initial=True)


class ProposeForm(forms.Form):
    mentor = forms.TypedChoiceField(label=_("Mentor"), coerce=int)

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].choices = [("", "---------")] + [
            (m.pk, f"{m.staff.full_name} — {m.staff.entity.name}") for m in mentors
        ]


class MeetingForm(forms.Form):
    met_on = BoundedDateField(label=_("Met on"), widget=DATE)
    topic = forms.CharField(label=_("Topic"), max_length=200)


class CloseForm(forms.Form):
    evaluation = forms.CharField(
        label=_("Closing evaluation"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    goal_reached = forms.TypedChoiceField(
        label=_("Was the goal reached?"),
        choices=[("yes", _("yes")), ("no", _("no")), ("", _("too early to say"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class CoachingForm(forms.Form):
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("What would you like coaching on?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    estimated_hours = forms.IntegerField(label=_("Estimated hours"), min_value=1, max_value=2000)
    wanted_from = BoundedDateField(label=_("Wanted from"), widget=DATE)
    wanted_until = BoundedDateField(label=_("Wanted until"), widget=DATE)
