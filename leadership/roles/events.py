"""Audit event types of the role profiles."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from leadership.roles.models import ProfileRequirement

register_events(
    EventType("leadership.profile.changed", _("Leadership role profile changed"), model=ProfileRequirement),
)
