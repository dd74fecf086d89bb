import pytest
from django.apps import apps

from hrportal.data.reference import load_reference_data
from hrportal.models import Competency
from tests.factories import StaffFactory
from tests.mobility.marketplace.factories import competency, offer_with, request_with


@pytest.fixture
def skills(db):
    if not Competency.objects.exists():  # a transactional test before this one flushed the reference data
        load_reference_data(apps)
    return {code: competency(code) for code in ["analyseren", "plannen-organiseren", "coachen", "samenwerken"]}


@pytest.fixture
def requester(other_entity):
    """A project owner in another entity, with an account."""
    return StaffFactory(entity=other_entity, with_user=True, user__username="requester")


@pytest.fixture
def offer(staff_member, skills):
    """staff_member (whose line managers are team_leader and line_manager) offers 40% with analysis 3 and planning 2."""
    return offer_with({skills["analyseren"]: 3, skills["plannen-organiseren"]: 2}, staff=staff_member)


@pytest.fixture
def talent_request(requester, other_entity, skills):
    return request_with(
        {skills["analyseren"]: 2, skills["plannen-organiseren"]: 3},
        {skills["coachen"]: 2},
        owner=requester,
        entity=other_entity,
    )
