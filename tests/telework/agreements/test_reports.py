from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_request
from telework.agreements.selectors import inventory_table
from tests.factories import EntityFactory, StaffFactory
from tests.telework.agreements.conftest import MONDAY, TUESDAY, approved_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(entity, line_manager):
    """Ten staff in `entity` (two teleworking since last year, one stopped last year), five in another."""
    today = timezone.localdate()
    last_year = today.year - 1
    staff = [line_manager] + [StaffFactory(entity=entity, line_manager=line_manager) for _ in range(9)]
    approved_on(staff[1], [MONDAY], start=date(last_year, 3, 1))
    approved_on(staff[2], [MONDAY, TUESDAY], start=date(last_year, 6, 1))
    approved_on(staff[3], [TUESDAY], start=date(last_year, 1, 1), end=date(last_year, 12, 31))
    approved_on(staff[4], [], flexible_on=TUESDAY, start=today)
    other = EntityFactory(name="Agentschap Ander")
    for _ in range(5):
        StaffFactory(entity=other)
    return {"entity": entity, "other": other, "year": today.year, "last_year": last_year}


def test_inventory_counts_share_per_entity_weekday_and_year_with_the_trend(organisation):
    table = inventory_table(today=timezone.localdate())
    org = {row["year"]: row for row in table["organisation"]}
    this, last = org[organisation["year"]], org[organisation["last_year"]]
    assert (last["teleworkers"], last["headcount"], last["share_percent"]) == (3, 15, 20.0)
    assert (this["teleworkers"], this["headcount"], this["share_percent"]) == (3, 15, 20.0)
    assert this["trend_points"] == 0.0
    own = next(
        r for r in table["rows"] if r["entity"] == organisation["entity"].name and r["year"] == organisation["year"]
    )
    assert own["share_percent"] == 30.0
    assert own["d0"] == 20.0 and own["d1"] == 20.0  # Monday: two fixed; Tuesday: one fixed, one flexible
    other = next(r for r in table["rows"] if r["entity"] == "Agentschap Ander" and r["year"] == organisation["year"])
    assert other["teleworkers"] == 0 and other["share_percent"] == 0.0


def test_inventory_query_count_does_not_grow_with_entities(organisation, django_assert_max_num_queries):
    for _ in range(20):
        approved_on(StaffFactory(entity=EntityFactory()), [MONDAY], start=timezone.localdate() - timedelta(days=800))
    with django_assert_max_num_queries(4 + 10):  # tree, first year, headcounts, names + one per year (max 10)
        inventory_table(today=timezone.localdate())


def test_inventory_report_runs_with_charts_and_files(organisation, central_hr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="telework_inventory", requested_by=central_hr)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    assert run.result["summary"]["share_percent"] == 20.0
    assert len(run.result["charts"]) == 3
    client = Client()
    client.force_login(central_hr)
    csv_file = client.get(f"/reports/{run.pk}/download.csv").content.decode("utf-8-sig")
    assert csv_file.splitlines()[0].startswith("Jaar;Entiteit;Personeelsaantal;Telewerkers")
    assert client.get(f"/reports/{run.pk}/download.xlsx").content[:2] == b"PK"


def test_inventory_is_scheduled_monthly():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["telework-inventory-monthly"]
    assert entry["args"] == ("telework_inventory",)


def test_staff_and_managers_do_not_see_the_inventory(staff_member, line_manager):
    from hrportal.reports.registry import definition_get

    definition = definition_get("telework_inventory")
    assert not definition.visible_to(staff_member.user) and not definition.visible_to(line_manager.user)
