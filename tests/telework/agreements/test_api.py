from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from telework.models import TeleworkAgreement, TeleworkExplanation
from tests.factories import FunctionFactory
from tests.telework.agreements.conftest import MONDAY, approved_on
from tests.telework.agreements.factories import TeleworkAgreementFactory

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_staff_asks_and_manager_approves_through_the_api(
    staff_member, line_manager, django_capture_on_commit_callbacks, mailoutbox
):
    start = (timezone.localdate() + timedelta(days=7)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        created = api_for(staff_member.user).post(
            "/api/telework/agreements/",
            {"days_per_week": 1, "pattern": "flexible", "preferred_day": 3, "start": start},
            format="json",
        )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "requested" and body["weekdays"] == [3]
    pending = api_for(line_manager.user).get("/api/telework/approvals/").json()
    assert [row["id"] for row in pending["results"]] == [body["id"]]
    with django_capture_on_commit_callbacks(execute=True):
        approved = api_for(line_manager.user).post(f"/api/telework/agreements/{body['id']}/approve/", {}, format="json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert len(mailoutbox) == 2


def test_status_and_decider_cannot_be_sent_by_the_client(staff_member):
    start = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = api_for(staff_member.user).post(
        "/api/telework/agreements/",
        {"days_per_week": 1, "pattern": "flexible", "preferred_day": 3, "start": start, "status": "approved"},
        format="json",
    )
    assert response.json()["status"] == "requested"


def test_bad_input_answers_400_with_field_errors_and_stores_nothing(staff_member):
    client = api_for(staff_member.user)
    response = client.post("/api/telework/agreements/", {"days_per_week": 9, "pattern": "x"}, format="json")
    assert response.status_code == 400
    assert {"days_per_week", "pattern", "preferred_day", "start"} <= set(response.json())
    response = client.post(
        "/api/telework/agreements/",
        {"days_per_week": 2, "pattern": "fixed", "weekdays": [0], "preferred_day": 0, "start": "2030-01-01"},
        format="json",
    )
    assert response.status_code == 400 and "weekdays" in response.json()
    assert not TeleworkAgreement.objects.exists()


def test_rule_refusals_answer_400_with_the_reason(staff_member, team_leader):
    staff_member.function = FunctionFactory(name="Piloot", teleworkable=False)
    staff_member.save()
    response = api_for(staff_member.user).post(
        "/api/telework/agreements/",
        {"days_per_week": 1, "pattern": "flexible", "preferred_day": 3, "start": "2030-01-01"},
        format="json",
    )
    assert response.status_code == 400 and "Piloot" in str(response.json())
    pending = TeleworkAgreementFactory(staff=staff_member)
    refused = api_for(team_leader.user).post(f"/api/telework/agreements/{pending.pk}/refuse/", {}, format="json")
    assert refused.status_code == 400 and "reason" in refused.json()


def test_change_and_end_through_the_api(staff_member, team_leader):
    today = timezone.localdate()
    old = approved_on(staff_member, [MONDAY], start=today - timedelta(days=20))
    client = api_for(staff_member.user)
    change = client.post(
        f"/api/telework/agreements/{old.pk}/change/",
        {
            "days_per_week": 1,
            "pattern": "fixed",
            "weekdays": [4],
            "preferred_day": 4,
            "start": (today + timedelta(days=10)).isoformat(),
        },
        format="json",
    )
    assert change.status_code == 201 and change.json()["supersedes"] == old.pk
    ended = api_for(team_leader.user).post(
        f"/api/telework/agreements/{old.pk}/end/", {"end": today.isoformat(), "reason": "Reorganisatie"}, format="json"
    )
    assert ended.status_code == 200 and ended.json()["end"] == today.isoformat()


def test_hr_records_comply_or_explain_and_reads_the_register(hr_officer, entity, other_entity):
    client = api_for(hr_officer)
    today = timezone.localdate().isoformat()
    response = client.post(
        "/api/telework/explanations/",
        {"entity": entity.pk, "applies_telework": False, "effective_from": today},
        format="json",
    )
    assert response.status_code == 400 and "explanation" in response.json()
    response = client.post(
        "/api/telework/explanations/",
        {"entity": other_entity.pk, "applies_telework": False, "explanation": "x", "effective_from": today},
        format="json",
    )
    assert response.status_code == 404
    response = client.post(
        "/api/telework/explanations/",
        {"entity": entity.pk, "applies_telework": False, "explanation": "Loket", "effective_from": today},
        format="json",
    )
    assert response.status_code == 201 and TeleworkExplanation.objects.count() == 1
    register = client.get("/api/telework/register/").json()
    assert register == [
        {"entity_id": entity.pk, "entity": entity.name, "deviates": True, "explanation": "Loket", "since": today}
    ]


def test_occupancy_api_answers_per_entity_and_weekday(central_hr, staff_member):
    approved_on(staff_member, [MONDAY], start=timezone.localdate())
    rows = api_for(central_hr).get("/api/telework/occupancy/").json()
    row = next(r for r in rows if r["entity_id"] == staff_member.entity_id)
    assert row["days"][0]["teleworkers"] == 1 and row["headcount"] == 3
    assert api_for(central_hr).get("/api/telework/occupancy/", {"on": "nope"}).status_code == 400


def test_openapi_schema_builds_without_warnings():
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
