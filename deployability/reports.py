"""Autodiscovered at start-up: each part's reports.py registers its report definitions."""

from deployability.evaluations import reports as evaluations_reports  # noqa: F401
from deployability.leave import reports as leave_reports  # noqa: F401
from deployability.redeployment import reports as redeployment_reports  # noqa: F401
from deployability.reintegration import reports as reintegration_reports  # noqa: F401
