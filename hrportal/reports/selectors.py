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
