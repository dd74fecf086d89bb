"""Audit event types of middle-management selection and probation."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from leadership.selection.models import Candidate, Probation, Selection

register_events(
    EventType("leadership.selection.created", _("Middle-management selection opened"), model=Selection),
    EventType("leadership.candidate.recorded", _("Selection candidate recorded"), model=Candidate),
    EventType("leadership.candidate.appointed", _("Leader appointed on probation"), model=Probation),
    EventType("leadership.probation.evaluated", _("Probation evaluated"), model=Probation),
)
