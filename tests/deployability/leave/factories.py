from datetime import date

import factory
from factory.django import DjangoModelFactory

from deployability.models import LeaveRequest, LeaveRight
from tests.factories import StaffFactory


class LeaveRightFactory(DjangoModelFactory):
    class Meta:
        model = LeaveRight
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"right-{n}")
    name = factory.Sequence(lambda n: f"Verlof {n}")
    legal_basis = "VPS"
    yearly_entitlement_days = None

    class Params:
        favour = factory.Trait(
            code="gunstverlof",
            name="Gestandaardiseerd gunstverlof",
            is_favour_leave=True,
            paid=False,
            counts_as_service=True,
            half_days_allowed=False,
            yearly_entitlement_days=None,
        )


class LeaveRequestFactory(DjangoModelFactory):
    class Meta:
        model = LeaveRequest

    staff = factory.SubFactory(StaffFactory)
    right = factory.SubFactory(LeaveRightFactory)
    start = date(2026, 3, 2)
    end = date(2026, 3, 6)
    days = 5
