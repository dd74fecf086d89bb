"""Every role against every page and API endpoint of the mobile pools and the climate survey, with
another entity's ids. Out of scope answers 404, never the data."""

import json

import pytest
from django.test import Client

from telework.models import SupportRequest
from tests.telework.pools.factories import ClimateRoundFactory, PoolAssignmentFactory, SupportRequestFactory
from tests.telework.pools.test_climate import _answers

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider", "coordinator", "coach"]


@pytest.fixture
def world(
    staff_member, line_manager, hr_officer, central_hr, admin_user, outsider, coordinator, coach, entity, other_entity
):
    pool = coordinator.pool
    own = SupportRequestFactory(
        pool=pool,
        kind=SupportRequest.Kind.LEADERSHIP_COACHING,
        entity=entity,
        requested_by=line_manager.user,
        coachee=line_manager,
    )
    other = SupportRequestFactory(pool=pool, entity=other_entity, requested_by=central_hr)
    assignment = PoolAssignmentFactory(request=other, member=coach)
    other.status = SupportRequest.Status.ASSIGNED
    other.save()
    survey = ClimateRoundFactory()
    _answers(survey, entity, 5)
    _answers(survey, other_entity, 5)
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
            "coordinator": coordinator.staff.user,
            "coach": coach.staff.user,
        },
        "ids": {
            "own": own.pk,
            "other": other.pk,
            "assignment": assignment.pk,
            "pool": pool.pk,
            "round": survey.pk,
            "entity": entity.pk,
            "other_entity": other_entity.pk,
            "coach": coach.pk,
        },
    }


#                                                 member manager hr  central admin outsider coordinator coach
MATRIX = [
    ("get", "/telework/pools/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/pools/requests/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/pools/requests/new/", [404, 200, 200, 200, 200, 404, 404, 404]),
    ("get", "/telework/pools/requests/{own}/", [404, 200, 200, 200, 200, 404, 200, 404]),
    ("get", "/telework/pools/requests/{other}/", [404, 404, 404, 200, 200, 404, 200, 200]),
    ("get", "/telework/pools/queue/", [404, 404, 404, 404, 404, 404, 200, 404]),
    ("get", "/telework/pools/assignments/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/pools/{pool}/members/", [404, 404, 404, 200, 200, 404, 200, 404]),
    ("get", "/telework/climate/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/climate/{round}/results/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/climate/{round}/respond/", [200, 200, 200, 404, 404, 200, 200, 200]),
    ("get", "/telework/climate/{round}/entities/{entity}/", [200, 200, 200, 200, 200, 404, 404, 404]),
    ("get", "/telework/climate/{round}/entities/{other_entity}/", [404, 404, 404, 200, 200, 200, 200, 200]),
    ("get", "/api/telework/pools/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("get", "/api/telework/pools/{pool}/members/", [404, 404, 404, 200, 200, 404, 200, 404]),
    ("get", "/api/telework/pools/requests/{own}/", [404, 200, 200, 200, 200, 404, 200, 404]),
    ("get", "/api/telework/pools/requests/{other}/", [404, 404, 404, 200, 200, 404, 200, 200]),
    ("get", "/api/telework/pools/requests/queue/", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("post", "/api/telework/pools/requests/{own}/decline/", [404, 404, 404, 404, 404, 404, 200, 404]),
    ("post", "/api/telework/pools/requests/{own}/cancel/", [404, 200, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/telework/pools/requests/{other}/assign/", [404, 404, 404, 404, 404, 404, 400, 404]),
    # roles in order: the coordinator completes it, the coach (its member) then finds it completed
    ("post", "/api/telework/pools/assignments/{assignment}/complete/", [404, 404, 404, 404, 404, 404, 200, 400]),
    ("get", "/api/telework/climate/rounds/{round}/results/", [200, 200, 200, 200, 200, 200, 200, 200]),
]
BODIES = {"decline": {"reason": "Geen capaciteit"}, "assign": {}}


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    url = template.format(**world["ids"])
    body = next((b for key, b in BODIES.items() if f"/{key}/" in url), {})
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, data=json.dumps(body), content_type="application/json")
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))


def test_assign_api_reaches_the_service_only_for_the_coordinator(world):
    """On an already assigned request everyone in scope but the coordinator gets 404, the coordinator 400."""
    body = {"member": world["ids"]["coach"], "hours": 2, "period_start": "2026-03-01", "period_end": "2026-03-31"}
    for role, status in [("coach", 404), ("central", 404), ("coordinator", 400)]:
        client = Client()
        client.force_login(world["users"][role])
        response = client.post(
            f"/api/telework/pools/requests/{world['ids']['other']}/assign/", data=body, content_type="application/json"
        )
        assert response.status_code == status, role


def test_anonymous_visitors_are_sent_to_login_and_the_api_refuses_them(world):
    client = Client()
    assert client.get("/telework/pools/").status_code == 302
    assert client.get("/telework/climate/").status_code == 302
    assert client.get("/api/telework/pools/requests/").status_code in (401, 403)


def test_request_lists_only_hold_what_the_viewer_may_see(world):
    expected = {
        "member": set(),
        "manager": {"own"},
        "hr": {"own"},
        "central": {"own", "other"},
        "outsider": set(),
        "coordinator": {"own", "other"},
        "coach": {"other"},
    }
    names = {world["ids"]["own"]: "own", world["ids"]["other"]: "other"}
    for role, wanted in expected.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get("/api/telework/pools/requests/").json()["results"]
        assert {names[row["id"]] for row in rows} == wanted, role
