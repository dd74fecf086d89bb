import pytest
from rest_framework.test import APIClient

from deployability.models import Offer, RedeploymentCandidate
from tests.deployability.redeployment.factories import VacancyFactory
from tests.factories import FunctionFactory

pytestmark = pytest.mark.django_db
A = "/api/deployability/redeployment/"


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_whole_road_through_the_api(line_manager, staff_member, hr_officer, entity):
    manager = _client(line_manager.user)
    response = manager.post(
        A + "trajectories/",
        {
            "personnel_number": staff_member.personnel_number,
            "kind": "development",
            "goal": "Nieuwe rol",
            "started_on": "2026-01-05",
            "steps": [{"title": "Opleiding", "planned_on": "2026-02-01"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    trajectory = response.json()["id"]
    refused = manager.post(A + f"trajectories/{trajectory}/register/", {"registered_on": "2026-04-01"}, format="json")
    assert refused.status_code == 400 and "staff" in refused.json()
    assert (
        manager.post(
            A + f"trajectories/{trajectory}/steps/", {"title": "Gesprek", "planned_on": "2026-03-01"}
        ).status_code
        == 201
    )
    done = manager.post(
        A + f"trajectories/{trajectory}/complete/", {"completed_on": "2026-03-31", "outcome": "Goed"}, format="json"
    )
    assert done.json()["status"] == "completed"
    candidate = manager.post(A + f"trajectories/{trajectory}/register/", {"registered_on": "2026-04-01"}, format="json")
    assert candidate.status_code == 201
    candidate = candidate.json()["id"]
    hr = _client(hr_officer)
    decided = hr.post(
        A + f"candidates/{candidate}/admissibility/",
        {"redeployable": True, "reasons": "Breed profiel", "decided_on": "2026-04-10"},
        format="json",
    )
    assert decided.json()["status"] == "redeployable"
    published = hr.post(
        A + "vacancies/",
        {
            "title": "Beleidsmedewerker",
            "function": FunctionFactory().pk,
            "grade": "B1",
            "entity": entity.pk,
            "place": "Gent",
            "published_on": "2026-05-01",
        },
        format="json",
    )
    assert published.status_code == 201, published.json()
    vacancy = published.json()["id"]
    ranked = hr.get(A + f"vacancies/{vacancy}/candidates/").json()
    assert [row["candidate"] for row in ranked] == [candidate]
    fill = hr.post(A + f"vacancies/{vacancy}/fill/", {"filled_on": "2026-05-02"}, format="json")
    assert fill.status_code == 400 and "filled_on" in fill.json()
    higher = VacancyFactory(grade="A2")
    assert (
        hr.post(A + f"candidates/{candidate}/offers/", {"vacancy": higher.pk, "offered_on": "2026-05-03"}).status_code
        == 400
    )
    for number in (1, 2):
        other = vacancy if number == 1 else VacancyFactory().pk
        offer = hr.post(
            A + f"candidates/{candidate}/offers/", {"vacancy": other, "offered_on": "2026-05-10"}, format="json"
        )
        assert offer.status_code == 201, offer.json()
        refusal = _client(staff_member.user).post(
            A + f"offers/{offer.json()['id']}/refuse/", {"reason": "Nee", "answered_on": "2026-05-11"}, format="json"
        )
        assert refusal.json()["refusals"] == number
    third = hr.post(A + f"candidates/{candidate}/offers/", {"vacancy": VacancyFactory().pk, "offered_on": "2026-05-12"})
    assert third.json()["status"] == Offer.Status.EX_OFFICIO
    mine = _client(staff_member.user).get(A + f"candidates/{candidate}/").json()
    assert (mine["status"], mine["refusals"], mine["refusal_limit"]) == (RedeploymentCandidate.Status.PLACED, 2, 2)


def test_not_redeployable_team_through_the_api(hr_officer, staff_member):
    from tests.deployability.redeployment.factories import CandidateFactory

    candidate = CandidateFactory(staff=staff_member, status=RedeploymentCandidate.Status.REGISTERED)
    hr = _client(hr_officer)
    hr.post(
        A + f"candidates/{candidate.pk}/admissibility/",
        {"redeployable": False, "reasons": "Medisch", "decided_on": "2026-04-10"},
        format="json",
    )
    assert hr.post(A + f"candidates/{candidate.pk}/team-members/", {"name": "Dr. X", "role": "arts"}).status_code == 201
    bad = hr.post(A + f"candidates/{candidate.pk}/team-meetings/", {"held_on": "2026-04-01", "notes": "x"})
    assert bad.status_code == 400 and "held_on" in bad.json()


def test_internal_trajectory_closed_and_vacancy_withdrawn_through_the_api(hr_officer, other_hr, staff_member, entity):
    from tests.deployability.redeployment.factories import CandidateFactory

    candidate = CandidateFactory(staff=staff_member, status=RedeploymentCandidate.Status.REGISTERED)
    hr = _client(hr_officer)
    hr.post(
        A + f"candidates/{candidate.pk}/admissibility/",
        {"redeployable": False, "reasons": "Medisch", "decided_on": "2026-04-10"},
        format="json",
    )
    closed = hr.post(
        A + f"candidates/{candidate.pk}/internal-close/", {"closed_on": "2026-06-01", "outcome": "Aangepast werk"}
    )
    assert closed.json()["status"] == "withdrawn"
    vacancy = VacancyFactory(entity=entity)
    assert _client(other_hr).post(A + f"vacancies/{vacancy.pk}/withdraw/").status_code == 404
    assert hr.post(A + f"vacancies/{vacancy.pk}/withdraw/").json()["status"] == "withdrawn"
    assert hr.post(A + f"vacancies/{vacancy.pk}/withdraw/").status_code == 400
