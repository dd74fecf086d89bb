import pytest

from tests.mobility.international.factories import ApplicationFactory, CallFactory


@pytest.fixture
def call(db):
    return CallFactory()


@pytest.fixture
def application(call, staff_member):
    return ApplicationFactory(call=call, staff=staff_member)


@pytest.fixture
def agreed_application(call, staff_member):
    return ApplicationFactory(call=call, staff=staff_member, agreed=True)


@pytest.fixture
def approved_application(call, staff_member):
    return ApplicationFactory(call=call, staff=staff_member, approved=True)
