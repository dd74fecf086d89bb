import csv
import io

import pytest
from openpyxl import load_workbook

from hrportal.models import PortfolioAction
from hrportal.models.portfolio import Objective
from hrportal.reports.exports import safe_cell, table_to_csv
from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute, report_run_request

pytestmark = pytest.mark.django_db


def test_portfolio_report_runs_eagerly_and_keeps_csv_and_xlsx(central_hr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE
    assert run.progress == 100
    rows = list(csv.reader(io.StringIO(bytes(run.csv_file).decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 5  # header and one row per objective
    total_in_csv = sum(int(r[1]) for r in rows[1:])
    assert total_in_csv == PortfolioAction.objects.count() > 0
    sheet = load_workbook(io.BytesIO(bytes(run.xlsx_file))).active
    assert sheet.max_row == 6
    assert sum(sheet.cell(row=r, column=2).value for r in range(2, 7)) == total_in_csv


def test_report_counts_match_the_portfolio_per_objective(central_hr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    run.refresh_from_db()
    actions = PortfolioAction.objects
    assert [r["total"] for r in run.result["rows"]] == [actions.filter(objective=o).count() for o in Objective]
    assert [r["done"] for r in run.result["rows"]] == [
        actions.filter(objective=o, status="done").count() for o in Objective
    ]
    assert run.result["charts"][0]["categories"][0] == "Personeelsmobiliteit"  # Dutch by default


def test_rerunning_a_finished_run_changes_nothing(central_hr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    run.refresh_from_db()
    finished_at = run.finished_at
    report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.finished_at == finished_at


def test_failing_report_is_marked_failed_with_its_error(central_hr, monkeypatch, django_capture_on_commit_callbacks):
    from hrportal.reports.registry import REGISTRY

    definition = REGISTRY["portfolio_progress"]

    def broken(*, run, progress):
        raise RuntimeError("source unavailable")

    monkeypatch.setitem(
        REGISTRY,
        "portfolio_progress",
        type(definition)(
            kind=definition.kind,
            title=definition.title,
            description=definition.description,
            build=broken,
            audience=definition.audience,
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert "source unavailable" in run.error


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x"])
def test_exports_neutralise_formulas(value):
    assert safe_cell(value).startswith("'")
    content = table_to_csv([("a", "A")], [{"a": value}]).decode("utf-8-sig")
    assert f"'{value}" in content


def test_exports_keep_numbers_as_numbers():
    assert safe_cell(-5) == -5
