import pytest

from tests.factories import StaffFactory
from tests.telework.pools.factories import PoolFactory, PoolMemberFactory


@pytest.fixture
def coach_pool(db):
    return PoolFactory(name="Mobiele ploeg coaches")


@pytest.fixture
def facilitator_pool(db):
    return PoolFactory(name="Mobiele ploeg procesbegeleiders", facilitators=True)


@pytest.fixture
def coordinator(coach_pool, other_entity):
    """The coordinating coach: a certified coach in another entity, with a login."""
    staff = StaffFactory(entity=other_entity, with_user=True, user__username="coordinator")
    return PoolMemberFactory(pool=coach_pool, staff=staff, coordinator=True)


@pytest.fixture
def coach(coach_pool, other_entity):
    staff = StaffFactory(entity=other_entity, with_user=True, user__username="coach")
    return PoolMemberFactory(pool=coach_pool, staff=staff)
