from celery import shared_task
from django.db import OperationalError

from hrportal.reports import services as reports


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def report_run_execute(run_id: int) -> None:
    reports.report_run_execute(run_id=run_id)


@shared_task
def report_run_scheduled(kind: str) -> int:
    """Beat entry: queue a run of `kind` on schedule, requested by nobody in particular."""
    return reports.report_run_request(kind=kind).pk
