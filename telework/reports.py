"""Autodiscovered at start-up: each part's reports.py registers its report definitions."""

from telework.agreements import reports as agreements_reports  # noqa: F401
from telework.climate import reports as climate_reports  # noqa: F401
from telework.pools import reports as pools_reports  # noqa: F401
