"""Audit event types of recognised experience, and the functions that write them."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from hrportal.audit.services import audit_record
from reward.experience.models import ExperienceRequest

register_events(
    EventType("reward.experience.requested", _("Recognition of experience asked"), model=ExperienceRequest),
    EventType("reward.experience.withdrawn", _("Experience request withdrawn"), model=ExperienceRequest),
    EventType("reward.experience.judged", _("Relevance of experience judged"), model=ExperienceRequest),
    EventType("reward.experience.decided", _("Recognised experience decided"), model=ExperienceRequest),
    EventType("reward.experience.revised", _("Decision on recognised experience revised"), model=ExperienceRequest),
)


def request_event(*, request, action: str, actor, before=None, after=None, parameters=None, note="") -> None:
    audit_record(
        actor=actor,
        action=f"reward.experience.{action}",
        target=request,
        staff=request.staff,
        before=before,
        after=after,
        parameters=parameters,
        note=note,
    )
