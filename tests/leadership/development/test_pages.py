import pytest
from django.test import Client

from leadership.models import Enrolment
from tests.leadership.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_enrol_and_the_line_manager_agrees_on_the_pages(staff_member, line_manager, hr_officer):
    session = SessionFactory(capacity=1)
    trajectory = session.module.trajectory_id
    member = _client(staff_member.user)
    assert member.post(f"/leadership/development/sessions/{session.pk}/enrol/").status_code == 302
    enrolment = Enrolment.objects.get()
    manager = _client(line_manager.user)
    assert staff_member.full_name.encode() in manager.get("/leadership/development/decisions/").content
    url = f"/leadership/development/enrolments/{enrolment.pk}/"
    refused = manager.post(url, {"action": "decide", "decision": "refuse"})
    assert refused.status_code == 200 and b"govuk-error-summary" in refused.content
    assert manager.post(url, {"action": "decide", "decision": "agree"}).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.AGREED
    assert member.post(url, {"action": "decide", "decision": "agree"}).status_code == 404
    page = member.get(f"/leadership/development/trajectories/{trajectory}/")
    assert page.status_code == 200
    hr = _client(hr_officer)
    assert hr.post(f"/leadership/development/trajectories/{trajectory}/", {"module": "x"}).status_code == 200
    assert member.post(f"/leadership/development/trajectories/{trajectory}/", {}).status_code == 404
