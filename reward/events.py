"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from reward.labourmarket import events as labourmarket_events  # noqa: F401
from reward.paygap import events as paygap_events  # noqa: F401
