"""A stored report result put into the reader's language, filtered and ready for a page or a file."""

from django.http import Http404

from hrportal.i18n_text import localize
from hrportal.reports.exports import table_to_csv, table_to_xlsx
from hrportal.reports.models import ReportRun
from hrportal.reports.registry import REGISTRY


def result_for_reader(run: ReportRun) -> dict:
    """The run's result with every message translated into the active language (data untouched)."""
    return localize(run.result or {})


def filter_options(result: dict) -> list[dict]:
    """For each filterable key: its label and the values present, newest/largest first."""
    labels = dict((key, label) for key, label in result.get("columns", []))
    options = []
    for key, default in (result.get("filters") or {}).items():
        values = sorted({row.get(key) for row in result.get("rows", []) if row.get(key) is not None}, reverse=True)
        options.append({"key": key, "label": labels.get(key, key), "values": values, "default": default})
    return options


def filtered_rows(result: dict, chosen: dict) -> tuple[list[dict], dict]:
    """The rows matching the chosen filter values (the defaults where none is chosen, "" for all)."""
    rows = result.get("rows", [])
    applied = {}
    for option in filter_options(result):
        value = chosen.get(option["key"], option["default"])
        if value in ("", None):
            continue
        applied[option["key"]] = str(value)
        rows = [row for row in rows if str(row.get(option["key"])) == str(value)]
    return rows, applied


FILE_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def report_file(run: ReportRun, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of a finished run, rendered now in the reader's language."""
    if fmt not in FILE_FORMATS or run.status != ReportRun.Status.DONE or not run.result:
        raise Http404
    result = result_for_reader(run)
    definition = REGISTRY.get(run.kind)
    title = str(definition.title) if definition else run.kind
    if fmt == "csv":
        content = table_to_csv(result["columns"], result["rows"])
    else:
        content = table_to_xlsx(result["columns"], result["rows"], title=title)
    return content, FILE_FORMATS[fmt], f"{run.kind}-{run.pk}.{fmt}"
