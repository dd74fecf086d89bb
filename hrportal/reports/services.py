import enum
import hashlib
import json
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from hrportal.jobs import heartbeat, job_enqueue
from hrportal.reports.models import ReportRun
from hrportal.reports.registry import REGISTRY, definition_get

logger = logging.getLogger(__name__)

# Stored in English and translated when shown: the run page may be read in another language than the worker's.
STALE_REASON = gettext_noop("The worker building this report stopped (no sign of life). Run it again.")


class RunOutcome(enum.Enum):
    DONE = "done"
    FAILED = "failed"
    NOTHING_TO_DO = "nothing to do"  # done, failed, or never queued: a duplicate delivery
    BUSY_ELSEWHERE = "busy elsewhere"  # another worker holds it and shows signs of life


def _request_key(kind: str, parameters: dict) -> str:
    return hashlib.sha256(json.dumps([kind, parameters], sort_keys=True, default=str).encode()).hexdigest()


@transaction.atomic
def report_run_request(*, kind: str, requested_by=None, parameters: dict | None = None) -> ReportRun:
    """Queue a report run, or return the identical one already queued or running (same report, same
    parameters and language): twenty clicks make one run. The worker picks it up once this commits."""
    if kind not in REGISTRY:
        raise ValidationError({"kind": _("Unknown report.")})
    if requested_by is not None and not definition_get(kind).visible_to(requested_by):
        raise PermissionDenied
    parameters = {"language": translation.get_language() or "nl", **(parameters or {})}
    key = _request_key(kind, parameters)
    existing = _pending_with_key(key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # the partial unique constraint settles two requests at the same instant
            run = ReportRun.objects.create(kind=kind, requested_by=requested_by, parameters=parameters, request_key=key)
    except IntegrityError:
        existing = _pending_with_key(key)
        if existing is None:
            raise
        return existing
    job_enqueue("hrportal.reports.tasks.report_run_execute", run.pk)
    return run


def _pending_with_key(key: str) -> ReportRun | None:
    return (
        ReportRun.objects.filter(request_key=key, status__in=ReportRun.PENDING)
        .defer("csv_file", "xlsx_file", "result")
        .first()
    )


def report_run_rerun(*, run_id: int, requested_by) -> ReportRun:
    """Run a failed report again, with the same parameters: a new run, the failed one stays as it was."""
    run = ReportRun.objects.defer("csv_file", "xlsx_file", "result").get(pk=run_id)
    if run.status != ReportRun.Status.FAILED:
        raise ValidationError(_("Only a failed report can be run again."))
    parameters = {k: v for k, v in run.parameters.items() if k != "language"}
    with translation.override(run.parameters.get("language") or translation.get_language()):
        return report_run_request(kind=run.kind, requested_by=requested_by, parameters=parameters)


def _progress_setter(run_id: int, claim: uuid.UUID):
    def progress(percent: int) -> None:
        ReportRun.objects.filter(pk=run_id, claim=claim).update(
            progress=max(0, min(100, int(percent))), heartbeat_at=timezone.now()
        )

    return progress


def _claim(run_id: int) -> tuple[uuid.UUID | None, RunOutcome | None]:
    """Take the run: a queued one, or a running one whose worker has given no sign of life for
    REPORT_RUN_STALE_SECONDS (killed mid-run, message redelivered). Each claim gets a new token, and only
    the holder of the current token may write progress or the result: a run finishes exactly once."""
    now = timezone.now()
    claim = uuid.uuid4()
    fresh = {"status": ReportRun.Status.RUNNING, "claim": claim, "heartbeat_at": now, "progress": 1}
    if ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.QUEUED).update(
        **fresh, started_at=now, attempts=F("attempts") + 1
    ):
        return claim, None
    stale = now - timedelta(seconds=settings.REPORT_RUN_STALE_SECONDS)
    if ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.RUNNING, heartbeat_at__lt=stale).update(
        **fresh, attempts=F("attempts") + 1
    ):
        logger.warning("Report run %s taken over from a worker that stopped; building it again", run_id)
        return claim, None
    busy = ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.RUNNING).exists()
    return None, RunOutcome.BUSY_ELSEWHERE if busy else RunOutcome.NOTHING_TO_DO


def report_run_execute(*, run_id: int) -> RunOutcome:
    """Build a queued run (or take over a dead worker's). A duplicate delivery changes nothing."""
    claim, outcome = _claim(run_id)
    if claim is None:
        return outcome
    run = ReportRun.objects.get(pk=run_id)
    definition = definition_get(run.kind)
    mine = ReportRun.objects.filter(pk=run_id, claim=claim, status=ReportRun.Status.RUNNING)

    def beat():
        mine.update(heartbeat_at=timezone.now())

    try:
        # The result holds data and msgids (hrportal.reports.registry): the page and the CSV/XLSX are
        # rendered from it in the reader's language, so no file is built here.
        with heartbeat(beat), translation.override(run.parameters.get("language", "nl")):
            result = definition.build(run=run, progress=_progress_setter(run_id, claim))
            data = result.as_json()
    except Exception as exc:  # a report that fails must say so on its page, not stay "running"
        logger.exception("Report run %s failed", run_id)
        mine.update(status=ReportRun.Status.FAILED, finished_at=timezone.now(), error=str(exc)[:2000])
        return RunOutcome.FAILED
    finished = mine.update(
        status=ReportRun.Status.DONE,
        progress=100,
        finished_at=timezone.now(),
        result=data,
    )
    return RunOutcome.DONE if finished else RunOutcome.NOTHING_TO_DO


def report_runs_fail_stale() -> int:
    """Runs whose worker has given no sign of life for REPORT_RUN_FAIL_SECONDS are failed, with the reason;
    a queued run whose message never came (beyond the relay's reach) likewise. Their page offers a re-run."""
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.REPORT_RUN_FAIL_SECONDS)
    running = ReportRun.objects.filter(status=ReportRun.Status.RUNNING, heartbeat_at__lt=cutoff).update(
        status=ReportRun.Status.FAILED, finished_at=now, error=STALE_REASON, claim=None
    )
    return running
