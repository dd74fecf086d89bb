import hashlib
import uuid
from html import escape

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

CHOICES_SECONDS = 60


class FastSelect(forms.Select):
    """A <select> whose options are built in plain Python: hundreds of entities render in about a
    millisecond, where the template-per-option rendering of forms.Select costs tens of milliseconds a page.

    With `label_field`, a model choice field's options are read as (pk, label) pairs from the database
    without building a model instance per option. With `cached`, the options' HTML is rendered once and
    kept (in the cache for a minute, and in this process while its model's version stays the same); it is
    dropped as soon as a row of the model is saved or deleted in this process (or, with the shared cache of
    production, in any process) — see `choices_changed`. A request then only marks its selected options.
    """

    def __init__(self, attrs=None, choices=(), *, label_field: str | None = None, cached: bool = False):
        super().__init__(attrs, choices)
        self.label_field = label_field
        self.cached = cached

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = {str(v) for v in self.format_value(value) if v not in (None, "")}
        queryset = getattr(self.choices, "queryset", None)
        if self.cached and queryset is not None and self.label_field is not None:
            options = self._cached_options(queryset)
            for choice in selected:  # mark the chosen options in the shared HTML
                needle = f'<option value="{escape(choice)}">'
                options = options.replace(needle, needle[:-1] + " selected>", 1)
        else:
            options = _options_html(self._options(), selected)
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # every part is escaped

    def _options(self):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None or self.label_field is None:
            yield from self.choices
            return
        if self.choices.field.empty_label is not None:
            yield "", self.choices.field.empty_label
        yield from queryset.values_list("pk", self.label_field)

    def options_key(self, queryset) -> str:
        """The cache key of the options' HTML. It names the model, the label and the queryset's filter and
        order by their Python form: no SQL is compiled to build it. The version moves whenever a row of the
        model changes."""
        model = queryset.model._meta.label_lower
        version = choices_version(model)
        query = queryset.query
        shape = f"{model}|{self.label_field}|{query.where!r}|{query.order_by or query.get_meta().ordering}"
        empty = self.choices.field.empty_label
        digest = hashlib.sha256(f"{shape}|{empty}".encode()).hexdigest()
        return f"hrportal:choices-html:{version}:{digest}"

    def _cached_options(self, queryset) -> str:
        key = self.options_key(queryset)
        html = _PROCESS_OPTIONS.get(key)
        if html is None:
            html = cache.get(key)
            if html is None:
                html = _options_html(self._options(), set())
                cache.set(key, html, CHOICES_SECONDS)
            if len(_PROCESS_OPTIONS) > 64:
                _PROCESS_OPTIONS.clear()
            _PROCESS_OPTIONS[key] = html
        return html


# Options rendered in this process, by cache key (which carries the model's version): a second request
# needs only the version from the cache.
_PROCESS_OPTIONS: dict[str, str] = {}


def _options_html(options, selected: set[str]) -> str:
    return "".join(
        f'<option value="{escape(str(option_value))}"{" selected" if str(option_value) in selected else ""}>'
        f"{escape(str(label))}</option>"
        for option_value, label in options
    )


def choices_version(model: str) -> str:
    """A random token per version, never a counter: after the cache is flushed or restarted a new token is
    drawn, so a process cannot mistake the options it rendered before for the current ones."""
    return cache.get_or_set(f"hrportal:choices-version:{model}", lambda: uuid.uuid4().hex, None)


def choices_changed(sender, **kwargs) -> None:
    """Signal receiver: a saved or deleted row makes the cached options of its model stale."""
    cache.set(f"hrportal:choices-version:{sender._meta.label_lower}", uuid.uuid4().hex, None)
