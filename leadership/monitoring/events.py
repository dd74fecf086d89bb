"""Audit event types of gender monitoring."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from leadership.models import GenderTarget, SnapshotCount

register_events(
    EventType("leadership.snapshot.taken", _("Yearly monitoring snapshot taken"), model=SnapshotCount),
    EventType("leadership.gender_target.saved", _("Target share of women saved"), model=GenderTarget),
)
