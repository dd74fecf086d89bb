from datetime import date

import pytest
from django.test import Client

from deployability.models import LeaveRequest

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_request_and_approve_through_the_api(staff_member, line_manager, holiday):
    body = {"right": holiday.pk, "start": "2026-03-02", "end": "2026-03-06", "note": "Verhuis"}
    response = _client(staff_member.user).post(
        "/api/deployability/leave/requests/", body, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    leave_id = response.json()["id"]
    assert response.json()["days"] == "5.0"
    response = _client(line_manager.user).post(
        f"/api/deployability/leave/requests/{leave_id}/approve/", {}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "approved"
    balances = _client(staff_member.user).get("/api/deployability/leave/balances/?year=2026").json()
    row = next(b for b in balances if b["right"] == holiday.pk)
    assert row["approved"] == "5.0" and row["remaining"] == "5.0"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"start": "2026-03-02", "end": "2026-03-01"}, "end"),
        ({"start": "2026-03-02", "end": "2026-03-02", "half_day": True, "favour": True}, "half_day"),
        ({"start": "2026-03-02", "end": "2026-03-20"}, "end"),  # 15 days > 10
        ({"start": "x", "end": "2026-03-20"}, "start"),
        ({"start": "9999-01-01", "end": "9999-01-02"}, "start"),
        ({"start": "2026-03-07", "end": "2026-03-08"}, "start"),
    ],
)
def test_bad_input_answers_400_with_field_errors(staff_member, holiday, favour, body, field):
    right = favour if body.pop("favour", False) else holiday
    response = _client(staff_member.user).post(
        "/api/deployability/leave/requests/", {"right": right.pk, **body}, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert field in response.json(), response.json()
    assert not LeaveRequest.objects.exists()


def test_refusal_without_reason_answers_400(staff_member, line_manager, favour):
    leave = LeaveRequest.objects.create(
        staff=staff_member, right=favour, start=date(2026, 3, 2), end=date(2026, 3, 2), days=1
    )
    response = _client(line_manager.user).post(
        f"/api/deployability/leave/requests/{leave.pk}/refuse/", {}, content_type="application/json"
    )
    assert response.status_code == 400 and "reason" in response.json()


def test_bad_year_answers_400(staff_member):
    assert _client(staff_member.user).get("/api/deployability/leave/balances/?year=abc").status_code == 400
