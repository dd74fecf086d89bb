"""Audit event types of careers."""

from django.utils.translation import gettext_lazy as _

from deployability.careers.models import ProjectLeaderAppointment, PromotionApplication, PromotionPost
from hrportal.audit.registry import EventType, register_events

register_events(
    EventType("deployability.careers.post_published", _("Statutory promotion post published"), model=PromotionPost),
    EventType("deployability.careers.applied", _("Application to a promotion post"), model=PromotionApplication),
    EventType(
        "deployability.careers.project_leader_appointed", _("Project leader appointed"), model=ProjectLeaderAppointment
    ),
)
