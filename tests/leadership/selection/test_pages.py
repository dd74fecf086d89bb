"""The selection pages: open a selection, record candidates (bad input answers the form), appoint, evaluate."""

from datetime import date

import pytest
from django.test import Client

from leadership.models import Candidate, Probation, Selection
from tests.factories import StaffFactory
from tests.leadership.factories import ProbationFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_hr_runs_a_selection_through_the_pages(hr_officer, entity, line_manager):
    client = _client(hr_officer)
    response = client.post(
        "/leadership/selection/new/",
        {"post": "Afdelingshoofd", "entity": entity.pk, "opens_on": "2026-03-01", "closes_on": "2026-04-01"},
    )
    selection = Selection.objects.get()
    assert response.status_code == 302 and response.url == f"/leadership/selection/{selection.pk}/"
    internal = StaffFactory(entity=entity, line_manager=line_manager)
    url = f"/leadership/selection/{selection.pk}/candidates/"
    data = {"staff": internal.personnel_number, "experience_years": 5, "experience_months": 0, "experience_days": 364}
    assert client.post(url, data).status_code == 302
    assert Candidate.objects.get(staff=internal).status == Candidate.Status.NOT_ADMISSIBLE
    external = {"external_name": "Extern", "external_email": "e@example.org", "experience_years": 6}
    assert client.post(url, {**external, "experience_months": 0, "experience_days": 0}).status_code == 302
    bad = client.post(url, {"experience_years": "x"})
    assert bad.status_code == 200 and b"govuk-error-summary" in bad.content
    outsider = StaffFactory()
    response = client.post(url, {"staff": outsider.personnel_number, "experience_years": 8})
    assert response.status_code == 200 and not Candidate.objects.filter(staff=outsider).exists()
    admissible = Candidate.objects.get(status=Candidate.Status.ADMISSIBLE)
    appoint = f"/leadership/selection/{selection.pk}/appoint/"
    hired = StaffFactory(entity=entity)
    too_long = {"candidate": admissible.pk, "starts_on": "2026-05-01", "probation_months": 13}
    response = client.post(appoint, {**too_long, "staff": hired.personnel_number})
    assert response.status_code == 200 and b"6 tot 12" in response.content
    response = client.post(appoint, {**too_long, "probation_months": 12, "staff": hired.personnel_number})
    probation = Probation.objects.get()
    assert response.status_code == 302 and probation.staff == hired and probation.ends_on == date(2027, 4, 30)


def test_the_line_manager_evaluates_a_probation_on_its_page(line_manager, entity):
    probation = ProbationFactory(staff=StaffFactory(entity=entity, line_manager=line_manager))
    client = _client(line_manager.user)
    url = f"/leadership/selection/probations/{probation.pk}/"
    page = client.get(url)
    assert b"Record evaluation" in page.content or b"Evaluatie registreren" in page.content
    early = client.post(url, {"outcome": "positive", "evaluated_on": "2025-08-01"})
    assert early.status_code == 200 and b"govuk-error-summary" in early.content
    assert client.post(url, {"outcome": "positive", "evaluated_on": "2025-09-01"}).status_code == 302
    probation.refresh_from_db()
    assert probation.outcome == Probation.Outcome.POSITIVE
