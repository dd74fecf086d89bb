"""Autodiscovered at start-up: each part's reports.py registers its report definitions."""

from leadership.development import reports as development_reports  # noqa: F401
from leadership.monitoring import reports as monitoring_reports  # noqa: F401
from leadership.selection import reports as selection_reports  # noqa: F401
