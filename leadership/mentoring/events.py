"""Audit event types of wo-mentoring."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch

register_events(
    EventType("leadership.mentor.saved", _("Mentor registered"), model=Mentor),
    EventType("leadership.mentee.saved", _("Mentee registered"), model=Mentee),
    EventType("leadership.match.proposed", _("Mentoring match proposed"), model=MentoringMatch),
    EventType("leadership.match.accepted", _("Mentoring match accepted"), model=MentoringMatch),
    EventType("leadership.match.declined", _("Mentoring match declined"), model=MentoringMatch),
    EventType("leadership.match.meeting", _("Mentoring meeting recorded"), model=MentoringMatch),
    EventType("leadership.match.closed", _("Mentoring match closed"), model=MentoringMatch),
)
