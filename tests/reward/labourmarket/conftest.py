from datetime import date
from decimal import Decimal

import pytest

from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from tests.factories import FunctionFactory


@pytest.fixture
def doctor_function(db):
    return FunctionFactory(name="Arts", function_class=15)


@pytest.fixture
def listing(doctor_function):
    return ShortageFunction.objects.create(
        function=doctor_function, valid_from=date(2025, 1, 1), yearly_amount=Decimal("9000.00")
    )


@pytest.fixture
def doctor(staff_member, doctor_function):
    staff_member.function = doctor_function
    staff_member.save()
    return staff_member


@pytest.fixture
def other_doctor(outsider, doctor_function):
    outsider.function = doctor_function
    outsider.save()
    return outsider


def make_allowance(staff, listing, start=date(2025, 3, 1), end=date(2026, 2, 28)):
    return LabourMarketAllowance.objects.create(
        staff=staff,
        listing=listing,
        start=start,
        end=end,
        yearly_amount=listing.yearly_amount,
        percentage=listing.percentage,
    )
