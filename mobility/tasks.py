"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from mobility.international import tasks as international_tasks  # noqa: F401
from mobility.marketplace import tasks as marketplace_tasks  # noqa: F401
