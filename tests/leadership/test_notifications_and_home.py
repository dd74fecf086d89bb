from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from hrportal.home import action_items_for
from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute
from leadership.models import SnapshotCount
from leadership.topmanagement.models import add_months
from leadership.topmanagement.services import annual_evaluation_record, mandate_evaluate, registration_create
from tests.factories import StaffFactory
from tests.leadership.factories import MandateFactory, TopSessionFactory

pytestmark = pytest.mark.django_db


def test_the_official_is_told_of_the_end_of_mandate_and_annual_evaluations(
    central_hr, django_capture_on_commit_callbacks
):
    mandate = MandateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mandate_evaluate(actor=central_hr, mandate_id=mandate.pk, evaluated_on=date(2026, 1, 10), result="positive")
        annual_evaluation_record(
            actor=central_hr, official=mandate.official, year=2025, rating="good", evaluated_on=date(2025, 12, 1)
        )
    assert [m.to for m in mail.outbox] == [[mandate.official.email], [mandate.official.email]]
    assert "/leadership/top/mandates/" in mail.outbox[0].body


def test_a_registration_is_confirmed_by_mail(staff_member, django_capture_on_commit_callbacks):
    session = TopSessionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(actor=staff_member.user, session_id=session.pk)
    assert mail.outbox[0].to == [staff_member.email] and session.title in mail.outbox[0].subject


def test_central_hr_finds_the_mandates_ending_on_the_home_page(central_hr, staff_member):
    today = timezone.localdate()
    MandateFactory(start=add_months(today, -70), end=add_months(today, 2))
    MandateFactory(start=add_months(today, -10), end=add_months(today, 62))
    items = [i for i in action_items_for(central_hr) if "/leadership/" in i.url]
    assert [i.count for i in items] == [1]
    assert not [i for i in action_items_for(staff_member.user) if "/leadership/" in i.url]


def test_the_generic_report_page_and_the_csv_say_why_a_cell_is_hidden(central_hr):
    for gender, n in (("F", 3), ("M", 30)):
        SnapshotCount.objects.create(
            year=2025, entity_code="a", entity_name="A", tier="N", gender=gender, headcount=n, fte=n
        )
    run = ReportRun.objects.create(kind="leadership_gender_monitoring", parameters={"language": "nl"})
    report_run_execute(run_id=run.pk)
    client = Client()
    client.force_login(central_hr)
    assert "verborgen: minder dan 5" in client.get(f"/reports/{run.pk}/").content.decode()
    csv = client.get(f"/reports/{run.pk}/download.csv").content.decode("utf-8-sig")
    assert "verborgen: minder dan 5" in csv and "verborgen: anders terug te rekenen" in csv
    assert client.get(f"/reports/{run.pk}/download.xlsx").status_code == 200


def test_the_admin_lists_mandates_and_snapshots(admin_user):
    MandateFactory()
    StaffFactory()
    client = Client()
    client.force_login(admin_user)
    for url in (
        "/admin/leadership/mandate/",
        "/admin/leadership/snapshotcount/",
        "/admin/leadership/vacancy/",
        "/admin/leadership/topsession/",
        "/admin/leadership/annualevaluation/",
        "/admin/leadership/gendertarget/",
    ):
        assert client.get(url).status_code == 200, url
