import pytest
from django.test import Client

from tests.telework.pools.factories import ClimateRoundFactory, PoolAssignmentFactory
from tests.telework.pools.test_climate import _answers

pytestmark = pytest.mark.django_db


def test_admin_lists_and_opens_every_pool_and_climate_model(admin_user, entity):
    assignment = PoolAssignmentFactory()
    survey = ClimateRoundFactory()
    _answers(survey, entity, 1)
    client = Client()
    client.force_login(admin_user)
    objects = {
        "pool": assignment.member.pool_id,
        "poolmember": assignment.member_id,
        "supportrequest": assignment.request_id,
        "poolassignment": assignment.pk,
        "climateround": survey.pk,
        "climateresponse": survey.responses.get().pk,
    }
    for model, pk in objects.items():
        assert client.get(f"/admin/telework/{model}/?q=a").status_code == 200, model
        assert client.get(f"/admin/telework/{model}/{pk}/change/").status_code == 200, model
    assert client.get("/admin/telework/climateparticipation/").status_code == 200
    # Anonymous answers cannot be written by hand.
    assert client.get("/admin/telework/climateresponse/add/").status_code == 403
