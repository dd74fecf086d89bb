"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from leadership.monitoring import tasks as monitoring_tasks  # noqa: F401
from leadership.topmanagement import tasks as topmanagement_tasks  # noqa: F401
