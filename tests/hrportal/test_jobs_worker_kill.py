"""Issue 14 §2: a worker killed with SIGKILL in the middle of a report. The run is taken over once the
broker redelivers it (visibility timeout) and finishes exactly once; nothing stays "running" for ever."""

import pytest
import redis

from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_request
from tests.hrportal import slow_report
from tests.workers import Worker, celery_broker, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]

# Short enough for a test: redelivered 4 s after the kill, taken over once 3 s pass without a heartbeat.
FAST = {
    "CELERY_VISIBILITY_TIMEOUT": "4",
    "CELERY_UNACKED_RESTORE_SECONDS": "1",
    "REPORT_RUN_STALE_SECONDS": "3",
}


def test_a_report_whose_worker_is_killed_is_taken_over_and_finishes_once(own_redis, settings, central_hr):
    settings.CELERY_BROKER_URL = own_redis.url(0)
    settings.REPORT_RUN_STALE_SECONDS = 3
    include = [slow_report.__name__]
    first = Worker(own_redis.url(0), extra_env=FAST, include=include).start()
    second = None
    try:
        with celery_broker(own_redis.url(0)):
            run = report_run_request(kind="test_slow", requested_by=central_hr)
            # twenty more clicks while it is queued or running reuse it
            again = [report_run_request(kind="test_slow", requested_by=central_hr).pk for _ in range(20)]
        assert set(again) == {run.pk}

        def running_a_while():
            run.refresh_from_db()
            return run.status == ReportRun.Status.RUNNING and run.progress >= 20

        assert wait_for(running_a_while, seconds=60), (run.status, run.progress, run.error)
        first.kill()
        killed_at = run.progress
        assert run.attempts == 1

        second = Worker(own_redis.url(0), extra_env=FAST, include=include).start()

        def finished():
            run.refresh_from_db()
            return run.status in (ReportRun.Status.DONE, ReportRun.Status.FAILED)

        assert wait_for(finished, seconds=90), (run.status, run.progress)
        assert run.status == ReportRun.Status.DONE, run.error
        assert run.attempts == 2  # started once, taken over once: built to the end by the second worker only
        assert run.result["rows"] == [{"attempt": 2}]
        assert run.progress == 100 and killed_at < 100
        assert ReportRun.objects.filter(kind="test_slow").count() == 1
        broker = redis.Redis.from_url(own_redis.url(0))
        assert wait_for(lambda: broker.llen("celery") == 0 and broker.hlen("unacked") == 0, seconds=20)
        run.refresh_from_db()
        assert run.attempts == 2  # no third build
    finally:
        first.stop()
        if second is not None:
            second.stop()
