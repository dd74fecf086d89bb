"""What an audit event means, in words: each part's events.py registers its action codes.

    register_events(
        EventType("telework.agreement.refused", _("Telework request refused"), model=TeleworkAgreement,
                  values={"weekdays": weekday_names}),
    )

The trail then shows the decision in words, what changed as "field: before → after" with the model's
field labels and display values, and the rule values used with their labels from the parameter
catalogue. A code nobody registered still reads as words ("Agreement refused"), never as a dotted code.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext


@dataclass(frozen=True)
class EventType:
    action: str
    label: str | Promise
    model: type[models.Model] | None = None  # field labels and choice labels come from it
    fields: dict[str, str | Promise] = field(default_factory=dict)  # labels for keys that are not model fields
    values: dict[str, Callable] = field(default_factory=dict)  # key -> value -> display text
    record: Callable | None = None  # event -> how to name the record, in the reader's language


def record_label(event) -> str:
    """The record an event is about; target_repr was written in the actor's language, so a part may
    name its records itself (e.g. "Telework agreement #60")."""
    registered = EVENT_TYPES.get(event.action)
    if registered is not None and registered.record is not None:
        return str(registered.record(event))
    return event.target_repr


EVENT_TYPES: dict[str, EventType] = {}


def register_events(*event_types: EventType) -> None:
    for event_type in event_types:
        EVENT_TYPES[event_type.action] = event_type


def event_label(action: str) -> str:
    registered = EVENT_TYPES.get(action)
    if registered is not None:
        return str(registered.label)
    # Unknown code: its last two words, readable ("mobility.offer.paused" -> "Offer paused").
    words = [w.replace("_", " ") for w in action.split(".")[-2:] if w]
    text = " ".join(words) or action
    return text[:1].upper() + text[1:]


def action_choices() -> list[tuple[str, str]]:
    return sorted(((code, str(t.label)) for code, t in EVENT_TYPES.items()), key=lambda pair: pair[1].lower())


# --- describing values -------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def display_value(value, *, model_field=None, custom: Callable | None = None) -> str:
    """One stored value as a person reads it (choices by their label, dates in the locale's format)."""
    if custom is not None:
        return str(custom(value))
    if value is None or value == "" or value == []:
        return "—"
    if model_field is not None and model_field.choices:
        labels = {str(k): v for k, v in model_field.flatchoices}
        if isinstance(value, list):
            return ", ".join(str(labels.get(str(v), v)) for v in value)
        return str(labels.get(str(value), value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, str) and _ISO_DATE.match(value):
        parsed = parse_date(value)
        return formats.date_format(parsed, "SHORT_DATE_FORMAT") if parsed else value
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        parsed = parse_datetime(value)
        return formats.date_format(parsed, "SHORT_DATETIME_FORMAT") if parsed else value
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, float | int):
        return formats.number_format(value, use_l10n=True)
    if isinstance(value, list):
        return ", ".join(display_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_key_label(k)}: {display_value(v)}" for k, v in value.items())
    return str(value)


def _key_label(key: str) -> str:
    from hrportal.parameters.catalogue import CATALOGUE

    if key in CATALOGUE:
        return str(CATALOGUE[key].label)
    text = key.replace("_", " ").replace(".", " ")
    return text[:1].upper() + text[1:]


def _model_field(model, key: str):
    if model is None:
        return None
    try:
        field = model._meta.get_field(key)
    except Exception:  # not a field of the model: a key of the event only
        return None
    # A reverse relation (e.g. a request's "competencies") is no field of the row: show the event's value as is.
    return None if field.auto_created and not field.concrete else field


def field_label(event_type: EventType | None, model, key: str) -> str:
    if event_type is not None and key in event_type.fields:
        return str(event_type.fields[key])
    model_field = _model_field(model, key)
    if model_field is not None and getattr(model_field, "verbose_name", None):
        text = str(model_field.verbose_name)
        return text[:1].upper() + text[1:]
    return _key_label(key)


def describe_changes(*, action: str, model, before, after, related: dict | None = None) -> list[dict]:
    """[{"label": "Status", "before": "Aangevraagd", "after": "Geweigerd"}, …] for every key that changed
    (or every key, when there is no before)."""
    event_type = EVENT_TYPES.get(action)
    model = (event_type.model if event_type and event_type.model else None) or model
    before = before if isinstance(before, dict) else ({} if before is None else {"value": before})
    after = after if isinstance(after, dict) else ({} if after is None else {"value": after})
    rows = []
    for key in list(dict.fromkeys([*before.keys(), *after.keys()])):
        old, new = before.get(key), after.get(key)
        if key in before and key in after and old == new:
            continue
        model_field = _model_field(model, key)
        custom = event_type.values.get(key) if event_type else None
        rows.append(
            {
                "label": field_label(event_type, model, key),
                "before": _show(old, model_field, custom, related) if key in before else None,
                "after": _show(new, model_field, custom, related) if key in after else None,
            }
        )
    return rows


def _show(value, model_field, custom, related):
    if model_field is not None and model_field.is_relation and related is not None and value is not None:
        name = related.get((model_field.related_model, str(value)))
        if name is not None:
            return name
    return display_value(value, model_field=model_field, custom=custom)


def describe_parameters(parameters) -> list[dict]:
    """The rule values a decision used, each with its label and unit from the parameter catalogue."""
    from hrportal.parameters.catalogue import CATALOGUE

    if not isinstance(parameters, dict):
        return []
    rows = []
    for key, value in parameters.items():
        spec = CATALOGUE.get(key)
        if spec is not None:
            unit = str(spec.unit)
            shown = display_value(value)
            rows.append(
                {"label": str(spec.label), "value": f"{shown}{unit}" if unit == "%" else f"{shown} {unit}".strip()}
            )
        else:
            rows.append({"label": _key_label(key), "value": display_value(value)})
    return rows


def related_names(events) -> dict:
    """Names of the records that events' before/after refer to by id, in one query per model."""
    wanted: dict = {}
    for event in events:
        event_type = EVENT_TYPES.get(event.action)
        model = (event_type.model if event_type and event_type.model else None) or event.target_type.model_class()
        for data in (event.before, event.after):
            if not isinstance(data, dict):
                continue
            for key, value in data.items():
                model_field = _model_field(model, key)
                if (
                    model_field is not None
                    and model_field.is_relation
                    and value is not None
                    and not isinstance(value, list | dict)
                ):
                    wanted.setdefault(model_field.related_model, set()).add(str(value))
    names = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            names[(related_model, str(obj.pk))] = str(obj)
    return names
