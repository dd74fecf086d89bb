"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from deployability.leave import events as leave_events  # noqa: F401
