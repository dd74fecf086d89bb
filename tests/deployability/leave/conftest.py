import pytest

from tests.deployability.leave.factories import LeaveRightFactory


@pytest.fixture
def holiday(db):
    """A capped right: 10 days a year (like leave for compelling family reasons)."""
    return LeaveRightFactory(code="dwingend", name="Dwingende familiale redenen", yearly_entitlement_days=10)


@pytest.fixture
def favour(db):
    return LeaveRightFactory(favour=True)
