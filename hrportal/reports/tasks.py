from celery import shared_task
from django.conf import settings
from django.db import OperationalError

from hrportal.reports import services as reports


# A run commits its progress as it goes (outbox_atomic=False); the run itself is claimed, so a second
# delivery of the same message cannot build it twice. While another worker holds a run that still shows
# signs of life, this delivery waits and looks again (it may have to take over a dead worker's run).
@shared_task(bind=True, outbox_atomic=False, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def report_run_execute(self, run_id: int) -> None:
    outcome = reports.report_run_execute(run_id=run_id)
    if outcome == reports.RunOutcome.BUSY_ELSEWHERE:
        raise self.retry(countdown=settings.REPORT_RUN_STALE_SECONDS, max_retries=30)


@shared_task
def report_run_scheduled(kind: str) -> int:
    """Beat entry: queue a run of `kind` on schedule, requested by nobody in particular."""
    return reports.report_run_request(kind=kind).pk
