from django.db.models import QuerySet
from django.http import Http404

from hrportal.reports.models import ReportRun
from hrportal.reports.registry import REGISTRY


def report_definitions_for(user) -> list:
    return [d for d in REGISTRY.values() if d.visible_to(user)]


def report_runs_visible_to(user) -> QuerySet[ReportRun]:
    kinds = [d.kind for d in report_definitions_for(user)]
    return ReportRun.objects.filter(kind__in=kinds).defer("csv_file", "xlsx_file", "result")


def report_run_get_visible(*, user, run_id, with_files: bool = False) -> ReportRun:
    kinds = [d.kind for d in report_definitions_for(user)]
    runs = ReportRun.objects.filter(kind__in=kinds)
    if not with_files:
        runs = runs.defer("csv_file", "xlsx_file")
    try:
        return runs.get(pk=run_id)
    except (ReportRun.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


REPORT_FILE_FORMATS = {
    "csv": ("csv_file", "text/csv; charset=utf-8"),
    "xlsx": ("xlsx_file", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def report_run_file(*, user, run_id, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of a finished run's file; 404 when unknown, unfinished or out of scope."""
    if fmt not in REPORT_FILE_FORMATS:
        raise Http404
    run = report_run_get_visible(user=user, run_id=run_id, with_files=True)
    field, content_type = REPORT_FILE_FORMATS[fmt]
    content = getattr(run, field)
    if run.status != ReportRun.Status.DONE or content is None:
        raise Http404
    return bytes(content), content_type, f"{run.kind}-{run.pk}.{fmt}"
