"""How a service asks for a background job: `job_enqueue("<task name>", *args)`.

Services name the task instead of importing its module, so tasks (which call services) and services never
import each other. The job is sent once the surrounding transaction commits; a rolled-back write queues
nothing.
"""

from functools import partial

from django.db import transaction

from hrportal.celery import app


def job_enqueue(task_name: str, *args) -> None:
    """Queue the Celery task `task_name` with `args` (ids and plain values) after the transaction commits."""
    job_task(task_name)  # an unknown name fails now, inside the service, not later in a hook
    transaction.on_commit(partial(_send, task_name, args))


def job_task(task_name: str):
    """The registered Celery task called `task_name`; task modules are imported on first use."""
    if task_name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[task_name]


def _send(task_name: str, args: tuple) -> None:
    job_task(task_name).delay(*args)
