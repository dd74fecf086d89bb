"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from deployability.evaluations import events as evaluations_events  # noqa: F401
from deployability.redeployment import events as redeployment_events  # noqa: F401
