"""Audit event types of top management."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from hrportal.models import Staff
from leadership.models import AnnualEvaluation, Mandate, Registration, TopCandidate, TopSession, Vacancy

register_events(
    EventType("leadership.top_mandate.created", _("Top-management mandate recorded"), model=Mandate),
    EventType("leadership.top_mandate.evaluated", _("End-of-mandate evaluation recorded"), model=Mandate),
    EventType("leadership.top_mandate.renewed", _("Top-management mandate renewed"), model=Mandate),
    EventType("leadership.top_mandate.ended", _("Top-management mandate ended"), model=Mandate),
    EventType(
        "leadership.top_evaluation.recorded", _("Annual evaluation of a top official recorded"), model=AnnualEvaluation
    ),
    EventType("leadership.top_vacancy.created", _("Top-management vacancy opened"), model=Vacancy),
    EventType("leadership.top_vacancy.closed", _("Top-management vacancy closed"), model=Vacancy),
    EventType("leadership.top_candidate.saved", _("Candidate in a top-management selection saved"), model=TopCandidate),
    EventType("leadership.top_session.created", _("Intervision, network or panel session planned"), model=TopSession),
    EventType("leadership.top_registration.created", _("Registered for a session"), model=Registration),
    EventType("leadership.top_registration.cancelled", _("Registration for a session cancelled"), model=Registration),
    EventType("leadership.top_session.cancelled", _("Session cancelled by central HR"), model=TopSession),
    EventType("leadership.top_session.attendance", _("Attendance of a session recorded"), model=TopSession),
    EventType("leadership.top_mailing.unsubscribed", _("Taken off the mailing list"), model=Staff),
)
