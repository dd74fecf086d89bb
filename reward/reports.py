"""Autodiscovered at start-up: each part's reports.py registers its report definitions."""

from reward.paygap import reports as paygap_reports  # noqa: F401
from reward.upgrade import reports as upgrade_reports  # noqa: F401
