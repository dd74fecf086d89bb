"""Status-report machinery shared by every app.

An app describes a report with `ReportDefinition` and registers it in its `reports.py` module (found at
start-up by autodiscovery). Running, progress, storing files and downloads are handled here.
"""

from .registry import REGISTRY, ReportDefinition, ReportResult, definition_get, register

__all__ = ["REGISTRY", "ReportDefinition", "ReportResult", "definition_get", "register"]
