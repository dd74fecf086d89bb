from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from leadership.models import Mandate, Registration, SnapshotCount
from tests.factories import StaffFactory
from tests.leadership.factories import MandateFactory, TopSessionFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_central_hr_records_evaluates_and_renews_a_mandate_through_the_pages(central_hr, entity):
    official = StaffFactory(entity=entity, top_manager=True)
    client = _client(central_hr)
    response = client.post(
        "/leadership/top/mandates/new/",
        {"official": official.personnel_number, "entity": entity.pk, "function_title": "AG", "start": "2020-05-01"},
    )
    mandate = Mandate.objects.get(official=official)
    assert response.status_code == 302 and mandate.end == date(2026, 5, 1)
    # renewing first is refused with the rule's message
    response = client.post(f"/leadership/top/mandates/{mandate.pk}/renew/", follow=True)
    assert "end-of-mandate evaluation" in response.content.decode() or "eindevaluatie" in response.content.decode()
    response = client.post(
        f"/leadership/top/mandates/{mandate.pk}/evaluate/", {"evaluated_on": "2026-03-01", "result": "positive"}
    )
    assert response.status_code == 302
    client.post(f"/leadership/top/mandates/{mandate.pk}/renew/")
    assert Mandate.objects.filter(official=official, term=2, start=date(2026, 5, 1)).exists()


def test_a_form_error_is_shown_not_a_500(central_hr):
    client = _client(central_hr)
    response = client.post("/leadership/top/mandates/new/", {"official": "nobody", "start": "3000-01-01"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_a_second_annual_evaluation_for_the_same_year_shows_the_rule(central_hr, entity):
    official = StaffFactory(entity=entity, top_manager=True)
    client = _client(central_hr)
    data = {"official": official.personnel_number, "year": 2025, "rating": "good", "evaluated_on": "2025-12-01"}
    assert client.post("/leadership/top/evaluations/", data).status_code == 302
    response = client.post("/leadership/top/evaluations/", data)
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_staff_register_for_a_panel_event_with_the_mailing_list_opt_in(staff_member):
    session = TopSessionFactory(held_on=timezone.localdate())
    client = _client(staff_member.user)
    response = client.post(f"/leadership/top/sessions/{session.pk}/register/", {"mailing_opt_in": "on"})
    assert response.status_code == 302
    assert Registration.objects.get(session=session, staff=staff_member).mailing_opt_in is True
    page = client.get("/leadership/top/").content.decode()
    assert session.title in page


def test_an_official_sees_their_own_mandate(entity):
    mandate = MandateFactory(official=StaffFactory(entity=entity, top_manager=True, with_user=True))
    page = _client(mandate.official.user).get("/leadership/top/mine/").content.decode()
    assert mandate.function_title in page


def test_central_hr_runs_the_monitoring_report_and_sees_suppressed_cells_marked(
    central_hr, django_capture_on_commit_callbacks
):
    year = timezone.localdate().year - 1
    for code, women, men in (("a", 3, 9), ("b", 8, 11)):
        for gender, n in (("F", women), ("M", men)):
            SnapshotCount.objects.create(
                year=year, entity_code=code, entity_name=code.upper(), tier="N-1", gender=gender, headcount=n, fte=n
            )
    client = _client(central_hr)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/leadership/monitoring/reports/leadership_gender_monitoring/run/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'data-suppressed="small"' in page
    assert 'data-suppressed="complementary"' in page
    assert 'id="suppression-legend"' in page
