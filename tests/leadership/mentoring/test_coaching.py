"""Leadership coaching goes to telework's coach pool through its service (no second pool)."""

import pytest
from django.test import Client

from telework.models import SupportRequest
from tests.telework.pools.factories import PoolFactory, PoolMemberFactory

pytestmark = pytest.mark.django_db


def test_a_leader_asks_for_a_coach_from_the_telework_pool(line_manager, other_entity, staff_member):
    pool = PoolFactory(name="Mobiele ploeg coaches")
    PoolMemberFactory(pool=pool, coordinator=True)
    client = Client()
    client.force_login(line_manager.user)
    response = client.post(
        "/leadership/mentoring/coaching/",
        {"description": "Coaching", "estimated_hours": 12, "wanted_from": "2026-03-01", "wanted_until": "2026-05-01"},
    )
    assert response.status_code == 302
    request = SupportRequest.objects.get()
    assert request.pool == pool and request.kind == "leadership" and request.coachee == line_manager
    assert client.get("/leadership/mentoring/coaching/").status_code == 200
    client.force_login(staff_member.user)
    assert client.get("/leadership/mentoring/coaching/").status_code == 404


def test_a_bad_coaching_request_shows_field_errors(line_manager):
    PoolFactory()
    client = Client()
    client.force_login(line_manager.user)
    response = client.post(
        "/leadership/mentoring/coaching/",
        {"description": "x", "estimated_hours": 12, "wanted_from": "2026-05-01", "wanted_until": "2026-03-01"},
    )
    assert response.status_code == 200
    assert SupportRequest.objects.count() == 0
