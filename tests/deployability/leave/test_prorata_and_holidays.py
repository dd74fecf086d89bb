"""Leave entitlement pro-rated by the working-time fraction, rounded to half days, and public holidays not
counted as leave days (issue 10, item 4)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from deployability.leave import services
from deployability.leave.selectors import balances_for, entitlement_for, leave_days, working_days
from deployability.models import LeaveRight, PublicHoliday

pytestmark = pytest.mark.django_db
EASTER_MONDAY_2026 = date(2026, 4, 6)


def _ask(staff, right, start, end, **kwargs):
    return services.leave_request_create(actor=staff.user, right=right, start=start, end=end, **kwargs)


def _fraction(staff, value):
    staff.working_time_fraction = Decimal(value)
    staff.save(update_fields=["working_time_fraction"])


def test_the_belgian_public_holidays_2025_to_2027_are_reference_data():
    days = PublicHoliday.objects.filter(day__year__in=[2025, 2026, 2027])
    assert days.count() == 30
    assert {d.year for d in days.values_list("day", flat=True)} == {2025, 2026, 2027}
    assert PublicHoliday.objects.filter(day=EASTER_MONDAY_2026, name="Paasmaandag").exists()
    assert PublicHoliday.objects.filter(day=date(2027, 7, 21)).exists()


def test_a_week_with_easter_monday_counts_four_days():
    assert working_days(date(2026, 4, 6), date(2026, 4, 10)) == 4
    assert working_days(date(2026, 4, 13), date(2026, 4, 17)) == 5
    # a holiday on a Saturday (15 August 2026) takes nothing off
    assert working_days(date(2026, 8, 10), date(2026, 8, 16)) == 5


def test_leave_on_a_public_holiday_alone_is_refused(staff_member, holiday):
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, holiday, EASTER_MONDAY_2026, EASTER_MONDAY_2026)
    assert "feestdagen" in error.value.message_dict["start"][0]
    with pytest.raises(ValidationError):
        _ask(staff_member, holiday, EASTER_MONDAY_2026, EASTER_MONDAY_2026, half_day=True)
    assert leave_days(start=date(2026, 4, 7), end=date(2026, 4, 7), half_day=True) == Decimal("0.5")
    leave = _ask(staff_member, holiday, date(2026, 4, 3), date(2026, 4, 7))  # Fri, (Sat, Sun, holiday), Tue
    assert leave.days == 2


@pytest.mark.parametrize(
    ("yearly", "fraction", "expected"),
    [
        (35, "1.00", "35"),
        (35, "0.80", "28"),
        (35, "0.75", "26.5"),  # 26.25: a quarter rounds up to the half day
        (35, "0.65", "23"),  # 22.75 rounds up to 23
        (35, "0.50", "17.5"),
        (10, "0.55", "5.5"),
        (10, "0.51", "5"),  # 5.1 rounds down to 5
    ],
)
def test_entitlement_pro_rated_and_rounded_to_half_days(staff_member, yearly, fraction, expected):
    right = LeaveRight(code="x", name="x", legal_basis="x", yearly_entitlement_days=yearly)
    _fraction(staff_member, fraction)
    assert entitlement_for(right=right, staff=staff_member) == Decimal(expected)


def test_favour_leave_stays_without_a_cap_whatever_the_fraction(staff_member, favour):
    _fraction(staff_member, "0.5")
    assert entitlement_for(right=favour, staff=staff_member) is None


def test_part_time_entitlement_exactly_used_then_half_a_day_over_refused(staff_member, holiday):
    _fraction(staff_member, "0.75")  # 10 x 0.75 = 7.5 days
    _ask(staff_member, holiday, date(2026, 3, 2), date(2026, 3, 6))  # 5
    _ask(staff_member, holiday, date(2026, 3, 9), date(2026, 3, 10))  # 7
    _ask(staff_member, holiday, date(2026, 3, 11), date(2026, 3, 11), half_day=True)  # 7.5: exactly used
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, holiday, date(2026, 3, 12), date(2026, 3, 12), half_day=True)  # 8 > 7.5
    assert "7.5" in error.value.message_dict["end"][0]
    balance = next(b for b in balances_for(staff=staff_member, year=2026) if b.right == holiday)
    assert balance.entitlement == Decimal("7.5") and balance.remaining == 0


def test_the_balance_page_and_api_show_the_pro_rated_entitlement(client, staff_member, holiday):
    _fraction(staff_member, "0.8")
    client.force_login(staff_member.user)
    page = client.get(reverse("deployability:leave-index"), {"year": 2026}).content.decode()
    assert "<td>8</td>" in page.replace(" ", "")
    rows = client.get("/api/deployability/leave/balances/", {"year": 2026}).json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert next(r for r in rows if r["right"] == holiday.pk)["entitlement"] == "8.0"
