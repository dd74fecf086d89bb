"""Every role against every page and endpoint of selection and probation, with another entity's ids."""

import pytest

from tests.leadership.permission_matrix import check

pytestmark = pytest.mark.django_db

#                                                     member manager hr  central admin outsider other_hr
MATRIX = [
    ("get", "/leadership/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/selection/", [404, 404, 200, 200, 200, 404, 200]),
    ("get", "/leadership/selection/new/", [404, 404, 200, 200, 200, 404, 200]),
    ("get", "/leadership/selection/{sel_own}/", [404, 404, 200, 200, 200, 404, 404]),
    ("get", "/leadership/selection/{sel_other}/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", "/leadership/selection/probations/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/selection/probations/{prob_own}/", [404, 200, 200, 200, 200, 404, 404]),
    ("get", "/leadership/selection/probations/{prob_other}/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", "/api/leadership/selections/{sel_own}/", [404, 404, 200, 200, 200, 404, 404]),
    ("get", "/api/leadership/selections/{sel_other}/", [404, 404, 404, 200, 200, 404, 200]),
    ("post", "/api/leadership/selections/{sel_other}/candidates/", [404, 404, 404, 400, 400, 404, 400]),
    ("post", "/api/leadership/selections/{sel_other}/appoint/", [404, 404, 404, 400, 400, 404, 400]),
    ("get", "/api/leadership/probations/{prob_own}/", [404, 200, 200, 200, 200, 404, 404]),
    ("get", "/api/leadership/probations/{prob_other}/", [404, 404, 404, 200, 200, 404, 200]),
    ("post", "/api/leadership/probations/{prob_other}/evaluate/", [404, 404, 404, 400, 400, 404, 400]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    check(world, method, template, expected)


def test_selection_list_api_holds_only_the_callers_entities(world):
    from django.test import Client

    for role, count in [("hr", 1), ("other_hr", 1), ("central", 2), ("member", 0), ("manager", 0)]:
        client = Client()
        client.force_login(world["users"][role])
        assert client.get("/api/leadership/selections/").json()["count"] == count, role


def test_anonymous_visitors_are_sent_to_login(world):
    from django.test import Client

    assert Client().get("/leadership/selection/probations/").status_code == 302
    assert Client().get("/api/leadership/probations/").status_code in (401, 403)
