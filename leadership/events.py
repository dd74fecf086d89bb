"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from leadership.development import events as development_events  # noqa: F401
from leadership.mentoring import events as mentoring_events  # noqa: F401
from leadership.monitoring import events as monitoring_events  # noqa: F401
from leadership.potential import events as potential_events  # noqa: F401
from leadership.roles import events as roles_events  # noqa: F401
from leadership.selection import events as selection_events  # noqa: F401
from leadership.topmanagement import events as topmanagement_events  # noqa: F401
