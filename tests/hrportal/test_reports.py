import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from hrportal.i18n_text import localize
from hrportal.models import PortfolioAction
from hrportal.models.portfolio import Objective
from hrportal.reports.exports import safe_cell, table_to_csv
from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute, report_run_request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_portfolio_report_runs_eagerly_and_downloads_as_csv_and_xlsx(central_hr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE
    assert run.progress == 100
    client = Client()
    client.force_login(central_hr)
    csv_file = client.get(f"/reports/{run.pk}/download.csv").content
    rows = list(csv.reader(io.StringIO(csv_file.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 5  # header and one row per objective
    total_in_csv = sum(int(r[1]) for r in rows[1:])
    assert total_in_csv == PortfolioAction.objects.count() > 0
    sheet = load_workbook(io.BytesIO(client.get(f"/reports/{run.pk}/download.xlsx").content)).active
    assert (
        sheet.title == "Rapport" and sheet.cell(row=1, column=1).value == "Voortgang van het portfolio per doelstelling"
    )
    assert sheet.max_row == 1 + 1 + 5  # title, header, one row per objective
    assert sum(sheet.cell(row=r, column=2).value for r in range(3, 8)) == total_in_csv


def test_report_counts_match_the_portfolio_per_objective(central_hr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    run.refresh_from_db()
    actions = PortfolioAction.objects
    assert [r["total"] for r in run.result["rows"]] == [actions.filter(objective=o).count() for o in Objective]
    assert [r["done"] for r in run.result["rows"]] == [
        actions.filter(objective=o, status="done").count() for o in Objective
    ]
    # stored as a message, shown in the reader's language
    assert run.result["charts"][0]["categories"][0] == {"msgid": "Staff mobility"}
    assert localize(run.result)["charts"][0]["categories"][0] == "Personeelsmobiliteit"


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


def test_a_report_run_in_english_reads_in_dutch_for_a_dutch_reader(central_hr, django_capture_on_commit_callbacks):
    # given: run by someone whose portal is in English
    english = Client()
    english.force_login(central_hr)
    english.post("/i18n/setlang/", {"language": "en", "next": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        english.post("/reports/", {"kind": "portfolio_progress"})
    run = ReportRun.objects.get(kind="portfolio_progress")
    # when: a Dutch reader opens it (a cookie only; no account choice)
    dutch = Client()
    dutch.force_login(UserFactory(username="reader", central=True))
    page = dutch.get(f"/reports/{run.pk}/").content.decode()
    # then: titles, series, column labels and statuses in Dutch, none of the English ones
    assert "Personeelsmobiliteit" in page and "In voorbereiding" in page and "Doelstelling" in page
    assert "Staff mobility" not in page and "In preparation" not in page and "Objective" not in page
    csv_text = dutch.get(f"/reports/{run.pk}/download.csv").content.decode("utf-8-sig")
    assert csv_text.startswith("Doelstelling;") and "Personeelsmobiliteit" in csv_text
    # and the English reader still reads English
    assert "Staff mobility" in english.get(f"/reports/{run.pk}/").content.decode()


def test_csv_numbers_use_the_readers_decimal_separator():
    from django.utils import translation

    with translation.override("nl"):
        dutch = table_to_csv([("share", "Aandeel")], [{"share": 17.4}]).decode("utf-8-sig")
    with translation.override("en"):
        english = table_to_csv([("share", "Share")], [{"share": 17.4}]).decode("utf-8-sig")
    assert dutch.splitlines()[1] == "17,4" and english.splitlines()[1] == "17.4"


def test_report_table_opens_at_the_latest_year_and_pages(central_hr, django_capture_on_commit_callbacks):
    from hrportal.reports.rendering import filtered_rows

    result = {
        "columns": [["year", "Jaar"], ["n", "N"]],
        "rows": [{"year": 2025, "n": 1}] * 3 + [{"year": 2026, "n": 2}] * 2,
        "filters": {"year": 2026},
    }
    assert len(filtered_rows(result, {})[0]) == 2
    assert len(filtered_rows(result, {"year": "2025"})[0]) == 3
    assert len(filtered_rows(result, {"year": ""})[0]) == 5
