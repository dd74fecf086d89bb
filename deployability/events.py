"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from deployability.careers import events as careers_events  # noqa: F401
from deployability.evaluations import events as evaluations_events  # noqa: F401
from deployability.leave import events as leave_events  # noqa: F401
from deployability.networks import events as networks_events  # noqa: F401
from deployability.redeployment import events as redeployment_events  # noqa: F401
from deployability.reintegration import events as reintegration_events  # noqa: F401
