"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from leadership.monitoring import events as monitoring_events  # noqa: F401
from leadership.topmanagement import events as topmanagement_events  # noqa: F401
