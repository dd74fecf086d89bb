from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Every `{{ form }}` and `{{ field.as_field_group }}` in the portal renders the one form pattern:
    GOV.UK form groups, an error summary that takes focus, fieldsets with a legend for groups of choices."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"
    formset_template_name = "components/forms/formset.html"
