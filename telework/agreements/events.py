"""Audit event types of the telework agreements (the events are written by services.py)."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from telework.agreements.models import TeleworkAgreement, TeleworkExplanation, Weekday


def weekday_names(days) -> str:
    labels = dict(Weekday.choices)
    return ", ".join(str(labels.get(day, day)) for day in days or []) or "—"


def _agreement(event) -> str:
    return _("Telework agreement #%(no)s") % {"no": event.target_id}


_AGREEMENT = {"model": TeleworkAgreement, "values": {"weekdays": weekday_names}, "record": _agreement}

register_events(
    EventType("telework.agreement.requested", _("Telework requested"), **_AGREEMENT),
    EventType("telework.agreement.approved", _("Telework request approved"), **_AGREEMENT),
    EventType("telework.agreement.refused", _("Telework request refused"), **_AGREEMENT),
    EventType("telework.agreement.withdrawn", _("Telework request withdrawn"), **_AGREEMENT),
    EventType("telework.agreement.ended", _("Telework agreement ended"), **_AGREEMENT),
    EventType("telework.agreement.superseded", _("Telework agreement replaced by a change"), **_AGREEMENT),
    EventType(
        "telework.explanation.recorded",
        _("Comply-or-explain statement recorded"),
        model=TeleworkExplanation,
        fields={"applies_telework": _("Applies telework")},
    ),
)
