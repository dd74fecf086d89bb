"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from leadership.development import tasks as development_tasks  # noqa: F401
from leadership.mentoring import tasks as mentoring_tasks  # noqa: F401
from leadership.monitoring import tasks as monitoring_tasks  # noqa: F401
from leadership.potential import tasks as potential_tasks  # noqa: F401
from leadership.selection import tasks as selection_tasks  # noqa: F401
from leadership.topmanagement import tasks as topmanagement_tasks  # noqa: F401
