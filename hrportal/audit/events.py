"""The core's own audit events (the parts register theirs in their events.py)."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from hrportal.models import Competency, Staff, StaffLanguage


def _languages(rows) -> str:
    languages, levels = dict(StaffLanguage.Language.choices), dict(StaffLanguage.Proficiency.choices)
    return ", ".join(f"{languages.get(code, code)} ({levels.get(level, level)})" for code, level in rows or []) or "—"


def _competencies(rows) -> str:
    # The dictionary is small and rarely changes: one read a minute instead of one per event shown.
    names = cache.get_or_set("audit:competency-names", lambda: dict(Competency.objects.values_list("pk", "name")), 60)
    return ", ".join(f"{names.get(pk, pk)} ({level})" for pk, level in rows or []) or "—"


def _parameter_name(event) -> str:
    from hrportal.parameters.catalogue import CATALOGUE

    key = event.target_repr.split(" = ")[0]
    return str(CATALOGUE[key].label) if key in CATALOGUE else key


register_events(
    EventType(
        "staff.profile_updated",
        _("Competencies and languages changed"),
        model=Staff,
        fields={"languages": _("Languages"), "competencies": _("Competencies")},
        values={"languages": _languages, "competencies": _competencies},
    ),
    EventType("parameter.set", _("Policy parameter value recorded"), record=_parameter_name),
)
