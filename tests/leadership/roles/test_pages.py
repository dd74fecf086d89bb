import pytest
from django.test import Client

from hrportal.models import Competency
from leadership.models import ProfileRequirement

pytestmark = pytest.mark.django_db


def test_central_hr_changes_a_profile_on_the_page_and_others_cannot(central_hr, hr_officer):
    data = {
        "role": "entrepreneur",
        "tier": "N",
        "competency": Competency.objects.get(code="innoveren").pk,
        "required_level": "4",
        "valid_from": "2026-01-01",
    }
    client = Client()
    client.force_login(central_hr)
    assert client.post("/leadership/roles/", {**data, "valid_from": ""}).status_code == 200
    assert client.post("/leadership/roles/", data).status_code == 302
    assert ProfileRequirement.objects.get().required_level == 4
    other = Client()
    other.force_login(hr_officer)
    assert other.post("/leadership/roles/", data).status_code == 404
