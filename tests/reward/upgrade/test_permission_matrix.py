"""Every role against every page and API endpoint of the function-upgrade allowance, with another entity's
ids. Out of scope answers 404, never the data."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import FunctionFactory, HrOfficerScopeFactory, StaffFactory, UserFactory
from tests.reward.upgrade.factories import UpgradeAllowanceFactory, UpgradePeriodFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "other_hr", "central", "admin", "outsider"]


@pytest.fixture
def world(holder, line_manager, hr_officer, central_hr, admin_user, outsider, other_entity):
    today = timezone.localdate()
    own = UpgradeAllowanceFactory(holder=holder, granted_by=line_manager.user)
    UpgradePeriodFactory(allowance=own, start=today - timedelta(days=100), end=today + timedelta(days=20))
    other_holder = StaffFactory(entity=other_entity, function=FunctionFactory(function_class=10))
    other = UpgradeAllowanceFactory(holder=other_holder)
    UpgradePeriodFactory(allowance=other, start=today - timedelta(days=100), end=today + timedelta(days=20))
    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="otherhr")).user
    return {
        "users": {
            "member": holder.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "other_hr": other_hr,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
        },
        "ids": {"own": own.pk, "other": other.pk},
    }


#                                                 member manager hr  other_hr central admin outsider
MATRIX = [
    ("get", "/reward/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/reward/upgrade/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/reward/upgrade/grant/", [404, 200, 200, 200, 200, 200, 404]),
    ("get", "/reward/upgrade/expiring/", [404, 200, 200, 200, 200, 200, 404]),
    ("get", "/reward/upgrade/published/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/reward/upgrade/{own}/", [200, 200, 200, 404, 200, 200, 404]),
    ("get", "/reward/upgrade/{other}/", [404, 404, 404, 200, 200, 200, 404]),
    ("post", "/reward/upgrade/{own}/extend/", [404, 200, 200, 404, 200, 200, 404]),
    ("post", "/reward/upgrade/{other}/end/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", "/api/reward/upgrade/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/api/reward/upgrade/expiring/", [404, 200, 200, 200, 200, 200, 404]),
    ("get", "/api/reward/upgrade/published/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/api/reward/upgrade/{own}/", [200, 200, 200, 404, 200, 200, 404]),
    ("get", "/api/reward/upgrade/{other}/", [404, 404, 404, 200, 200, 200, 404]),
    ("post", "/api/reward/upgrade/{own}/extend/", [404, 400, 400, 404, 400, 400, 404]),
    ("post", "/api/reward/upgrade/{other}/end/", [404, 404, 404, 400, 400, 400, 404]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    url = template.format(**world["ids"])
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        if method == "get":
            response = client.get(url)
        elif url.startswith("/api/"):
            response = client.post(url, data=json.dumps({}), content_type="application/json")
        else:
            response = client.post(url, data={})
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))


def test_a_grant_through_the_api_for_another_entitys_person_answers_404(world, line_manager, heavier_function):
    from reward.upgrade.models import UpgradeAllowance

    other = UpgradeAllowance.objects.get(pk=world["ids"]["other"])
    client = Client()
    client.force_login(line_manager.user)
    body = {
        "holder": other.holder_id,
        "function": heavier_function.pk,
        "tasks": "x",
        "percentage": "5",
        "start": "2026-02-01",
        "end": "2026-03-31",
    }
    assert client.post("/api/reward/upgrade/", data=body, content_type="application/json").status_code == 404


def test_anonymous_visitors_are_sent_to_login_and_the_api_refuses_them(world):
    client = Client()
    assert client.get("/reward/upgrade/").status_code == 302
    assert client.get("/reward/upgrade/published/").status_code == 302
    assert client.get("/api/reward/upgrade/published/").status_code in (401, 403)


def test_lists_hold_only_what_the_viewer_may_see(world):
    expected = {
        "member": {"own"},
        "manager": {"own"},
        "hr": {"own"},
        "other_hr": {"other"},
        "central": {"own", "other"},
        "outsider": set(),
    }
    names = {world["ids"]["own"]: "own", world["ids"]["other"]: "other"}
    for role, wanted in expected.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get("/api/reward/upgrade/").json()["results"]
        assert {names[row["id"]] for row in rows} == wanted, role
