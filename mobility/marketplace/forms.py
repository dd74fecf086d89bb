from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from hrportal.forms import CompetencyRowForm
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Entity, StaffLanguage
from hrportal.widgets import FastSelect
from mobility.models import TalentOffer

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfferForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("What you offer"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    time_share_percent = forms.IntegerField(label=_("Share of working time (%)"), min_value=1, max_value=100)
    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("Until"), widget=DATE)
    where = forms.ChoiceField(label=_("Where"), choices=TalentOffer.Where.choices, initial=TalentOffer.Where.ANY_ENTITY)
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=StaffLanguage.Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-row"}),
    )


class OfferCompetencyRowForm(CompetencyRowForm):
    def has_changed(self):
        # an extra row without a competency is empty, whatever its level select or "required" tick says
        return bool(self.data.get(self.add_prefix("competency"))) or (
            super().has_changed() and not self.empty_permitted
        )


class RequestCompetencyRowForm(OfferCompetencyRowForm):
    required = forms.BooleanField(label=_("Required"), required=False, initial=True)


RequestCompetencyFormSet = formset_factory(RequestCompetencyRowForm, extra=3, can_delete=True, max_num=20)
OfferCompetencyFormSet = formset_factory(OfferCompetencyRowForm, extra=3, can_delete=True, max_num=20)


class RequestForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Description"), widget=forms.Textarea(attrs={"rows": 4})
    )
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.order_by("name"), widget=FastSelect)
    time_share_percent = forms.IntegerField(label=_("Share of working time (%)"), min_value=1, max_value=100)
    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("Until"), widget=DATE)
    closing_date = BoundedDateField(label=_("Closing date"), widget=DATE)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class OfferChoiceForm(forms.Form):
    offer = forms.ModelChoiceField(label=_("Your offer"), queryset=TalentOffer.objects.none())
    message = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Message"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers
        self.fields["offer"].empty_label = None  # one's own active offers: preselect the first


def competency_rows(formset, *, with_required: bool) -> list:
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data.get("competency") or data.get("DELETE"):
            continue
        row = (data["competency"].pk, data["level"])
        rows.append((*row, bool(data.get("required"))) if with_required else row)
    return rows
