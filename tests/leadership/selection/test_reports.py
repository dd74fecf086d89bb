"""The selection and probation report: per year, in a fixed number of queries, run as a report job."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute
from leadership.models import Candidate
from leadership.selection.reports import build_selection_probation
from tests.leadership.factories import CandidateFactory, ProbationFactory, SelectionFactory

pytestmark = pytest.mark.django_db


def _build():
    with CaptureQueriesContext(connection) as queries:
        result = build_selection_probation(run=None, progress=lambda p: None)
    return result, len(queries)


def _world(entity, extra=0):
    selection = SelectionFactory(entity=entity, opens_on=date(2025, 3, 1), closes_on=date(2025, 4, 1))
    CandidateFactory(selection=selection, status=Candidate.Status.APPOINTED)
    CandidateFactory(selection=selection, status=Candidate.Status.NOT_ADMISSIBLE, experience_years=5)
    CandidateFactory(
        selection=selection, staff=None, external_name="Extern", external_email="e@x.example", experience_years=7
    )
    ProbationFactory(starts_on=date(2025, 5, 1), ends_on=date(2025, 10, 31))
    ProbationFactory(
        starts_on=date(2024, 5, 1), ends_on=date(2024, 10, 31), outcome="negative", evaluated_on=date(2024, 11, 2)
    )
    for _ in range(extra):
        SelectionFactory(entity=entity, opens_on=date(2026, 1, 5), closes_on=date(2026, 2, 1))


def test_the_report_counts_selections_and_probations_per_year_in_two_queries(entity):
    _world(entity)
    result, few = _build()
    rows = {r["year"]: r for r in result.rows}
    assert rows[2025]["selections"] == 1 and rows[2025]["candidates"] == 3
    assert (rows[2025]["internal"], rows[2025]["external"]) == (2, 1)
    assert (rows[2025]["admissible"], rows[2025]["not_admissible"], rows[2025]["appointed"]) == (2, 1, 1)
    assert (rows[2025]["probations"], rows[2025]["running"]) == (1, 1)
    assert rows[2024]["selections"] == 0 and rows[2024]["negative"] == 1
    assert few == 2
    _world(entity, extra=5)
    _result, more = _build()
    assert more == few


def test_central_hr_runs_it_as_a_report_job(central_hr, entity):
    _world(entity)
    run = ReportRun.objects.create(kind="leadership_selection_probation", requested_by=central_hr)
    report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    assert run.result["summary"]["appointed"] == 1
    client = Client()
    client.force_login(central_hr)
    page = client.get(f"/reports/{run.pk}/").content.decode()
    assert "Selecties en proeftijden middenkader" in page and "Zes jaar ervaring" in page
