"""Celery finds `<app>.tasks`: this module makes it find the core's jobs."""

from hrportal.jobs import tasks as jobs_tasks  # noqa: F401
from hrportal.reports import tasks as reports_tasks  # noqa: F401
