"""Issue 14 §3: input any signed-in person can send answers 400 (or an empty result), never 500.
Each case of the issue, at the limit of the date range and one past it."""

import json
from datetime import date

import pytest
from django.test import Client
from rest_framework.test import APIClient

from hrportal.inputs import date_bounds
from mobility.models import MobilityApplication, TalentOffer
from telework.models import TeleworkAgreement
from tests.mobility.international.conftest import call  # noqa: F401 - fixture
from tests.mobility.marketplace.conftest import skills  # noqa: F401 - fixture
from tests.telework.pools.conftest import coach_pool, coordinator  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_date_range_is_set_in_settings(settings):
    settings.INPUT_DATE_PAST_YEARS, settings.INPUT_DATE_FUTURE_YEARS = 70, 10
    first, last = date_bounds(today=date(2026, 11, 30))
    assert (first, last) == (date(1956, 1, 1), date(2036, 12, 31))


def test_an_international_application_in_the_year_9999_is_a_400(call, staff_member):  # noqa: F811
    response = api(staff_member.user).post(
        "/api/mobility/international/applications/",
        {"call": call.pk, "start": "9999-12-01", "end": "9999-12-31"},
        format="json",
    )
    assert response.status_code == 400 and "start" in response.json()
    assert not MobilityApplication.objects.exists()


def test_a_telework_request_until_9999_is_refused_at_the_limit_plus_one(staff_member):
    _first, last = date_bounds()
    client = api(staff_member.user)
    body = {"days_per_week": 1, "pattern": "flexible", "preferred_day": 3, "start": date.today().isoformat()}
    past = client.post("/api/telework/agreements/", {**body, "end": "9999-12-31"}, format="json")
    assert past.status_code == 400 and "end" in past.json()
    one_past = client.post(
        "/api/telework/agreements/",
        {**body, "end": last.replace(year=last.year + 1, month=1, day=1).isoformat()},
        format="json",
    )
    assert one_past.status_code == 400
    at_limit = client.post("/api/telework/agreements/", {**body, "end": last.isoformat()}, format="json")
    assert at_limit.status_code == 201, at_limit.content
    assert TeleworkAgreement.objects.count() == 1


def test_the_telework_form_refuses_a_date_out_of_range_with_a_message(staff_member):
    client = Client()
    client.force_login(staff_member.user)
    response = client.post(
        "/telework/agreements/new/",
        {"days_per_week": 1, "pattern": "flexible", "preferred_day": 3, "start": "9999-12-01"},
    )
    assert response.status_code == 200
    assert "Geef een datum tussen" in response.content.decode()


def test_a_nul_byte_in_a_query_or_form_answers_400(hr_officer, staff_member):
    client = Client()
    client.force_login(hr_officer)
    assert client.get("/audit/?action=a%00b").status_code == 400
    assert client.get("/api/audit/?action=a%00b").status_code == 400
    assert client.get("/staff/?q=x%00").status_code == 400
    # a browser's form post (urlencoded) is refused before the view; a multipart one gets the form's error
    urlencoded = Client().post("/login/", "username=a%00b&password=x", content_type="application/x-www-form-urlencoded")
    assert urlencoded.status_code == 400
    assert Client().post("/login/", {"username": "a\x00b", "password": "x"}).status_code == 200


@pytest.mark.parametrize("year", ["-1", "0", "10000", "2.5", "abc"])
def test_absurd_budget_years_answer_400(central_hr, coach_pool, coordinator, year):  # noqa: F811
    response = api(central_hr).get(f"/api/telework/pools/{coach_pool.pk}/members/", {"year": year})
    assert response.status_code == 400 and "year" in response.json()


def test_a_budget_year_in_range_answers(central_hr, coach_pool, coordinator):  # noqa: F811
    assert api(central_hr).get(f"/api/telework/pools/{coach_pool.pk}/members/", {"year": "2026"}).status_code == 200


def test_an_id_filter_far_beyond_any_key_answers_400(staff_member):
    response = api(staff_member.user).get("/api/telework/agreements/", {"entity": "-1.7976931348623157e+308"})
    assert response.status_code == 400
    response = api(staff_member.user).get("/api/telework/agreements/", {"staff": str(2**70)})
    assert response.status_code == 400


def _offer(skills, description):  # noqa: F811
    return {
        "title": "Analyses",
        "description": description,
        "time_share_percent": 40,
        "start": date.today().isoformat(),
        "end": date.today().replace(year=date.today().year + 1).isoformat(),
        "languages": ["nl"],
        "competencies": [{"competency": skills["analyseren"].pk, "level": 3}],
    }


def test_free_text_has_a_maximum_length_and_the_api_a_body_limit(staff_member, skills, settings):  # noqa: F811
    client = api(staff_member.user)
    ten_mb = client.post("/api/mobility/marketplace/offers/", _offer(skills, "x" * 10_000_000), format="json")
    assert ten_mb.status_code == 413
    too_long = client.post("/api/mobility/marketplace/offers/", _offer(skills, "x" * 10_001), format="json")
    assert too_long.status_code == 400 and "description" in too_long.json()
    at_limit = client.post("/api/mobility/marketplace/offers/", _offer(skills, "x" * 10_000), format="json")
    assert at_limit.status_code == 201, at_limit.content
    assert TalentOffer.objects.count() == 1


def test_every_free_text_model_field_has_a_maximum_length():
    from django.apps import apps
    from django.db import models

    exempt = {("hrportal", "auditevent"), ("hrportal", "reportrun"), ("hrportal", "outboxmessage")}  # written by code
    missing = [
        f"{model._meta.label}.{field.name}"
        for app in ("hrportal", "mobility", "telework", "reward", "deployability", "leadership")
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and field.max_length is None
        and (model._meta.app_label, model._meta.model_name) not in exempt
    ]
    assert missing == []


def test_nul_bytes_in_json_answer_400_with_the_field(staff_member, skills):  # noqa: F811
    response = api(staff_member.user).post("/api/mobility/marketplace/offers/", _offer(skills, "a\x00b"), format="json")
    assert response.status_code == 400 and "description" in response.json()
    assert json.dumps(response.json())
