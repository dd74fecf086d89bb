import pytest
from django.test import Client
from django.utils import timezone

from leadership.models import AnnualEvaluation, Mandate
from tests.factories import StaffFactory
from tests.leadership.factories import MandateFactory, TopSessionFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_central_hr_evaluates_and_renews_a_mandate_through_the_api(central_hr):
    mandate = MandateFactory()
    client = _client(central_hr)
    response = client.post(
        f"/api/leadership/top/mandates/{mandate.pk}/evaluate/",
        {"evaluated_on": "2026-01-10", "result": "positive"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["end_evaluation"]["result"] == "positive"
    response = client.post(f"/api/leadership/top/mandates/{mandate.pk}/renew/", content_type="application/json")
    assert response.status_code == 201 and response.json()["term"] == 2
    assert Mandate.objects.filter(official=mandate.official).count() == 2


def test_bad_input_answers_400_with_field_errors(central_hr, entity):
    client = _client(central_hr)
    official = StaffFactory(entity=entity, top_manager=True)
    body = {"official": official.pk, "year": 2025, "rating": "good", "evaluated_on": "2025-12-01"}
    assert client.post("/api/leadership/top/evaluations/", body, content_type="application/json").status_code == 201
    response = client.post("/api/leadership/top/evaluations/", body, content_type="application/json")
    assert response.status_code == 400 and "year" in response.json()
    assert AnnualEvaluation.objects.count() == 1
    response = client.post(
        "/api/leadership/top/mandates/",
        {"official": official.pk, "entity": entity.pk, "function_title": "AG", "start": "9999-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "start" in response.json()
    response = client.post(
        f"/api/leadership/top/vacancies/{VacancyFactory().pk}/candidates/",
        {"name": "X", "gender": "F", "stage": "interview", "outcome": "appointed"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "stage" in response.json()
    response = client.post(
        "/api/leadership/monitoring/targets/",
        {"year": 2025, "tier": "N", "share_percent": 101},
        content_type="application/json",
    )
    assert response.status_code == 400 and "share_percent" in response.json()


def test_a_full_session_answers_400(staff_member, colleague):
    session = TopSessionFactory(capacity=1, held_on=timezone.localdate())
    colleague.user = None
    response = _client(staff_member.user).post(
        f"/api/leadership/top/sessions/{session.pk}/register/",
        {"mailing_opt_in": True},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["mailing_opt_in"] is True
    other = StaffFactory(entity=staff_member.entity, with_user=True)
    response = _client(other.user).post(
        f"/api/leadership/top/sessions/{session.pk}/register/", {}, content_type="application/json"
    )
    assert response.status_code == 400


def test_monitoring_figures_give_suppressed_cells_as_null_with_the_reason(central_hr):
    from leadership.models import SnapshotCount

    for gender, n in (("F", 4), ("M", 30)):
        SnapshotCount.objects.create(
            year=2025, entity_code="a", entity_name="A", tier="N", gender=gender, headcount=n, fte=n
        )
    figures = _client(central_hr).get("/api/leadership/monitoring/figures/").json()
    row = next(r for r in figures["tier"] if r["group"] == "N")
    assert row["women"] is None and row["hidden"]["women"] == "small" and row["share"] is None
    assert figures["min_cell_size"] == 5
