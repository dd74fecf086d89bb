"""Audit event types of learning networks."""

from django.utils.translation import gettext_lazy as _

from deployability.networks.models import LearningNetwork, NetworkSession, SessionRegistration, SharedPractice
from hrportal.audit.registry import EventType, register_events

register_events(
    EventType("deployability.networks.created", _("Learning network created"), model=LearningNetwork),
    EventType("deployability.networks.session_planned", _("Network session planned"), model=NetworkSession),
    EventType("deployability.networks.joined", _("Joined a learning network"), model=LearningNetwork),
    EventType("deployability.networks.left", _("Left a learning network"), model=LearningNetwork),
    EventType("deployability.networks.registered", _("Registered for a network session"), model=SessionRegistration),
    EventType("deployability.networks.practice_shared", _("Practice shared in a network"), model=SharedPractice),
)
