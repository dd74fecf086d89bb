"""Audit event types of potential detection."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from leadership.potential.models import Assessment

register_events(
    EventType("leadership.assessment.recorded", _("Potential assessment recorded"), model=Assessment),
)
