"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from reward.paygap import tasks as paygap_tasks  # noqa: F401
from reward.upgrade import tasks as upgrade_tasks  # noqa: F401
