import pytest

from tests.leadership.permission_matrix import check

pytestmark = pytest.mark.django_db

#                                                     member manager hr  central admin outsider other_hr
MATRIX = [
    ("get", "/leadership/mentoring/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/leadership/mentoring/mentee/", [200, 200, 200, 404, 404, 200, 200]),
    ("get", "/leadership/mentoring/mentor/", [404, 200, 404, 404, 404, 404, 404]),
    ("get", "/leadership/mentoring/mentees/", [404, 404, 200, 200, 200, 404, 200]),
    ("get", "/leadership/mentoring/mentees/{mentee_own}/", [404, 404, 200, 200, 200, 404, 404]),
    ("get", "/leadership/mentoring/mentees/{mentee_other}/", [404, 404, 404, 200, 200, 404, 200]),
    ("get", "/leadership/mentoring/matches/{match_own}/", [200, 404, 200, 200, 200, 404, 200]),
    ("get", "/leadership/mentoring/matches/{match_other}/", [404, 404, 404, 200, 200, 200, 200]),
    ("get", "/leadership/mentoring/coaching/", [404, 200, 404, 404, 404, 404, 404]),
    ("get", "/api/leadership/mentoring/matches/{match_own}/", [200, 404, 200, 200, 200, 404, 200]),
    ("get", "/api/leadership/mentoring/matches/{match_other}/", [404, 404, 404, 200, 200, 200, 200]),
    ("post", "/api/leadership/mentoring/matches/{match_own}/respond/", [400, 404, 400, 400, 400, 404, 400]),
    ("post", "/api/leadership/mentoring/matches/{match_other}/close/", [404, 404, 404, 400, 400, 400, 400]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    check(world, method, template, expected)
