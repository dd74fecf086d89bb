from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from hrportal.audit.models import AuditEvent
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.labourmarket.services import (
    allowance_end,
    allowance_grant,
    shortage_listing_create,
    shortage_listing_end,
)
from tests.reward.labourmarket.conftest import make_allowance

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_central_hr_lists_a_function_with_an_amount_or_a_percentage(central_hr, doctor_function):
    listing = shortage_listing_create(
        actor=central_hr,
        function=doctor_function,
        valid_from=date(2025, 1, 1),
        valid_until=date(2029, 12, 31),
        percentage=Decimal("10"),
    )
    assert listing.percentage == Decimal("10")
    assert AuditEvent.objects.filter(action="reward.shortage_function.listed", target_id=str(listing.pk)).exists()
    with pytest.raises(ValidationError) as both:
        shortage_listing_create(
            actor=central_hr,
            function=doctor_function,
            valid_from=date(2030, 1, 1),
            yearly_amount=Decimal("1"),
            percentage=Decimal("1"),
        )
    assert "yearly_amount" in both.value.message_dict
    with pytest.raises(ValidationError) as over:
        shortage_listing_create(
            actor=central_hr, function=doctor_function, valid_from=date(2030, 1, 1), percentage=Decimal("100.01")
        )
    assert "percentage" in over.value.message_dict
    at_limit = shortage_listing_create(
        actor=central_hr, function=doctor_function, valid_from=date(2031, 1, 1), percentage=Decimal("100")
    )
    assert at_limit.percentage == Decimal("100")


def test_listings_of_one_function_do_not_overlap(central_hr, listing):
    with pytest.raises(ValidationError) as error:
        shortage_listing_create(
            actor=central_hr, function=listing.function, valid_from=date(2026, 1, 1), yearly_amount=Decimal("5")
        )
    assert "valid_from" in error.value.message_dict


def test_only_central_hr_keeps_the_list(hr_officer, doctor_function):
    with pytest.raises(PermissionDenied):
        shortage_listing_create(
            actor=hr_officer, function=doctor_function, valid_from=date(2025, 1, 1), yearly_amount=Decimal("5")
        )


def test_hr_grants_when_the_function_is_listed_on_the_start_date(hr_officer, doctor, listing):
    allowance = allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert allowance.yearly_amount == Decimal("9000.00")
    event = AuditEvent.objects.get(action="reward.labour_market_allowance.granted")
    assert event.parameters["shortage_listing"] == listing.pk
    assert event.parameters["yearly_amount"] == "9000.00" or float(event.parameters["yearly_amount"]) == 9000


def test_a_start_one_day_before_the_listing_is_refused_with_a_clear_message(hr_officer, doctor, listing):
    with pytest.raises(ValidationError) as error:
        allowance_grant(actor=hr_officer, staff=doctor, start=date(2024, 12, 31), end=date(2025, 6, 30))
    assert "is not on the shortage list" in str(error.value.message_dict["start"])
    assert not LabourMarketAllowance.objects.exists()


def test_the_end_may_fall_on_the_last_listed_day_not_one_past(hr_officer, doctor, listing):
    listing.valid_until = date(2025, 12, 31)
    listing.save()
    with pytest.raises(ValidationError) as error:
        allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 1, 1), end=date(2026, 1, 1))
    assert "end" in error.value.message_dict
    assert allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 1, 1), end=date(2025, 12, 31))


def test_a_function_not_on_the_list_is_refused(hr_officer, staff_member, listing):
    with pytest.raises(ValidationError) as error:
        allowance_grant(actor=hr_officer, staff=staff_member, start=date(2025, 6, 1), end=date(2025, 12, 31))
    assert "start" in error.value.message_dict or "staff" in error.value.message_dict


def test_allowances_of_one_person_do_not_overlap_touching_is_refused_next_day_is_not(hr_officer, doctor, listing):
    allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 1, 1), end=date(2025, 6, 30))
    with pytest.raises(ValidationError) as error:
        allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 6, 30), end=date(2025, 12, 31))
    assert "already has a labour-market allowance" in str(error.value.message_dict["start"])
    assert allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 7, 1), end=date(2025, 12, 31))


def test_hr_of_another_entity_cannot_grant(hr_officer, other_doctor, listing):
    with pytest.raises(PermissionDenied):
        allowance_grant(actor=hr_officer, staff=other_doctor, start=date(2025, 1, 1), end=date(2025, 6, 30))


def test_end_before_start_is_refused(hr_officer, doctor, listing):
    with pytest.raises(ValidationError) as error:
        allowance_grant(actor=hr_officer, staff=doctor, start=date(2025, 6, 1), end=date(2025, 5, 31))
    assert "end" in error.value.message_dict


def test_early_end_with_reason_on_the_start_day_but_not_past_the_current_end(hr_officer, doctor, listing):
    allowance = make_allowance(doctor, listing)
    with pytest.raises(ValidationError):
        allowance_end(actor=hr_officer, allowance_id=allowance.pk, end=date(2026, 3, 1), reason="weg")
    with pytest.raises(ValidationError):
        allowance_end(actor=hr_officer, allowance_id=allowance.pk, end=date(2025, 2, 28), reason="weg")
    with pytest.raises(ValidationError):
        allowance_end(actor=hr_officer, allowance_id=allowance.pk, end=date(2025, 4, 1), reason=" ")
    ended = allowance_end(actor=hr_officer, allowance_id=allowance.pk, end=date(2025, 3, 1), reason="Andere functie")
    assert ended.status == LabourMarketAllowance.Status.ENDED and ended.end == date(2025, 3, 1)
    assert AuditEvent.objects.filter(action="reward.labour_market_allowance.ended").exists()


def test_when_the_function_leaves_the_list_running_allowances_end_on_that_date(central_hr, doctor, listing):
    """Choice (docs/reward.md): allowances running past the last listed day end on it, status 'delisted'."""
    running = make_allowance(doctor, listing, start=date(2025, 3, 1), end=date(2026, 2, 28))
    ended = shortage_listing_end(
        actor=central_hr, listing_id=listing.pk, valid_until=date(2025, 9, 30), reason="Geen tekort meer"
    )
    running.refresh_from_db()
    assert [a.pk for a in ended] == [running.pk]
    assert running.end == date(2025, 9, 30) and running.status == LabourMarketAllowance.Status.DELISTED
    assert AuditEvent.objects.filter(
        action="reward.labour_market_allowance.delisted", target_id=str(running.pk)
    ).exists()
    assert ShortageFunction.objects.get(pk=listing.pk).valid_until == date(2025, 9, 30)


def test_an_allowance_ending_on_the_last_listed_day_is_left_alone(central_hr, doctor, listing):
    same_day = make_allowance(doctor, listing, start=date(2025, 3, 1), end=date(2025, 9, 30))
    assert (
        shortage_listing_end(actor=central_hr, listing_id=listing.pk, valid_until=date(2025, 9, 30), reason="x") == []
    )
    same_day.refresh_from_db()
    assert same_day.status == LabourMarketAllowance.Status.ACTIVE


def test_delisting_before_an_allowance_starts_is_refused_and_nothing_changes(central_hr, doctor, listing):
    make_allowance(doctor, listing, start=date(2025, 10, 1), end=date(2026, 2, 28))
    with pytest.raises(ValidationError):
        shortage_listing_end(actor=central_hr, listing_id=listing.pk, valid_until=date(2025, 9, 30), reason="x")
    assert ShortageFunction.objects.get(pk=listing.pk).valid_until is None
