import pytest
from django.test import Client

from leadership.models import Assessment

pytestmark = pytest.mark.django_db


def test_hr_records_an_assessment_on_the_page(hr_officer, staff_member, line_manager):
    client = Client()
    client.force_login(hr_officer)
    data = {
        "staff": staff_member.personnel_number,
        "role": "coach",
        "tier": "lower",
        "assessed_on": "2026-02-01",
        "assessors": line_manager.personnel_number,
        "result": "develop",
        "score_coachen": "3",
    }
    assert client.post("/leadership/potential/new/", {**data, "assessors": "nobody"}).status_code == 200
    response = client.post("/leadership/potential/new/", data)
    assessment = Assessment.objects.get()
    assert response.status_code == 302 and assessment.scores.get().competency.code == "coachen"
    manager = Client()
    manager.force_login(line_manager.user)
    assert manager.get(f"/leadership/potential/{assessment.pk}/").status_code == 404
