from datetime import date

import pytest
from django.urls import reverse

from deployability.models import EvaluationCase
from hrportal.models import Evaluation
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    return EvaluationCase.objects.get()


def test_hr_works_a_case_through_the_pages(client, hr_officer, case):
    client.force_login(hr_officer)
    assert client.get(reverse("deployability:evaluations-cases")).status_code == 200
    detail = reverse("deployability:evaluations-case-detail", args=[case.pk])
    assert client.get(detail).status_code == 200
    response = client.post(
        reverse("deployability:evaluations-case-special", args=[case.pk]),
        {"special_circumstances": "", "decided_on": "2026-02-01"},
    )
    assert response.status_code == 400
    response = client.post(
        reverse("deployability:evaluations-case-guidance", args=[case.pk]),
        {"kind": "coaching", "goal": "Werkpunten", "started_on": "2026-01-20"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("deployability:evaluations-case-evaluation", args=[case.pk]),
        {"evaluated_on": "2026-07-14", "rating": "good"},
    )
    assert response.status_code == 400
    response = client.post(
        reverse("deployability:evaluations-case-evaluation", args=[case.pk]),
        {"evaluated_on": "2026-07-15", "rating": "insufficient"},
    )
    assert response.status_code == 302
    page = client.get(detail).content.decode()
    case.refresh_from_db()
    assert case.status == EvaluationCase.Status.DISMISSAL_REQUIRED
    response = client.post(reverse("deployability:evaluations-case-close", args=[case.pk]), {"closed_on": "2026-08-01"})
    assert response.status_code == 404 or response.status_code == 400
    response = client.post(
        reverse("deployability:evaluations-case-dismissal", args=[case.pk]),
        {"note": "Besluit 2026/44", "decided_on": "2026-08-01"},
    )
    assert response.status_code == 302
    assert page


def test_other_entity_and_manager_get_404(client, case, outsider, line_manager):
    for user in (outsider.user, line_manager.user):
        client.force_login(user)
        assert client.get(reverse("deployability:evaluations-case-detail", args=[case.pk])).status_code == 404
