"""Autodiscovered at start-up: each part's reports.py registers its report definitions."""

from reward.paygap import reports as paygap_reports  # noqa: F401
