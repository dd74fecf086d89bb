from django import forms
from django.utils.translation import gettext_lazy as _


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"))

    def __init__(self, *args, definitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(d.kind, d.title) for d in definitions]
