import logging

from celery import shared_task
from celery.signals import worker_ready

from hrportal.jobs import services as jobs
from hrportal.reports.services import report_runs_fail_stale


@shared_task(outbox_atomic=False, ignore_result=True, soft_time_limit=120, time_limit=150)
def outbox_relay() -> dict:
    """Beat entry and worker start: send the jobs the broker did not take."""
    return jobs.outbox_relay()


@shared_task(outbox_atomic=False, ignore_result=True, soft_time_limit=60, time_limit=90)
def stale_runs_fail() -> dict:
    """Beat entry: runs (reports, long jobs) whose worker stopped are marked failed with the reason."""
    return {"jobs": jobs.outbox_fail_stale(), "reports": report_runs_fail_stale()}


@shared_task(ignore_result=True)
def job_schedule(task_name: str, *args) -> str:
    """Beat entry for a long nightly job: recorded in the outbox, so that it is tracked (start, heartbeat,
    done or failed with a reason) and re-run from the admin like any other job."""
    return str(jobs.job_enqueue(task_name, *args).pk)


@worker_ready.connect
def _relay_on_start(**_kwargs):
    # Jobs recorded while the broker or every worker was down are sent as soon as a worker is back.
    try:
        jobs.outbox_relay()
    except Exception:  # the periodic relay tries again; a worker must start regardless
        logging.getLogger(__name__).exception("Outbox relay at worker start failed")
