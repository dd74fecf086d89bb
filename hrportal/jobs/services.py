"""The transactional outbox: record a job with the write that implies it, send it after the commit, send
again what the broker did not take, and run each message once.

Why an outbox of our own rather than a library: the one Django/Celery outbox package on PyPI
(django-celery-outbox) is young and little used, and the mechanism is small — a table, an on-commit send,
a relay and a consumer check — and works the same on PostgreSQL and on the embedded SQLite.
"""

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import partial

from celery import Task
from celery.exceptions import Retry
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from hrportal.celery import app
from hrportal.jobs.models import OutboxMessage

logger = logging.getLogger(__name__)

# The relay leaves a fresh message to the on-commit send of its own request.
RELAY_GRACE = timedelta(seconds=10)
# After this many failed sends the message is marked failed (visible in the admin, which can send it again).
MAX_SEND_ATTEMPTS = 50
HEARTBEAT_SECONDS = 30


def job_task(task_name: str):
    """The registered Celery task called `task_name`; task modules are imported on first use."""
    if task_name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[task_name]


def job_enqueue(task_name: str, *args) -> OutboxMessage:
    """Record the job `task_name(*args)` in the caller's transaction; it is sent once that commits."""
    job_task(task_name)  # an unknown name fails now, inside the service, not later in a hook
    message = OutboxMessage.objects.create(task_name=task_name, args=list(args))
    transaction.on_commit(partial(outbox_send, message_id=message.pk))
    return message


def outbox_send(*, message_id) -> bool:
    """Hand one recorded message to Celery (or run it here in eager mode). Never raises: a write that
    committed has succeeded; what could not be sent stays in the outbox for the relay."""
    message = OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True, failed_at__isnull=True).first()
    if message is None:
        return False
    OutboxMessage.objects.filter(pk=message_id).update(send_attempts=F("send_attempts") + 1)
    try:
        job_task(message.task_name).apply_async(args=message.args, task_id=str(message.pk))
    except Exception as exc:  # broker down, or an eager job that failed: the relay tries again later
        logger.warning("Job %s %s not delivered now (%s); the outbox relay will retry", message.pk, message, exc)
        OutboxMessage.objects.filter(pk=message_id).update(error=f"{exc.__class__.__name__}: {exc}"[:2000])
        return False
    OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).update(sent_at=timezone.now())
    return True


def outbox_relay(*, limit: int = 500) -> dict:
    """Send again what is waiting: never sent (broker was down), or sent long ago and never started or
    finished (the broker lost it). A message delivered twice runs once (OutboxTask)."""
    now = timezone.now()
    lost_after = timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT + 60)
    waiting = OutboxMessage.objects.filter(done_at__isnull=True, failed_at__isnull=True).filter(
        Q(sent_at__isnull=True, created_at__lt=now - RELAY_GRACE)
        | Q(sent_at__lt=now - lost_after, started_at__isnull=True)
    )
    ids = list(waiting.order_by("created_at").values_list("pk", flat=True)[:limit])
    sent = failed = 0
    for message_id in ids:
        if outbox_send(message_id=message_id):
            sent += 1
            continue
        failed += 1
        OutboxMessage.objects.filter(pk=message_id, send_attempts__gte=MAX_SEND_ATTEMPTS).update(failed_at=now)
        if failed >= 3 and not sent:
            break  # the broker is still down: the next round tries again
    return {"waiting": len(ids), "sent": sent, "not_sent": failed}


def outbox_resend(*, message_id) -> OutboxMessage:
    """Run a failed or stale job again (the admin's action): a new message with the same task and arguments."""
    old = OutboxMessage.objects.get(pk=message_id)
    with transaction.atomic():
        return job_enqueue(old.task_name, *old.args)


def outbox_fail_stale() -> int:
    """Mark failed, with the reason, the long jobs that started but have given no sign of life for
    REPORT_RUN_FAIL_SECONDS (their worker was killed); a redelivery then finds them failed and stops."""
    cutoff = timezone.now() - timedelta(seconds=settings.REPORT_RUN_FAIL_SECONDS)
    return OutboxMessage.objects.filter(
        started_at__isnull=False, done_at__isnull=True, failed_at__isnull=True, heartbeat_at__lt=cutoff
    ).update(failed_at=timezone.now(), error="The worker running this job stopped giving signs of life.")


