"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from deployability.evaluations import tasks as evaluations_tasks  # noqa: F401
from deployability.redeployment import tasks as redeployment_tasks  # noqa: F401
