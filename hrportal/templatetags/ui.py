"""Template tags of the design system (docs/ui.md). Built in: every template may use them without `load`."""

from django import forms, template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from hrportal.forms_rendering import filter_form_html

register = template.Library()


def _error_entries(form) -> list[dict]:
    """(href, message) for each error of a form or formset, in the order of the fields on the page."""
    if isinstance(form, forms.BaseFormSet):
        entries = [{"href": f"#{form.prefix}-non-form-error-1", "message": e} for e in form.non_form_errors()]
        for member in form.forms:
            entries += _error_entries(member)
        return entries
    entries = [
        {"href": f"#{form.prefix or 'form'}-non-field-error-{n}", "message": e}
        for n, e in enumerate(form.non_field_errors(), start=1)
    ]
    for field in form.visible_fields():
        if not field.errors:
            continue
        kind = widget_type(field)
        # A group of choices: the link goes to its first option, as GOV.UK's error summary expects.
        anchor = field.subwidgets[0].id_for_label if kind in ("checkboxes", "radios") and field.subwidgets else None
        anchor = anchor or field.id_for_label or field.auto_id
        entries += [{"href": f"#{anchor}", "message": f"{field.label}: {e}"} for e in field.errors]
    return entries


@register.simple_tag
def error_summary(*forms_and_formsets) -> str:
    """The summary of every error of the given forms/formsets; GOV.UK Frontend moves focus to it."""
    errors = []
    for form in forms_and_formsets:
        if form is not None and form.is_bound:
            errors += _error_entries(form)
    return render_to_string("components/forms/error_summary.html", {"errors": errors})


@register.simple_tag
def filter_form(form) -> str:
    """A list page's filter form, as `{% include "components/form.html" %}` renders it, from the process's
    fragment cache when the same filters were rendered before (hrportal.forms_rendering.filter_form_html)."""
    return mark_safe(filter_form_html(form))  # the form's own rendering: escaped by its templates


@register.filter
def widget_type(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.filter
def depends_on(field) -> str:
    """A widget's data-depends-on="<field>=<value>": static/js/hrportal.js shows the field only then."""
    return field.field.widget.attrs.get("data-depends-on", "")


_WIDGET_CLASS = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "input": "govuk-input",
}


@register.filter
def govuk_widget(field) -> str:
    """The field's widget with the design system's classes and its hint and error tied to it."""
    kind = widget_type(field)
    css = _WIDGET_CLASS.get(kind, "govuk-input")
    classes = [field.field.widget.attrs.get("class", ""), css]
    if field.errors and kind != "checkbox":
        classes.append(f"{css}--error")
    input_type = getattr(field.field.widget, "input_type", None)
    if kind == "input" and input_type in ("date", "number"):
        classes.append("govuk-input--width-10")
    described = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {"class": " ".join(c for c in classes if c)}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def subnav_link(context, url_name: str, label: str, *args, match: str = "exact") -> str:
    """One entry of a sub-navigation; the current page gets aria-current="page".

    match="prefix" also marks the entry on pages below it (a list and the detail pages under it).
    """
    url = reverse(url_name, args=args)
    path = context["request"].path
    current = path == url or (match == "prefix" and path.startswith(url))
    if current:
        return format_html('<li><a href="{}" aria-current="page">{}</a></li>', url, label)
    return format_html('<li><a href="{}">{}</a></li>', url, label)


# One colour per kind of status across the portal (GOV.UK tag colours); unknown statuses are grey.
STATUS_COLOURS = {
    "blue": {
        "requested",
        "submitted",
        "queued",
        "open",
        "pending",
        "awaiting_host",
        "running",
        "invited",
        "applied",
        "counterpart_sought",
        "published",
        "consented",
        "live",
        "scheduled",
        "judged",
    },
    "green": {
        "approved",
        "accepted",
        "active",
        "assigned",
        "host_approved",
        "done",
        "completed",
        "agreed",
        "manager_agreed",
        "ok",
        "succeeded",
        "reimbursed",
        "current",
        "decided",
    },
    "red": {"refused", "failed", "host_refused", "manager_refused", "rejected", "declined", "over", "full"},
    "grey": {"withdrawn", "cancelled", "closed", "expired", "dropped", "ended", "superseded", "paused", "ended_early"},
    "purple": {"preparing", "draft", "planned"},
}
_COLOUR_OF = {status: colour for colour, statuses in STATUS_COLOURS.items() for status in statuses}


@register.filter
def tag_colour(status) -> str:
    return f"govuk-tag--{_COLOUR_OF.get(str(status), 'grey')}"


@register.simple_tag
def status_tag(status, label) -> str:
    """A status as a GOV.UK tag: <strong class="govuk-tag govuk-tag--green">Goedgekeurd</strong>."""
    return format_html('<strong class="govuk-tag {}">{}</strong>', tag_colour(status), label)


@register.inclusion_tag("components/chart.html")
def chart(chart: dict, chart_id: str = "chart", category_label: str = ""):
    """A chart (hrportal.charts) as SVG with its figures in a table beside it."""
    from hrportal.charts import chart_context

    return {**chart_context(chart), "chart_id": chart_id, "category_label": category_label}


@register.filter
def person(user) -> str:
    """A user as people know them: the staff record's name, else the account's name, else the user name."""
    if user is None:
        return "—"
    staff = getattr(user, "staff", None)
    if staff is not None:
        return staff.full_name
    return user.get_full_name() or user.username


@register.filter
def event_label(action: str) -> str:
    """An audit action code in words, in the reader's language (hrportal/audit/registry.py)."""
    from hrportal.audit.registry import event_label as label

    return label(action)
