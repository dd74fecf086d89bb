"""Every role against the pages and API endpoints of redeployment and evaluation cases, with another entity's
ids. Out of scope answers 404, never the data."""

import json
from datetime import date

import pytest
from django.test import Client

from deployability.models import EvaluationCase
from hrportal.models import Evaluation
from tests.deployability.redeployment.factories import CandidateFactory, OfferFactory, TrajectoryFactory, VacancyFactory
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "otherhr", "central", "admin", "outsider"]


@pytest.fixture
def world(staff_member, line_manager, hr_officer, other_hr, central_hr, admin_user, outsider, entity, other_entity):
    own_traj = TrajectoryFactory(staff=staff_member)
    own_cand = CandidateFactory(staff=staff_member)
    vacancy = VacancyFactory(entity=entity, grade="B1")
    own_offer = OfferFactory(candidate=own_cand, vacancy=vacancy)
    other_cand = CandidateFactory(staff=outsider)
    other_offer = OfferFactory(candidate=other_cand, vacancy=VacancyFactory(entity=other_entity))
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    EvaluationFactory(staff=outsider, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "otherhr": other_hr,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
        },
        "ids": {
            "own_traj": own_traj.pk,
            "other_traj": other_cand.trajectory_id,
            "own_cand": own_cand.pk,
            "other_cand": other_cand.pk,
            "vacancy": vacancy.pk,
            "own_offer": own_offer.pk,
            "other_offer": other_offer.pk,
            "own_case": EvaluationCase.objects.get(staff=staff_member).pk,
            "other_case": EvaluationCase.objects.get(staff=outsider).pk,
        },
    }


HR_ONLY = [404, 404, 200, 200, 200, 200, 404]
OWN = [200, 200, 200, 404, 200, 200, 404]
OTHER = [404, 404, 404, 200, 200, 200, 200]
R = "/deployability/redeployment/"
A = "/api/deployability/redeployment/"
#                                                   member manager hr otherhr central admin outsider
MATRIX = [
    ("get", "/deployability/", [200] * 7),
    ("get", R, [200] * 7),
    ("get", R + "trajectories/", [404, 200, 200, 200, 200, 200, 404]),
    ("get", R + "trajectories/new/", [404, 200, 200, 200, 200, 200, 404]),
    ("get", R + "trajectories/{own_traj}/", OWN),
    ("get", R + "trajectories/{other_traj}/", OTHER),
    ("get", R + "candidates/", HR_ONLY),
    ("get", R + "candidates/{own_cand}/", OWN),
    ("get", R + "candidates/{other_cand}/", OTHER),
    ("get", R + "vacancies/", HR_ONLY),
    ("get", R + "vacancies/new/", HR_ONLY),
    ("get", R + "vacancies/{vacancy}/", HR_ONLY),
    ("get", R + "offers/", HR_ONLY),
    ("get", R + "offers/{own_offer}/", OWN),
    ("get", R + "offers/{other_offer}/", OTHER),
    ("get", R + "figures/", HR_ONLY),
    ("get", "/deployability/evaluations/", [200, 404, 200, 200, 200, 200, 200]),
    ("get", "/deployability/evaluations/{own_case}/", [200, 404, 200, 404, 200, 200, 404]),
    ("get", "/deployability/evaluations/{other_case}/", OTHER),
    ("get", A + "trajectories/{own_traj}/", OWN),
    ("get", A + "trajectories/{other_traj}/", OTHER),
    ("get", A + "candidates/{own_cand}/", OWN),
    ("get", A + "candidates/{other_cand}/", OTHER),
    ("get", A + "vacancies/{vacancy}/", HR_ONLY),
    ("get", A + "vacancies/{vacancy}/candidates/", HR_ONLY),
    ("get", A + "offers/{own_offer}/", OWN),
    ("get", A + "offers/{other_offer}/", OTHER),
    ("get", "/api/deployability/evaluations/{own_case}/", [200, 404, 200, 404, 200, 200, 404]),
    ("get", "/api/deployability/evaluations/{other_case}/", OTHER),
    # roles in order: the candidate refuses first, then HR finds it answered
    ("post", A + "offers/{own_offer}/refuse/", [200, 404, 400, 404, 400, 400, 404]),
    ("post", A + "candidates/{other_cand}/admissibility/", [404, 404, 404, 400, 400, 400, 404]),
    ("post", "/api/deployability/evaluations/{other_case}/close/", [404, 404, 404, 400, 400, 400, 404]),
    ("post", R + "offers/{other_offer}/refuse/", [404, 404, 404, 302, 400, 400, 400]),
]
BODIES = {
    "refuse": {"reason": "Te ver", "answered_on": "2026-05-11"},
    "admissibility": {"redeployable": True, "reasons": "x", "decided_on": "2026-05-01"},
    "close": {"closed_on": "2026-08-01"},
}


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
        elif url.startswith("/api/"):
            response = client.post(url, data=json.dumps(body), content_type="application/json")
        else:
            response = client.post(url, data=body)
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))


def test_anonymous_visitors_are_sent_to_login_and_the_api_refuses_them(world):
    client = Client()
    assert client.get(R).status_code == 302
    assert client.get("/deployability/evaluations/").status_code == 302
    assert client.get(A + "candidates/").status_code in (401, 403)
    assert client.get("/api/deployability/evaluations/").status_code in (401, 403)


def test_lists_hold_only_what_the_viewer_may_see(world):
    names = {world["ids"]["own_cand"]: "own", world["ids"]["other_cand"]: "other"}
    expected = {"member": {"own"}, "hr": {"own"}, "otherhr": {"other"}, "central": {"own", "other"}}
    for role, wanted in expected.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get(A + "candidates/").json()["results"]
        assert {names[row["id"]] for row in rows} == wanted, role
    cases = {world["ids"]["own_case"]: "own", world["ids"]["other_case"]: "other"}
    for role, wanted in {"hr": {"own"}, "otherhr": {"other"}, "manager": set()}.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get("/api/deployability/evaluations/").json()["results"]
        assert {cases[row["id"]] for row in rows} == wanted, role
