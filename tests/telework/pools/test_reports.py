import pytest
from django.test import Client

from hrportal.reports.models import ReportRun
from hrportal.reports.registry import definition_get
from hrportal.reports.services import report_run_request
from tests.telework.pools.factories import ClimateRoundFactory, PoolAssignmentFactory
from tests.telework.pools.test_climate import _answers

pytestmark = pytest.mark.django_db


def _run(kind, user, capture):
    with capture(execute=True):
        run = report_run_request(kind=kind, requested_by=user)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    return run


def test_innovation_climate_report_suppresses_small_entities(
    central_hr, entity, other_entity, django_capture_on_commit_callbacks
):
    survey = ClimateRoundFactory()
    _answers(survey, entity, 5, score_learning=2)
    _answers(survey, other_entity, 4)
    run = _run("telework_innovation_climate", central_hr, django_capture_on_commit_callbacks)
    assert [row["entity"] for row in run.result["rows"]] == [entity.name]
    assert run.result["rows"][0]["learning"] == 2.0
    assert run.result["summary"]["entities_suppressed"] == 1
    client = Client()
    client.force_login(central_hr)
    assert client.get(f"/reports/{run.pk}/download.csv").content.decode("utf-8-sig").count("\n") == 2  # header + one


def test_pool_budget_report_lists_members_with_remaining_hours(central_hr, coach, django_capture_on_commit_callbacks):
    PoolAssignmentFactory(member=coach, hours=100, period_start=coach.created_at.date().replace(month=1, day=2))
    run = _run("telework_pool_budgets", central_hr, django_capture_on_commit_callbacks)
    row = next(r for r in run.result["rows"] if r["name"] == coach.staff.full_name)
    assert (row["budget"], row["used"], row["remaining"]) == (304, 100, 204)


def test_organisation_wide_telework_reports_are_for_central_hr_only(hr_officer, central_hr):
    for kind in ("telework_innovation_climate", "telework_pool_budgets"):
        assert definition_get(kind).visible_to(central_hr)
        assert not definition_get(kind).visible_to(hr_officer)
