import threading
from collections import OrderedDict

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.timezone import localdate
from django.utils.translation import get_language


class PortalFormRenderer(TemplatesSetting):
    """Every `{{ form }}` and `{{ field.as_field_group }}` in the portal renders the one form pattern:
    GOV.UK form groups, an error summary that takes focus, fieldsets with a legend for groups of choices."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"
    formset_template_name = "components/forms/formset.html"


# Filter forms rendered in this process, by what their HTML follows from (see filter_form_html); the
# oldest goes first. An entry holds a form's HTML, select options included: tens of kilobytes.
FILTER_FORMS_KEPT = 64
_FILTER_FORMS: OrderedDict[tuple, str] = OrderedDict()
_FILTER_FORMS_LOCK = threading.Lock()  # threaded servers: one change of the order at a time


def filter_form_html(form) -> str:
    """The HTML of a list page's filter form (a GET form), rendered once per distinct input.

    Rendering the filter form of the staff directory through the field templates costs about 5 ms a page
    view; it is the same HTML for everyone who sends the same filters in the same language on the same day
    while the choices stay unchanged, which is every page of one search and every first visit. Forms whose
    HTML may depend on more than that are rendered every time (see `_filter_form_key`).
    """
    key = _filter_form_key(form)
    if key is None:
        return str(form)
    with _FILTER_FORMS_LOCK:
        html = _FILTER_FORMS.get(key)
        if html is not None:
            _FILTER_FORMS.move_to_end(key)
            return html
    html = str(form)  # rendered outside the lock
    with _FILTER_FORMS_LOCK:
        _FILTER_FORMS[key] = html
        if len(_FILTER_FORMS) > FILTER_FORMS_KEPT:
            _FILTER_FORMS.popitem(last=False)
    return html


def _filter_form_key(form) -> tuple | None:
    """What a bound filter form's HTML follows from: its class, prefix and fields, the values sent for them,
    the language, the day (date bounds move with it) and its choices. None when a choice list is not
    versioned: a model choice without the cached FastSelect, whose options may change unseen."""
    from hrportal.widgets import FastSelect

    if not form.is_bound:
        return None
    parts = [type(form).__module__, type(form).__qualname__, form.prefix, get_language(), str(localdate())]
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(field, forms.ModelChoiceField):
            if not (isinstance(widget, FastSelect) and widget.cached and widget.label_field):
                return None
            choices = widget.options_key(field.queryset)
        elif isinstance(field, forms.ChoiceField):
            choices = repr([(value, str(label)) for value, label in field.choices])
        else:
            choices = None
        # what the widget reads from the request (a widget of several inputs reads all of them)
        sent = repr(widget.value_from_datadict(form.data, form.files, form.add_prefix(name)))
        parts.append((name, type(field), type(widget), field.required, field.disabled, sent, choices))
    return tuple(parts)
