"""A new function recorded for a person (reward.matrix.services.staff_function_set) ends their running
labour-market allowance for the former function on the day before — each limit and one past it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from hrportal.audit.models import AuditEvent
from hrportal.home import action_items_for
from reward.labourmarket.models import LabourMarketAllowance
from reward.matrix.services import staff_function_set
from tests.factories import FunctionFactory
from tests.reward.labourmarket.conftest import make_allowance

pytestmark = pytest.mark.django_db
CHANGED = LabourMarketAllowance.Status.FUNCTION_CHANGED


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def nurse(db):
    return FunctionFactory(name="Verpleegkundige", function_class=12)


def test_the_running_allowance_ends_the_day_before_the_new_function(hr_officer, doctor, listing, nurse):
    allowance = make_allowance(doctor, listing, start=date(2025, 3, 1), end=date(2026, 2, 28))
    staff_function_set(actor=hr_officer, staff=doctor, function=nurse, on=date(2025, 9, 1))
    allowance.refresh_from_db()
    assert (allowance.end, allowance.status) == (date(2025, 8, 31), CHANGED)
    event = AuditEvent.objects.get(action="reward.labour_market_allowance.function_changed")
    assert event.before["end"] == "2026-02-28" and event.after["end"] == "2025-08-31"
    assert event.parameters["shortage_listing"] == listing.pk


def test_an_allowance_ending_the_day_before_is_left_alone_one_ending_on_the_day_is_ended(
    hr_officer, doctor, listing, nurse
):
    day_before = make_allowance(doctor, listing, start=date(2025, 3, 1), end=date(2025, 8, 31))
    staff_function_set(actor=hr_officer, staff=doctor, function=nurse, on=date(2025, 9, 1))
    day_before.refresh_from_db()
    assert (day_before.end, day_before.status) == (date(2025, 8, 31), LabourMarketAllowance.Status.ACTIVE)

    doctor.refresh_from_db()
    staff_function_set(actor=hr_officer, staff=doctor, function=listing.function, on=date(2025, 10, 1))
    on_the_day = make_allowance(doctor, listing, start=date(2025, 10, 1), end=date(2025, 11, 1))
    doctor.refresh_from_db()
    staff_function_set(actor=hr_officer, staff=doctor, function=nurse, on=date(2025, 11, 1))
    on_the_day.refresh_from_db()
    assert (on_the_day.end, on_the_day.status) == (date(2025, 10, 31), CHANGED)


def test_an_allowance_that_started_the_day_before_keeps_one_day(hr_officer, doctor, listing, nurse):
    allowance = make_allowance(doctor, listing, start=date(2025, 8, 31), end=date(2025, 12, 31))
    staff_function_set(actor=hr_officer, staff=doctor, function=nurse, on=date(2025, 9, 1))
    allowance.refresh_from_db()
    assert (allowance.start, allowance.end) == (date(2025, 8, 31), date(2025, 8, 31))


def test_an_allowance_starting_on_the_day_refuses_the_change_and_nothing_is_written(hr_officer, doctor, listing, nurse):
    allowance = make_allowance(doctor, listing, start=date(2025, 9, 1), end=date(2025, 12, 31))
    with pytest.raises(ValidationError) as error:
        staff_function_set(actor=hr_officer, staff=doctor, function=nurse, on=date(2025, 9, 1))
    assert "on" in error.value.message_dict
    doctor.refresh_from_db()
    allowance.refresh_from_db()
    assert doctor.function_id == listing.function_id
    assert (allowance.end, allowance.status) == (date(2025, 12, 31), LabourMarketAllowance.Status.ACTIVE)
    assert not AuditEvent.objects.filter(action="reward.staff_function.changed").exists()


def test_hr_sees_the_ended_allowance_on_the_home_page_and_the_list(hr_officer, doctor, listing, nurse):
    make_allowance(doctor, listing)
    staff_function_set(actor=hr_officer, staff=doctor, function=nurse, on=date(2025, 9, 1))
    items = {item.url: item.count for item in action_items_for(hr_officer)}
    assert items["/reward/labour-market/allowances/?status=changed"] == 1
    client = Client()
    client.force_login(hr_officer)
    page = client.get("/reward/labour-market/allowances/?status=changed")
    assert page.status_code == 200 and doctor.full_name in page.content.decode()
    assert client.get("/").status_code == 200


def test_the_staff_function_page_shows_the_refusal(hr_officer, doctor, listing, nurse):
    make_allowance(doctor, listing, start=date(2025, 9, 1), end=date(2025, 12, 31))
    client = Client()
    client.force_login(hr_officer)
    response = client.post(f"/reward/matrix/staff/{doctor.pk}/", {"function": nurse.pk, "on": "2025-09-01"})
    assert response.status_code == 200 and response.context["form"].errors["on"]
