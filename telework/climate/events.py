"""Audit event types of the innovation-climate survey."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from telework.climate.models import ClimateRound

register_events(EventType("telework.climate_round.created", _("Innovation-climate survey opened"), model=ClimateRound))
