import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client

from mobility.international.services import stay_last_day
from mobility.models import ExternalApplicant, MobilityApplication
from tests.factories import StaffFactory
from tests.mobility.international.factories import VacancyFactory, today

pytestmark = pytest.mark.django_db


def api(user):
    client = Client()
    client.force_login(user)

    def post(url, body):
        return client.post(f"/api/mobility/{url}", data=json.dumps(body), content_type="application/json")

    client.post_json = post
    return client


def test_full_flow_through_the_api(call, staff_member, line_manager, hr_officer):
    start = today() + timedelta(days=30)
    created = api(staff_member.user).post_json(
        "international/applications/",
        {"call": call.pk, "start": start.isoformat(), "end": stay_last_day(start, 6).isoformat()},
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "submitted"
    agreed = api(line_manager.user).post_json(f"international/applications/{pk}/manager-decision/", {"agree": True})
    assert agreed.json()["status"] == "awaiting_host"
    approved = api(hr_officer).post_json(
        f"international/applications/{pk}/host-decision/", {"outcome": "green_light", "note": "OK van BZK"}
    )
    assert approved.json()["status"] == "host_approved" and approved.json()["host_note"] == "OK van BZK"
    claim = api(staff_member.user).post_json(
        f"international/applications/{pk}/claims/",
        {"cost_kind": "stay", "claim_date": today().isoformat(), "amount": "1999.99"},
    )
    assert claim.status_code == 201
    assert claim.json()["reimbursed_amount"] == "1000.00" and claim.json()["reimbursed_percent"] == 50
    totals = api(hr_officer).get("/api/mobility/international/totals/").json()
    assert totals == [
        {
            "call_id": call.pk,
            "title": call.title,
            "call_kind": "exchange",
            "claims": 1,
            "travel": "0.00",
            "stay": "1999.99",
            "claimed": "1999.99",
            "reimbursed": "1000.00",
            "own_share": "999.99",
        }
    ]


def test_rule_violations_answer_400_with_field_errors(call, staff_member):
    start = today() + timedelta(days=30)
    client = api(staff_member.user)
    too_long = client.post_json(
        "international/applications/",
        {"call": call.pk, "start": start.isoformat(), "end": (stay_last_day(start, 6) + timedelta(days=1)).isoformat()},
    )
    assert too_long.status_code == 400 and "end" in too_long.json()
    bad_format = client.post_json("international/applications/", {"call": call.pk, "start": "gisteren"})
    assert bad_format.status_code == 400 and {"start", "end"} <= set(bad_format.json())
    assert not MobilityApplication.objects.exists()


def test_level_outside_the_call_answers_400(call, entity):
    member = StaffFactory(entity=entity, with_user=True, level="D", grade="D1")
    start = today() + timedelta(days=30)
    response = api(member.user).post_json(
        "international/applications/",
        {"call": call.pk, "start": start.isoformat(), "end": stay_last_day(start, 1).isoformat()},
    )
    assert response.status_code == 400
    assert "niveau" in json.dumps(response.json()).lower() or "level" in json.dumps(response.json()).lower()


def test_unknown_call_answers_404(staff_member):
    response = api(staff_member.user).post_json(
        "international/applications/", {"call": 999999, "start": "2030-01-01", "end": "2030-02-01"}
    )
    assert response.status_code == 404


def test_external_applicant_not_permanently_appointed_answers_400_and_stores_nothing(central_hr):
    vacancy = VacancyFactory()
    response = api(central_hr).post_json(
        f"external/vacancies/{vacancy.pk}/applicants/",
        {
            "first_name": "An",
            "last_name": "Jacobs",
            "email": "an@gemeente.example",
            "origin": "local_government",
            "employer": "Gemeente Lier",
            "permanently_appointed": False,
            "seniority_years": 6,
            "seniority_months": 5,
        },
    )
    assert response.status_code == 400 and "permanently_appointed" in response.json()
    assert not ExternalApplicant.objects.exists()


def test_detachment_api_computes_the_compensation(central_hr, staff_member):
    response = api(central_hr).post_json(
        "detachments/",
        {
            "staff": staff_member.pk,
            "institution": "Raad van Europa",
            "start": today().isoformat(),
            "annual_salary_cost": "75000.50",
            "institution_pays_salary": False,
        },
    )
    assert response.status_code == 201
    assert response.json()["compensation_amount"] == "37500.25"
    unknown = api(central_hr).post_json(
        "detachments/",
        {"staff": 999999, "institution": "X", "start": today().isoformat(), "annual_salary_cost": "1",
         "institution_pays_salary": True},
    )  # fmt: skip
    assert unknown.status_code == 400 and "staff" in unknown.json()
    assert Decimal(response.json()["annual_salary_cost"]) == Decimal("75000.50")
