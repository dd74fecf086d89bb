import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hrportal.jobs import job_enqueue
from hrportal.reports.models import ReportRun
from hrportal.reports.registry import REGISTRY, definition_get

logger = logging.getLogger(__name__)


@transaction.atomic
def report_run_request(*, kind: str, requested_by=None, parameters: dict | None = None) -> ReportRun:
    """Queue a report run; the worker picks it up once this transaction commits."""
    if kind not in REGISTRY:
        raise ValidationError({"kind": _("Unknown report.")})
    if requested_by is not None and not definition_get(kind).visible_to(requested_by):
        raise PermissionDenied
    run = ReportRun.objects.create(
        kind=kind,
        requested_by=requested_by,
        parameters={"language": translation.get_language() or "nl", **(parameters or {})},
    )
    job_enqueue("hrportal.reports.tasks.report_run_execute", run.pk)
    return run


def _progress_setter(run_id: int):
    def progress(percent: int) -> None:
        ReportRun.objects.filter(pk=run_id).update(progress=max(0, min(100, int(percent))))

    return progress


def report_run_execute(*, run_id: int) -> None:
    """Build a queued run. Re-running is harmless: only a queued run is claimed."""
    claimed = ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.QUEUED).update(
        status=ReportRun.Status.RUNNING, started_at=timezone.now(), progress=1
    )
    if not claimed:
        return
    run = ReportRun.objects.get(pk=run_id)
    definition = definition_get(run.kind)
    try:
        # The result holds data and msgids (hrportal.reports.registry): the page and the CSV/XLSX are
        # rendered from it in the reader's language, so no file is built here.
        with translation.override(run.parameters.get("language", "nl")):
            result = definition.build(run=run, progress=_progress_setter(run_id))
            data = result.as_json()
    except Exception as exc:  # a report that fails must say so on its page, not stay "running"
        logger.exception("Report run %s failed", run_id)
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.FAILED, finished_at=timezone.now(), error=str(exc)[:2000]
        )
        return
    ReportRun.objects.filter(pk=run_id).update(
        status=ReportRun.Status.DONE,
        progress=100,
        finished_at=timezone.now(),
        result=data,
    )
