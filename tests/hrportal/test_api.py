import pytest
from rest_framework.test import APIClient

from hrportal.models import Competency
from hrportal.parameters.models import PolicyParameter

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(staff_member):
    client = APIClient()
    client.force_authenticate(staff_member.user)
    return client


def test_profile_update_with_bad_input_answers_400_with_field_errors_and_keeps_data(api, staff_member):
    competency = Competency.objects.first()
    ok = api.put(
        f"/api/staff/{staff_member.pk}/profile/",
        {
            "languages": [{"language": "nl", "proficiency": "native"}],
            "competencies": [{"competency": competency.pk, "level": 2}],
        },
        format="json",
    )
    assert ok.status_code == 200
    bad = api.put(
        f"/api/staff/{staff_member.pk}/profile/",
        {
            "languages": [{"language": "xx", "proficiency": "native"}],
            "competencies": [{"competency": competency.pk, "level": 9}],
        },
        format="json",
    )
    assert bad.status_code == 400
    assert "language" in bad.json()["languages"][0]
    assert "level" in bad.json()["competencies"][0]
    assert list(staff_member.competencies.values_list("level", flat=True)) == [2]


def test_duplicate_competency_answers_400_from_the_service(api, staff_member):
    competency = Competency.objects.first()
    response = api.put(
        f"/api/staff/{staff_member.pk}/profile/",
        {
            "languages": [],
            "competencies": [{"competency": competency.pk, "level": 2}, {"competency": competency.pk, "level": 3}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "competencies" in response.json()


def test_parameter_post_validates_fields(central_hr):
    client = APIClient()
    client.force_authenticate(central_hr)
    response = client.post(
        "/api/parameters/",
        {"key": "telework.office_norm_percent", "value": -1, "valid_from": "not a date"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"value", "valid_from"}
    unknown = client.post("/api/parameters/", {"key": "nope", "value": 1, "valid_from": "2030-01-01"}, format="json")
    assert unknown.status_code == 400 and "key" in unknown.json()
    assert not PolicyParameter.objects.exists()


def test_parameter_list_answers_the_value_on_a_date(central_hr):
    client = APIClient()
    client.force_authenticate(central_hr)
    client.post(
        "/api/parameters/",
        {"key": "telework.office_norm_percent", "value": 50, "valid_from": "2021-01-01", "legal_basis": "BVR 2020"},
        format="json",
    )
    before = {p["key"]: p["current"] for p in client.get("/api/parameters/?on=2020-12-31").json()}
    after = {p["key"]: p["current"] for p in client.get("/api/parameters/?on=2021-01-01").json()}
    assert before["telework.office_norm_percent"] == 80
    assert after["telework.office_norm_percent"] == 50
    assert client.get("/api/parameters/?on=garbage").status_code == 400


def test_staff_filters_and_search(central_hr, staff_member, outsider):
    client = APIClient()
    client.force_authenticate(central_hr)
    by_name = client.get("/api/staff/", {"q": staff_member.last_name}).json()
    assert staff_member.pk in {r["id"] for r in by_name["results"]}
    by_entity = client.get("/api/staff/", {"entity": outsider.entity_id}).json()
    assert {r["id"] for r in by_entity["results"]} == {outsider.pk}
    assert client.get("/api/staff/", {"level": "Z"}).status_code == 400


def test_openapi_schema_is_served(staff_member):
    client = APIClient()
    client.force_authenticate(staff_member.user)
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/staff/" in paths and "/api/reports/" in paths and "/api/parameters/" in paths


def test_report_request_with_unknown_kind_is_400(central_hr):
    client = APIClient()
    client.force_authenticate(central_hr)
    response = client.post("/api/reports/", {"kind": "nope"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()
