"""Audit event types of re-integration (never with medical details)."""

from django.utils.translation import gettext_lazy as _

from deployability.reintegration.models import ReintegrationCase
from hrportal.audit.registry import EventType, register_events

register_events(
    EventType("deployability.reintegration.opened", _("Re-integration case opened"), model=ReintegrationCase),
    EventType("deployability.reintegration.notes_saved", _("Re-integration notes saved"), model=ReintegrationCase),
    EventType(
        "deployability.reintegration.team_member_added", _("Social-medical team member added"), model=ReintegrationCase
    ),
    EventType("deployability.reintegration.step_added", _("Re-integration step recorded"), model=ReintegrationCase),
    EventType("deployability.reintegration.closed", _("Re-integration case closed"), model=ReintegrationCase),
)
