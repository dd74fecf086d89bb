"""Two coordinators assigning the same member at once: two real PostgreSQL transactions."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from telework.models import PoolAssignment
from telework.services import pools as pool_services
from tests.services import require

from .factories import SupportRequestFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_assignments_of_one_member_at_once_cannot_exceed_the_budget(coach_pool, coordinator, coach, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    requests = [SupportRequestFactory(pool=coach_pool) for _ in range(2)]
    actor = coordinator.staff.user
    counted = pool_services.member_hours_used

    def slow_count(**kwargs):
        # Widen the window between reading the used hours and writing the assignment.
        used = counted(**kwargs)
        time.sleep(0.5)
        return used

    monkeypatch.setattr(pool_services, "member_hours_used", slow_count)
    barrier = threading.Barrier(2)
    outcomes = []

    def assign(request):
        barrier.wait()
        try:
            pool_services.support_request_assign(
                request_id=request.pk,
                member_id=coach.pk,
                hours=200,  # 2 x 200 > 304 (20% of 1520 h)
                period_start=date(2026, 3, 1),
                period_end=date(2026, 6, 30),
                actor=actor,
            )
            outcomes.append("assigned")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=assign, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(map(str, outcomes)).count("assigned") == 1
    refused = next(o for o in outcomes if o != "assigned")
    assert "hours" in refused
    assert PoolAssignment.objects.filter(member=coach).count() == 1
    assert sum(PoolAssignment.objects.filter(member=coach).values_list("hours", flat=True)) == 200
