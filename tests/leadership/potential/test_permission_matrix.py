"""Assessment results are personal: the person and HR, nobody else — not the line manager."""

import pytest
from django.test import Client

from hrportal.scoping import can_see_assessment
from leadership.models import Assessment
from tests.leadership.permission_matrix import check
from tests.leadership.world import ROLES

pytestmark = pytest.mark.django_db

#                                                     member manager hr  central admin outsider other_hr
MATRIX = [
    ("get", "/leadership/potential/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/potential/new/", [404, 404, 200, 200, 200, 404, 200]),
    ("get", "/leadership/potential/{as_own}/", [200, 404, 200, 200, 200, 404, 404]),
    ("get", "/leadership/potential/{as_other}/", [404, 404, 404, 200, 200, 200, 200]),
    ("get", "/leadership/potential/talent-pool/", [404, 404, 200, 200, 200, 404, 200]),
    ("get", "/api/leadership/assessments/{as_own}/", [200, 404, 200, 200, 200, 404, 404]),
    ("get", "/api/leadership/assessments/{as_other}/", [404, 404, 404, 200, 200, 200, 200]),
    ("get", "/api/leadership/talent-pool/", [404, 404, 200, 200, 200, 404, 200]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    check(world, method, template, expected)


def test_can_see_assessment_is_the_person_and_hr_only(world, staff_member, team_leader):
    expected = {"member": True, "manager": False, "hr": True, "central": True, "admin": True, "outsider": False}
    for role, allowed in expected.items():
        assert can_see_assessment(user=world["users"][role], staff=staff_member) is allowed, role
    assert can_see_assessment(user=team_leader.user, staff=staff_member) is False  # the direct line manager


def test_assessment_lists_and_talent_pool_hold_only_what_the_viewer_may_see(world):
    names = {world["ids"]["as_own"]: "own", world["ids"]["as_other"]: "other"}
    expected = {
        "member": {"own"},
        "manager": set(),
        "hr": {"own"},
        "central": {"own", "other"},
        "outsider": {"other"},
        "other_hr": {"other"},
    }
    for role, wanted in expected.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get("/api/leadership/assessments/").json()["results"]
        assert {names[r["id"]] for r in rows} == wanted, role
    client = Client()
    client.force_login(world["users"]["hr"])
    pool = client.get("/api/leadership/talent-pool/").json()["results"]
    assert [row["staff"] for row in pool] == [world["ids"]["member_staff"]]


def test_the_audit_trail_keeps_no_result(world):
    assert ROLES  # the world is built
    assert Assessment.objects.count() == 2
