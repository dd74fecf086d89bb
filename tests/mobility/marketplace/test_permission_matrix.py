"""Every role against every marketplace page and endpoint, including another entity's ids: 404, never data."""

import pytest
from django.test import Client

from mobility.marketplace.matching import match_rematch_all
from mobility.models import TalentRequest
from tests.mobility.marketplace.factories import TalentApplicationFactory, offer_with, request_with

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider", "requester"]


@pytest.fixture
def world(
    staff_member,
    line_manager,
    hr_officer,
    central_hr,
    admin_user,
    outsider,
    requester,
    offer,
    talent_request,
    skills,
    other_entity,
):
    outsider_offer = offer_with({skills["coachen"]: 2}, staff=outsider)
    paused = request_with(
        {skills["coachen"]: 2}, owner=requester, entity=other_entity, status=TalentRequest.Status.PAUSED
    )
    application = TalentApplicationFactory(request=talent_request, offer=offer)
    match_rematch_all()
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
            "requester": requester.user,
        },
        "ids": {
            "offer": offer.pk,
            "outsider_offer": outsider_offer.pk,
            "request": talent_request.pk,
            "paused": paused.pk,
            "application": application.pk,
        },
    }


M = "/mobility/marketplace"
A = "/api/mobility/marketplace"
ALL = [200] * 7
# (method, url, expected status per role in ROLES order)
MATRIX = [
    ("get", "/mobility/", ALL),
    ("get", f"{M}/offers/", ALL),
    ("get", f"{M}/offers/new/", [200, 200, 200, 404, 404, 200, 200]),
    ("get", f"{M}/offers/{{offer}}/", [200, 200, 200, 200, 200, 404, 200]),
    ("get", f"{M}/offers/{{outsider_offer}}/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", f"{M}/offers/{{offer}}/edit/", [200, 404, 404, 404, 404, 404, 404]),
    ("get", f"{M}/for-you/", ALL),
    ("get", f"{M}/requests/", ALL),
    ("get", f"{M}/requests/new/", [200, 200, 200, 404, 404, 200, 200]),
    ("get", f"{M}/requests/{{request}}/", ALL),
    ("get", f"{M}/requests/{{paused}}/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", f"{M}/requests/{{request}}/edit/", [404, 404, 404, 404, 404, 404, 200]),
    ("get", f"{M}/requests/{{request}}/candidates/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", f"{M}/applications/", ALL),
    ("get", f"{M}/applications/{{application}}/", [200, 200, 200, 200, 200, 404, 200]),
    ("get", f"{M}/assignments/", ALL),
    ("get", f"{M}/market/", [404, 404, 404, 200, 200, 404, 404]),
    ("post", f"{M}/offers/{{outsider_offer}}/pause/", [404, 404, 404, 404, 404, 302, 404]),
    ("post", f"{M}/applications/{{application}}/consent/", [404, 302, 404, 404, 404, 404, 404]),
    ("get", f"{A}/offers/", ALL),
    ("get", f"{A}/offers/{{offer}}/", [200, 200, 200, 200, 200, 404, 200]),
    ("get", f"{A}/offers/{{outsider_offer}}/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", f"{A}/requests/", ALL),
    ("get", f"{A}/requests/{{paused}}/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", f"{A}/requests/{{request}}/candidates/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", f"{A}/for-you/", ALL),
    ("get", f"{A}/applications/", ALL),
    ("get", f"{A}/applications/{{application}}/", [200, 200, 200, 200, 200, 404, 200]),
    ("get", f"{A}/assignments/", ALL),
    ("get", f"{A}/market/", [404, 404, 404, 200, 200, 404, 404]),
    ("post", f"{A}/offers/{{outsider_offer}}/pause/", [404, 404, 404, 404, 404, 200, 404]),
    ("post", f"{A}/requests/{{paused}}/resume/", [404, 404, 404, 404, 404, 404, 200]),
    ("post", f"{A}/applications/{{application}}/consent/", [404, 200, 404, 404, 404, 404, 404]),
    ("post", f"{A}/applications/{{application}}/withdraw/", [200, 404, 404, 404, 404, 404, 404]),
]


@pytest.mark.parametrize(("method", "url", "expected"), MATRIX, ids=[f"{m} {u}" for m, u, _ in MATRIX])
def test_role_sees_only_what_its_scope_allows(world, method, url, expected):
    path = url.format(**world["ids"])
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        response = (
            getattr(client, method)(path, content_type="application/json") if method == "post" else client.get(path)
        )
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))


def test_lists_never_show_another_entitys_private_records(world):
    client = Client()
    client.force_login(world["users"]["member"])
    offers = {row["id"] for row in client.get(f"{A}/offers/").json()["results"]}
    assert world["ids"]["outsider_offer"] not in offers
    requests = {row["id"] for row in client.get(f"{A}/requests/").json()["results"]}
    assert world["ids"]["paused"] not in requests
    assert world["ids"]["request"] in requests
