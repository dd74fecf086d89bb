import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrportal.settings")

# Every task derives from OutboxTask: a job recorded in the outbox runs once however often it is delivered.
app = Celery("hrportal", task_cls="hrportal.jobs.services:OutboxTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _refuse_without_broker(**_kwargs):
    # Without a broker Celery would silently try amqp://localhost; a worker has nothing to do then.
    from django.conf import settings

    if not settings.CELERY_BROKER_URL:
        raise RuntimeError("CELERY_BROKER_URL is not set: a worker needs the broker (Redis) to take jobs from.")