@contextlib.contextmanager
def heartbeat(beat: Callable[[], None], *, every: int = HEARTBEAT_SECONDS) -> Iterator[None]:
    """Call `beat()` every `every` seconds from a thread while the block runs, so that a run which is
    alive is not mistaken for one whose worker died. Inside a transaction (eager jobs, tests) the
    thread's own connection could not see the rows nor write them without waiting, so nothing runs."""
    if connection.in_atomic_block:
        yield
        return
    stop = threading.Event()

    def loop():
        try:
            while not stop.wait(every):
                try:
                    beat()
                except Exception:  # a missed heartbeat is not worth stopping the job for
                    logger.exception("Heartbeat failed")
        finally:
            connection.close()

    thread = threading.Thread(target=loop, name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


class OutboxTask(Task):
    """Base class of every task: a message from the outbox runs once, whatever the number of deliveries.

    Short jobs (e-mail, one matching refresh) run inside one transaction with their outbox row locked
    and marked done in it: a second delivery waits for the lock and finds the row done. Long jobs
    (`outbox_atomic = False`: reports, nightly runs) must commit as they go; they record their start and a
    heartbeat on the row, and are idempotent themselves (a report run is claimed, rematching recomputes).
    A task sent without an outbox row (beat, a test's send_task) simply runs.
    """

    outbox_atomic = True

    def __call__(self, *args, **kwargs):
        message_id = self.request.id
        if not message_id or not self._is_outbox_id(message_id):
            return self.run(*args, **kwargs)
        if self.outbox_atomic:
            return self._call_atomic(message_id, args, kwargs)
        return self._call_long(message_id, args, kwargs)

    @staticmethod
    def _is_outbox_id(message_id: str) -> bool:
        return OutboxMessage.objects.filter(pk=message_id).exists() if _is_uuid(message_id) else False

    def _call_atomic(self, message_id, args, kwargs):
        try:
            with transaction.atomic():
                message = OutboxMessage.objects.select_for_update().get(pk=message_id)
                if message.done_at or message.failed_at:
                    logger.info("Job %s %s already %s: delivery ignored", message_id, message, message.state)
                    return None
                now = timezone.now()
                result = self.run(*args, **kwargs)
                OutboxMessage.objects.filter(pk=message_id).update(
                    started_at=now, heartbeat_at=now, done_at=timezone.now(), run_attempts=F("run_attempts") + 1
                )
                return result
        except Retry:
            raise
        except Exception as exc:
            _record_failure(message_id, exc)
            raise

    def _call_long(self, message_id, args, kwargs):
        now = timezone.now()
        stale = now - timedelta(seconds=settings.REPORT_RUN_STALE_SECONDS)
        claimed = (
            OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True, failed_at__isnull=True)
            .filter(Q(started_at__isnull=True) | Q(heartbeat_at__lt=stale))
            .update(started_at=now, heartbeat_at=now, run_attempts=F("run_attempts") + 1)
        )
        if not claimed:
            logger.info("Job %s is done, failed or running elsewhere: delivery ignored", message_id)
            return None

        def beat():
            OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(heartbeat_at=timezone.now())

        try:
            with heartbeat(beat):
                result = self.run(*args, **kwargs)
        except Retry:
            # The retry carries the same id: let it claim the message again at once.
            OutboxMessage.objects.filter(pk=message_id).update(started_at=None, heartbeat_at=None)
            raise
        except Exception as exc:
            _record_failure(message_id, exc)
            raise
        OutboxMessage.objects.filter(pk=message_id).update(done_at=timezone.now(), heartbeat_at=timezone.now())
        return result


def _record_failure(message_id, exc: Exception) -> None:
    """A job that raised (and is not retried) is failed with its error: the admin shows it and can resend it."""
    OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(
        failed_at=timezone.now(), error=f"{exc.__class__.__name__}: {exc}"[:2000]
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
