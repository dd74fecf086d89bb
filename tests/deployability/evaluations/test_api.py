from datetime import date

import pytest
from rest_framework.test import APIClient

from deployability.models import EvaluationCase
from hrportal.models import Evaluation
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db
A = "/api/deployability/evaluations/"


def test_case_through_the_api(hr_officer, staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    case = EvaluationCase.objects.get().pk
    client = APIClient()
    client.force_authenticate(hr_officer)
    response = client.post(A + f"{case}/special-dismissal/", {"special_circumstances": "", "decided_on": "2026-02-01"})
    assert response.status_code == 400 and "special_circumstances" in response.json()
    response = client.post(A + f"{case}/guidance/", {"kind": "coaching", "goal": "x", "started_on": "2026-01-20"})
    assert response.json()["status"] == "guidance"
    early = client.post(A + f"{case}/evaluations/", {"evaluated_on": "2026-07-14", "rating": "good"})
    assert early.status_code == 400 and "evaluated_on" in early.json()
    response = client.post(A + f"{case}/evaluations/", {"evaluated_on": "2026-07-15", "rating": "insufficient"})
    body = response.json()
    assert body["status"] == "dismissal_required" and body["window"] == 4
    assert any("1 van 4" in item["label"] or "1 of 4" in item["label"] for item in body["timeline"])
    closed = client.post(A + f"{case}/close/", {"closed_on": "2026-08-01"})
    assert closed.status_code == 400
    decided = client.post(A + f"{case}/dismissal/", {"note": "Besluit 12", "decided_on": "2026-08-01"})
    assert decided.json()["outcome"] == "dismissed_mandatory"
