import pytest

from tests.factories import HrOfficerScopeFactory, StaffFactory, UserFactory


@pytest.fixture
def other_hr(other_entity):
    """HR officer of another entity."""
    scope = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="otherhr"))
    StaffFactory(entity=other_entity, user=scope.user)
    return scope.user


@pytest.fixture
def second_hr(entity):
    scope = HrOfficerScopeFactory(entity=entity, user=UserFactory(username="hr2"))
    return scope.user
