import pytest

from tests.leadership.permission_matrix import check

pytestmark = pytest.mark.django_db

#                                                     member manager hr  central admin outsider other_hr
MATRIX = [
    ("get", "/leadership/development/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/development/trajectories/{trajectory}/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/development/sessions/{session}/", [404, 404, 200, 200, 200, 404, 200]),
    ("get", "/leadership/development/enrolments/{enr_own}/", [200, 200, 200, 200, 200, 404, 404]),
    ("get", "/leadership/development/enrolments/{enr_other}/", [404, 404, 404, 200, 200, 200, 200]),
    ("get", "/leadership/development/decisions/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/development/onboarding/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/development/onboarding/{onb_own}/", [404, 200, 200, 200, 200, 404, 404]),
    ("get", "/leadership/development/onboarding/{onb_other}/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", "/api/leadership/enrolments/{enr_own}/", [200, 200, 200, 200, 200, 404, 404]),
    ("get", "/api/leadership/enrolments/{enr_other}/", [404, 404, 404, 200, 200, 200, 200]),
    ("post", "/api/leadership/enrolments/{enr_other}/decide/", [404, 404, 404, 400, 400, 404, 400]),
    ("post", "/api/leadership/enrolments/{enr_own}/decide/", [404, 400, 404, 404, 404, 404, 404]),
    ("get", "/api/leadership/onboarding/{onb_own}/", [404, 200, 200, 200, 200, 404, 404]),
    ("get", "/api/leadership/onboarding/{onb_other}/", [404, 404, 404, 200, 200, 404, 200]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    check(world, method, template, expected)
