from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import action_choices
from hrportal.models import Entity
from hrportal.widgets import FastSelect


class AuditFilterForm(forms.Form):
    """Filters of the audit trail; every value bounded, unknown codes refused (never sent to the database)."""

    person = forms.CharField(label=_("Person concerned"), required=False, max_length=100, help_text=_("Name or e-mail"))
    staff = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    entity = forms.ModelChoiceField(
        label=_("Entity (with its divisions)"),
        queryset=Entity.objects.order_by("name"),
        required=False,
        empty_label=_("all"),
        widget=FastSelect(label_field="name", cached=True),
    )
    action = forms.ChoiceField(label=_("Decision"), required=False)
    actor = forms.CharField(label=_("Decided by"), required=False, max_length=100, help_text=_("Name or user name"))
    occurred_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    occurred_until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, entity_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("all"))] + action_choices()
        if entity_ids is not None:
            self.fields["entity"].queryset = Entity.objects.filter(pk__in=entity_ids).order_by("name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("occurred_from"), cleaned.get("occurred_until")
        if start and end and end < start:
            self.add_error("occurred_until", _("The end of the period lies before its start."))
        return cleaned
