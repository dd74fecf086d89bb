from datetime import date

import pytest
from django.test import Client

from deployability.models import EvaluationCase, GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy
from hrportal.models import Evaluation
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db


def test_the_core_admin_refuses_an_evaluation_too_soon_after_an_insufficient(admin_user, staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    client = Client()
    client.force_login(admin_user)
    data = {"staff": staff_member.pk, "evaluated_on": "2026-07-14", "rating": "good", "remarks": ""}
    response = client.post("/admin/hrportal/evaluation/add/", data)
    assert response.status_code == 200 and not Evaluation.objects.filter(evaluated_on=date(2026, 7, 14)).exists()
    data["evaluated_on"] = "2026-07-15"
    assert client.post("/admin/hrportal/evaluation/add/", data).status_code == 302
    assert client.get(f"/admin/hrportal/staff/{staff_member.pk}/change/").status_code == 200


def test_deployability_admin_pages_open(admin_user, staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    client = Client()
    client.force_login(admin_user)
    for model in (EvaluationCase, GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy):
        url = f"/admin/deployability/{model._meta.model_name}/"
        assert client.get(url).status_code == 200, url
    case = EvaluationCase.objects.get()
    assert client.get(f"/admin/deployability/evaluationcase/{case.pk}/change/").status_code == 200
