"""Audit event types of leave."""

from django.utils.translation import gettext_lazy as _

from deployability.leave.models import LeaveRequest
from hrportal.audit.registry import EventType, register_events

register_events(
    EventType("deployability.leave.requested", _("Leave requested"), model=LeaveRequest),
    EventType("deployability.leave.approved", _("Leave approved"), model=LeaveRequest),
    EventType("deployability.leave.refused", _("Leave refused"), model=LeaveRequest),
    EventType("deployability.leave.withdrawn", _("Leave withdrawn"), model=LeaveRequest),
)
