"""Audit event types of development trajectories and onboarding."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from leadership.development.models import Enrolment, OnboardingChecklist, Session

register_events(
    EventType("leadership.session.created", _("Development session planned"), model=Session),
    EventType("leadership.enrolment.requested", _("Enrolment requested"), model=Enrolment),
    EventType("leadership.enrolment.agreed", _("Enrolment agreed by the line manager"), model=Enrolment),
    EventType("leadership.enrolment.refused", _("Enrolment refused by the line manager"), model=Enrolment),
    EventType("leadership.enrolment.cancelled", _("Enrolment cancelled"), model=Enrolment),
    EventType("leadership.enrolment.attendance", _("Attendance recorded"), model=Enrolment),
    EventType("leadership.onboarding.started", _("Onboarding of a new leader started"), model=OnboardingChecklist),
    EventType("leadership.onboarding.ticked", _("Onboarding task updated"), model=OnboardingChecklist),
)
