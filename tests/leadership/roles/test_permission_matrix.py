import pytest

from tests.leadership.permission_matrix import check

pytestmark = pytest.mark.django_db

#                                                     member manager hr  central admin outsider other_hr
MATRIX = [
    ("get", "/leadership/roles/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/roles/me/", [200, 200, 200, 404, 404, 200, 200]),
    ("get", "/leadership/roles/staff/{member_staff}/", [200, 200, 200, 200, 200, 404, 404]),
    ("get", "/leadership/roles/staff/{outsider_staff}/", [404, 404, 404, 200, 200, 200, 200]),
    ("get", "/api/leadership/roles/profiles/", [200, 200, 200, 200, 200, 200, 200]),
    ("post", "/api/leadership/roles/profiles/", [400, 400, 400, 400, 400, 400, 400]),
    ("get", "/api/leadership/roles/staff/{member_staff}/", [200, 200, 200, 200, 200, 404, 404]),
    ("get", "/api/leadership/roles/staff/{outsider_staff}/", [404, 404, 404, 200, 200, 200, 200]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    check(world, method, template, expected)


def test_only_central_hr_changes_a_profile(world):
    body = {"role": "coach", "tier": "N-1", "competency": "coachen", "required_level": 3, "valid_from": "2026-01-01"}
    for role, status in [("hr", 404), ("manager", 404), ("central", 201)]:
        from django.test import Client

        client = Client()
        client.force_login(world["users"][role])
        response = client.post("/api/leadership/roles/profiles/", data=body, content_type="application/json")
        assert response.status_code == status, (role, response.content)
