"""Autodiscovered at start-up: each part's events.py registers its audit event types."""

from reward.experience import events as experience_events  # noqa: F401
from reward.labourmarket import events as labourmarket_events  # noqa: F401
from reward.matrix import events as matrix_events  # noqa: F401
from reward.paygap import events as paygap_events  # noqa: F401
from reward.upgrade import events as upgrade_events  # noqa: F401
