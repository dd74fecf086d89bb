"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from telework.agreements import tasks as agreements_tasks  # noqa: F401
from telework.pools import tasks as pools_tasks  # noqa: F401
