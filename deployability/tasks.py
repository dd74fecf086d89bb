"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""

from deployability.careers import tasks as careers_tasks  # noqa: F401
from deployability.evaluations import tasks as evaluations_tasks  # noqa: F401
from deployability.leave import tasks as leave_tasks  # noqa: F401
from deployability.networks import tasks as networks_tasks  # noqa: F401
from deployability.redeployment import tasks as redeployment_tasks  # noqa: F401
from deployability.reintegration import tasks as reintegration_tasks  # noqa: F401
