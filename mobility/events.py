"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from mobility.international import events as international_events  # noqa: F401
from mobility.marketplace import events as marketplace_events  # noqa: F401
