"""Every role against every leave page and endpoint, with another entity's ids: out of scope is 404."""

import json

import pytest
from django.test import Client

from tests.deployability.leave.factories import LeaveRequestFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider"]


@pytest.fixture
def world(staff_member, line_manager, hr_officer, central_hr, admin_user, outsider, other_entity, favour):
    own = LeaveRequestFactory(staff=staff_member, right=favour)
    other = LeaveRequestFactory(staff=StaffFactory(entity=other_entity, line_manager=outsider), right=favour)
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
        },
        "ids": {"own": own.pk, "other": other.pk},
    }


#                                                                member manager hr central admin outsider
MATRIX = [
    ("get", "/deployability/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/leave/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/leave/rights/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/leave/new/", [200, 200, 200, 404, 404, 200]),
    ("get", "/deployability/leave/requests/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/leave/approvals/", [404, 200, 404, 404, 404, 200]),
    ("get", "/deployability/leave/calendar/", [404, 200, 404, 404, 404, 200]),
    ("get", "/deployability/leave/{own}/", [200, 200, 200, 200, 200, 404]),
    ("get", "/deployability/leave/{other}/", [404, 404, 404, 200, 200, 200]),
    ("get", "/api/deployability/leave/rights/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/leave/balances/", [200, 200, 200, 404, 404, 200]),
    ("get", "/api/deployability/leave/requests/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/leave/requests/pending/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/leave/requests/{own}/", [200, 200, 200, 200, 200, 404]),
    ("get", "/api/deployability/leave/requests/{other}/", [404, 404, 404, 200, 200, 200]),
    # the member cannot decide their own request; the manager can (then it is decided: 400 for the rest)
    ("post", "/api/deployability/leave/requests/{own}/approve/", [404, 200, 404, 404, 404, 404]),
    ("post", "/api/deployability/leave/requests/{other}/refuse/", [404, 404, 404, 404, 404, 200]),
    ("post", "/api/deployability/leave/requests/{other}/withdraw/", [404, 404, 404, 404, 404, 404]),
]
BODIES = {"refuse": {"reason": "Drukke periode"}}


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


def test_lists_hold_only_what_the_viewer_may_see(world):
    for role, expected in [
        ("member", {"own"}),
        ("hr", {"own"}),
        ("outsider", {"other"}),
        ("central", {"own", "other"}),
    ]:
        client = Client()
        client.force_login(world["users"][role])
        ids = {row["id"] for row in client.get("/api/deployability/leave/requests/").json()["results"]}
        assert ids == {world["ids"][key] for key in expected}, role


def test_anonymous_visitors_are_sent_to_login_and_the_api_refuses_them(world):
    client = Client()
    assert client.get("/deployability/leave/").status_code == 302
    assert client.get("/api/deployability/leave/requests/").status_code in (401, 403)
