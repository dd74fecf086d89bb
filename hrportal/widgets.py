import contextlib
import hashlib
from html import escape

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class FastSelect(forms.Select):
    """A <select> whose options are built in plain Python: hundreds of entities render in about a
    millisecond, where the template-per-option rendering of forms.Select costs tens of milliseconds a page.

    With `label_field`, a model choice field's options are read as (pk, label) pairs from the database
    without building a model instance per option; with `cached`, those pairs are kept in the cache for a
    minute and dropped as soon as a row of the model is saved or deleted in this process (or, with the
    shared cache of production, in any process) — see `choices_changed`.
    """

    def __init__(self, attrs=None, choices=(), *, label_field: str | None = None, cached: bool = False):
        super().__init__(attrs, choices)
        self.label_field = label_field
        self.cached = cached

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(option_value))}"{" selected" if str(option_value) in selected else ""}>'
            f"{escape(str(label))}</option>"
            for option_value, label in self._options()
        )
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # every part is escaped above

    def _options(self):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None or self.label_field is None:
            yield from self.choices
            return
        if self.choices.field.empty_label is not None:
            yield "", self.choices.field.empty_label
        yield from self._pairs(queryset)

    def _pairs(self, queryset) -> list:
        if not self.cached:
            return list(queryset.values_list("pk", self.label_field))
        label = queryset.model._meta.label_lower
        version = cache.get_or_set(f"hrportal:choices-version:{label}", 1)
        sql = str(queryset.values_list("pk", self.label_field).query)
        key = f"hrportal:choices:{label}:{version}:{hashlib.sha256(sql.encode()).hexdigest()}"
        pairs = cache.get(key)
        if pairs is None:
            pairs = list(queryset.values_list("pk", self.label_field))
            cache.set(key, pairs, CHOICES_SECONDS)
        return pairs


CHOICES_SECONDS = 60


def choices_changed(sender, **kwargs) -> None:
    """Signal receiver: a saved or deleted row makes the cached options of its model stale."""
    key = f"hrportal:choices-version:{sender._meta.label_lower}"
    with contextlib.suppress(ValueError):  # not cached (yet): nothing stale
        cache.incr(key)
