"""Audit event types of the mobile pools."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from telework.pools.models import PoolAssignment, PoolMember, SupportRequest

register_events(
    EventType("telework.pool_member.saved", _("Pool member saved"), model=PoolMember),
    EventType("telework.pool_member.coordinator_relieved", _("Coordinating coach replaced"), model=PoolMember),
    EventType("telework.pool_request.created", _("Support requested from a mobile pool"), model=SupportRequest),
    EventType("telework.pool_request.assigned", _("Support request assigned"), model=SupportRequest),
    EventType("telework.pool_request.declined", _("Support request declined"), model=SupportRequest),
    EventType("telework.pool_request.cancelled", _("Support request cancelled"), model=SupportRequest),
    EventType("telework.pool_assignment.completed", _("Pool assignment completed"), model=PoolAssignment),
)
