from datetime import date

import pytest
from django.test import Client

from deployability.models import LeaveRequest

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_request_leave_on_the_form_and_the_manager_approves(staff_member, line_manager, favour):
    client = _client(staff_member.user)
    response = client.post(
        "/deployability/leave/new/", {"right": favour.pk, "start": "2026-03-02", "end": "2026-03-03", "note": ""}
    )
    assert response.status_code == 302
    leave = LeaveRequest.objects.get()
    manager = _client(line_manager.user)
    assert f"/deployability/leave/{leave.pk}/" in manager.get("/deployability/leave/approvals/").content.decode()
    page = manager.get(f"/deployability/leave/{leave.pk}/").content.decode()
    assert "approve/" in page and "refuse" in page
    response = manager.post(f"/deployability/leave/{leave.pk}/approve/", {"reason": ""})
    assert response.status_code == 302
    leave.refresh_from_db()
    assert leave.status == LeaveRequest.Status.APPROVED
    calendar = manager.get("/deployability/leave/calendar/?month=2026-03").content.decode()
    assert staff_member.full_name in calendar


def test_form_shows_the_rule_that_refused(staff_member, favour):
    response = _client(staff_member.user).post(
        "/deployability/leave/new/",
        {"right": favour.pk, "start": "2026-03-02", "end": "2026-03-02", "half_day": "on"},
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not LeaveRequest.objects.exists()


def test_refusing_without_reason_shows_the_error(staff_member, line_manager, favour):
    leave = LeaveRequest.objects.create(
        staff=staff_member, right=favour, start=date(2026, 3, 2), end=date(2026, 3, 2), days=1
    )
    response = _client(line_manager.user).post(f"/deployability/leave/{leave.pk}/refuse/", {"reason": ""})
    assert response.status_code == 400
    leave.refresh_from_db()
    assert leave.status == LeaveRequest.Status.REQUESTED


def test_home_shows_balances_and_the_calendar_survives_a_bad_month(staff_member, line_manager, holiday):
    assert "Dwingende familiale redenen" in _client(staff_member.user).get("/deployability/leave/").content.decode()
    assert _client(line_manager.user).get("/deployability/leave/calendar/?month=abc").status_code == 200
    assert _client(line_manager.user).get("/deployability/leave/calendar/?month=2026-13").status_code == 200
    assert _client(staff_member.user).get("/deployability/leave/?year=abc").status_code == 200


def test_unknown_action_answers_404(staff_member, favour):
    leave = LeaveRequest.objects.create(
        staff=staff_member, right=favour, start=date(2026, 3, 2), end=date(2026, 3, 2), days=1
    )
    assert _client(staff_member.user).post(f"/deployability/leave/{leave.pk}/explode/").status_code == 404
