from django import forms
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateField
from hrportal.models import Entity, Function, FunctionFamily
from hrportal.widgets import FastSelect

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CLASS_CHOICES = [(c, str(c)) for c in range(Function.MIN_CLASS, Function.MAX_CLASS + 1)]


class EntityFilterForm(forms.Form):
    # Hundreds of entities: their options are rendered once per change of the entities (FastSelect), not per page.
    entity = forms.ModelChoiceField(
        label=_("Entity"),
        queryset=Entity.objects.none(),
        required=False,
        empty_label=_("the whole organisation"),
        widget=FastSelect(label_field="name", cached=True),
    )

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = entities.order_by("name")


def _family_field(required=False):
    return forms.ModelChoiceField(
        label=_("Function family"),
        queryset=FunctionFamily.objects.filter(deactivation__isnull=True).order_by("position"),
        required=required,
        empty_label=_("top management (outside the families)"),
    )


class FunctionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    family = _family_field()
    function_class = forms.TypedChoiceField(label=_("Function class"), choices=CLASS_CHOICES, coerce=int)
    weight = forms.IntegerField(label=_("Weight"), min_value=0, max_value=100000, initial=0)
    teleworkable = forms.BooleanField(label=_("Teleworkable"), required=False, initial=True)


class FunctionEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    weight = forms.IntegerField(label=_("Weight"), min_value=0, max_value=100000)
    teleworkable = forms.BooleanField(label=_("Teleworkable"), required=False)


class ReclassifyForm(forms.Form):
    to_class = forms.TypedChoiceField(label=_("New class"), choices=CLASS_CHOICES, coerce=int)
    keep_family = forms.BooleanField(label=_("Keep the family"), required=False, initial=True)
    to_family = _family_field()
    effective_date = BoundedDateField(label=_("In force from"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))


class StaffFunctionForm(forms.Form):
    function = forms.ModelChoiceField(label=_("New function"), queryset=Function.objects.none())
    on = BoundedDateField(label=_("From"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        functions = Function.objects.select_related("family").order_by("function_class", "family__position", "name")
        self.fields["function"].queryset = functions
        self.fields["function"].choices = [("", "---------")] + [
            (f.pk, _("%(name)s — class %(class)s") % {"name": f.name, "class": f.function_class}) for f in functions
        ]


class FamilyForm(forms.Form):
    name = forms.CharField(label=_("Name (Dutch)"), max_length=120)
    name_en = forms.CharField(label=_("Name (English)"), max_length=120)
    is_management = forms.BooleanField(label=_("Management family"), required=False)


class FamilyCreateForm(FamilyForm):
    code = forms.SlugField(
        label=_("Code"), max_length=50, help_text=_("Letters, digits, hyphens or underscores; it cannot change later.")
    )
    field_order = ["code", "name", "name_en", "is_management"]


class FamilyDeactivateForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}))
