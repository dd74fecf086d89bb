"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from reward.upgrade import tasks as upgrade_tasks  # noqa: F401
