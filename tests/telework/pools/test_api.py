import pytest
from django.test import Client
from django.utils import timezone

from telework.models import ClimateResponse, PoolAssignment, SupportRequest
from tests.telework.pools.factories import ClimateRoundFactory, PoolMemberFactory, SupportRequestFactory
from tests.telework.pools.test_climate import _answers

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_leader_requests_coaching_through_the_api_and_bad_input_gets_field_errors(line_manager, coach_pool):
    client = _client(line_manager.user)
    body = {
        "support_kind": "leadership",
        "description": "Coaching",
        "estimated_hours": 10,
        "wanted_from": "2026-03-01",
        "wanted_until": "2026-02-01",
    }
    response = client.post("/api/telework/pools/requests/", body, content_type="application/json")
    assert response.status_code == 400 and "wanted_until" in response.json()
    response = client.post(
        "/api/telework/pools/requests/", {**body, "estimated_hours": 0}, content_type="application/json"
    )
    assert response.status_code == 400 and "estimated_hours" in response.json()
    assert not SupportRequest.objects.exists()
    body["wanted_until"] = "2026-04-01"
    response = client.post("/api/telework/pools/requests/", body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["support_kind"] == "leadership" and response.json()["coachee"] == line_manager.pk


def test_staff_member_cannot_request_leadership_coaching_through_the_api(staff_member, coach_pool):
    body = {
        "support_kind": "leadership",
        "description": "x",
        "estimated_hours": 1,
        "wanted_from": "2026-03-01",
        "wanted_until": "2026-03-02",
    }
    response = _client(staff_member.user).post("/api/telework/pools/requests/", body, content_type="application/json")
    assert response.status_code == 404


def test_coordinator_assigns_through_the_api_at_the_limit_and_one_hour_over(coach_pool, coordinator, coach):
    client = _client(coordinator.staff.user)
    first, second = SupportRequestFactory(pool=coach_pool), SupportRequestFactory(pool=coach_pool)
    body = {"member": coach.pk, "hours": 300, "period_start": "2026-01-10", "period_end": "2026-02-10"}
    assert (
        client.post(
            f"/api/telework/pools/requests/{first.pk}/assign/", body, content_type="application/json"
        ).status_code
        == 200
    )
    over = client.post(
        f"/api/telework/pools/requests/{second.pk}/assign/", {**body, "hours": 5}, content_type="application/json"
    )
    assert over.status_code == 400 and "hours" in over.json()
    exact = client.post(
        f"/api/telework/pools/requests/{second.pk}/assign/", {**body, "hours": 4}, content_type="application/json"
    )
    assert exact.status_code == 200 and exact.json()["assignment"]["hours"] == 4
    members = client.get(f"/api/telework/pools/{coach_pool.pk}/members/?year=2026").json()
    assert {m["id"]: m["remaining"] for m in members}[coach.pk] == 0


def test_inactive_member_assignment_answers_400_with_member_error(coach_pool, coordinator):
    inactive = PoolMemberFactory(pool=coach_pool, inactive=True)
    request = SupportRequestFactory(pool=coach_pool)
    body = {"member": inactive.pk, "hours": 1, "period_start": "2026-01-10", "period_end": "2026-02-10"}
    response = _client(coordinator.staff.user).post(
        f"/api/telework/pools/requests/{request.pk}/assign/", body, content_type="application/json"
    )
    assert response.status_code == 400 and "member" in response.json()
    assert not PoolAssignment.objects.exists()


def test_coach_lists_own_assignments(coach_pool, coordinator, coach):
    request = SupportRequestFactory(pool=coach_pool)
    body = {"member": coach.pk, "hours": 3, "period_start": "2026-01-10", "period_end": "2026-02-10"}
    _client(coordinator.staff.user).post(
        f"/api/telework/pools/requests/{request.pk}/assign/", body, content_type="application/json"
    )
    rows = _client(coach.staff.user).get("/api/telework/pools/assignments/").json()["results"]
    assert [(r["request"], r["hours"]) for r in rows] == [(request.pk, 3)]
    assert _client(coordinator.staff.user).get("/api/telework/pools/assignments/").json()["results"] == []


def test_survey_round_response_and_results_through_the_api(central_hr, staff_member, entity):
    year = timezone.localdate().year
    bad = _client(central_hr).post(
        "/api/telework/climate/rounds/",
        {"year": year, "opens_on": f"{year}-03-02", "closes_on": f"{year}-03-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "closes_on" in bad.json()
    created = _client(central_hr).post(
        "/api/telework/climate/rounds/",
        {"year": year, "opens_on": f"{year}-01-01", "closes_on": f"{year}-12-31"},
        content_type="application/json",
    )
    assert created.status_code == 201
    round_id = created.json()["id"]
    client = _client(staff_member.user)
    scores = {"autonomy": 5, "trust": 4, "collaboration": 3, "digital": 2, "learning": 1}
    url = f"/api/telework/climate/rounds/{round_id}/respond/"
    assert client.post(url, {**scores, "trust": 6}, content_type="application/json").status_code == 400
    assert client.post(url, scores, content_type="application/json").status_code == 204
    again = client.post(url, scores, content_type="application/json")
    assert again.status_code == 400
    assert ClimateResponse.objects.count() == 1
    results = client.get(f"/api/telework/climate/rounds/{round_id}/results/").json()
    assert results["entities"] == [] and results["suppressed_entities"] == 1 and results["min_cell_size"] == 5


def test_results_api_shows_scores_from_five_responses(central_hr, entity):
    survey = ClimateRoundFactory()
    _answers(survey, entity, 5, score_digital=5)
    body = _client(central_hr).get(f"/api/telework/climate/rounds/{survey.pk}/results/").json()
    assert body["entities"][0]["scores"]["digital"] == 5.0 and body["entities"][0]["responses"] == 5


def test_request_for_a_kind_without_a_pool_answers_400_on_support_kind(line_manager):
    body = {
        "support_kind": "process",
        "entity": line_manager.entity_id,
        "description": "Zelfsturende teams",
        "estimated_hours": 8,
        "wanted_from": "2026-03-01",
        "wanted_until": "2026-03-31",
    }
    response = _client(line_manager.user).post("/api/telework/pools/requests/", body, content_type="application/json")
    assert response.status_code == 400 and "support_kind" in response.json()
