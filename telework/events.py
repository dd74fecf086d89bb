"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from telework.agreements import events as agreements_events  # noqa: F401
from telework.climate import events as climate_events  # noqa: F401
from telework.pools import events as pools_events  # noqa: F401
