from datetime import date

import factory
from factory.django import DjangoModelFactory

from telework.models import ClimateRound, Pool, PoolAssignment, PoolMember, SupportRequest
from tests.factories import EntityFactory, StaffFactory, UserFactory


class PoolFactory(DjangoModelFactory):
    class Meta:
        model = Pool

    name = factory.Sequence(lambda n: f"Pool {n}")
    kind = Pool.Kind.COACHES

    class Params:
        facilitators = factory.Trait(kind=Pool.Kind.FACILITATORS)


class PoolMemberFactory(DjangoModelFactory):
    class Meta:
        model = PoolMember

    pool = factory.SubFactory(PoolFactory)
    staff = factory.SubFactory(StaffFactory)
    certified_on = date(2013, 6, 17)
    is_active = True

    class Params:
        coordinator = factory.Trait(is_coordinator=True)
        uncertified = factory.Trait(certified_on=None)
        inactive = factory.Trait(is_active=False)


class SupportRequestFactory(DjangoModelFactory):
    class Meta:
        model = SupportRequest

    pool = factory.SubFactory(PoolFactory)
    kind = SupportRequest.Kind.TEAM_COACHING
    entity = factory.SubFactory(EntityFactory)
    requested_by = factory.SubFactory(UserFactory)
    description = "Teamcoaching"
    estimated_hours = 10
    wanted_from = date(2026, 3, 1)
    wanted_until = date(2026, 6, 30)


class PoolAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = PoolAssignment

    request = factory.SubFactory(SupportRequestFactory, status=SupportRequest.Status.ASSIGNED)
    member = factory.SubFactory(PoolMemberFactory)
    hours = 10
    period_start = date(2026, 3, 1)
    period_end = date(2026, 6, 30)
    assigned_by = factory.SubFactory(UserFactory)


class ClimateRoundFactory(DjangoModelFactory):
    class Meta:
        model = ClimateRound
        django_get_or_create = ("year",)

    year = 2026
    opens_on = factory.LazyAttribute(lambda r: date(r.year, 1, 1))
    closes_on = factory.LazyAttribute(lambda r: date(r.year, 12, 31))
    created_by = factory.SubFactory(UserFactory)
