from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from deployability.leave.reports import build_leave_taken
from deployability.models import LeaveRequest
from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_request
from tests.deployability.leave.factories import LeaveRequestFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_leave_taken_per_kind_counts_approved_days(
    central_hr, entity, holiday, favour, django_capture_on_commit_callbacks
):
    people = [StaffFactory(entity=entity) for _ in range(3)]
    for person in people:
        LeaveRequestFactory(staff=person, right=favour, days=5, status=LeaveRequest.Status.APPROVED)
    LeaveRequestFactory(
        staff=people[0],
        right=holiday,
        days=2,
        start=date(2026, 4, 1),
        end=date(2026, 4, 2),
        status=LeaveRequest.Status.APPROVED,
    )
    LeaveRequestFactory(staff=people[1], right=holiday, days=3, start=date(2026, 5, 4), end=date(2026, 5, 6))  # pending
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="deployability_leave_taken", requested_by=central_hr)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    rows = {r["kind"]: r for r in run.result["rows"]}
    assert (rows[favour.name]["days"], rows[favour.name]["requests"], rows[favour.name]["people"]) == (15.0, 3, 3)
    assert rows[holiday.name]["days"] == 2.0
    client = Client()
    client.force_login(central_hr)
    assert client.get(f"/reports/{run.pk}/download.csv").status_code == 200
    assert client.get(f"/reports/{run.pk}/download.xlsx").status_code == 200


def test_leave_taken_query_count_does_not_grow_with_data(entity, favour):
    def count():
        with CaptureQueriesContext(connection) as queries:
            build_leave_taken(run=None, progress=lambda p: None)
        return len(queries)

    LeaveRequestFactory(staff=StaffFactory(entity=entity), right=favour, status=LeaveRequest.Status.APPROVED)
    few = count()
    for _ in range(10):
        LeaveRequestFactory(staff=StaffFactory(entity=entity), right=favour, status=LeaveRequest.Status.APPROVED)
    assert count() == few == 1
