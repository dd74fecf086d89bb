"""Two coordinators assigning the same person at once: two real PostgreSQL transactions in two threads."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from telework.models import PoolAssignment
from telework.pools import services as pool_services
from tests.factories import StaffFactory
from tests.services import require
from tests.telework.pools.factories import PoolMemberFactory, SupportRequestFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(monkeypatch, jobs):
    """Run support_request_assign for each (request, member, actor) at the same moment; return the outcomes."""
    counted = pool_services.staff_hours_used

    def slow_count(**kwargs):
        # Widen the window between reading the used hours and writing the assignment.
        used = counted(**kwargs)
        time.sleep(0.5)
        return used

    monkeypatch.setattr(pool_services, "staff_hours_used", slow_count)
    barrier = threading.Barrier(len(jobs))
    outcomes = []

    def assign(request, member, actor):
        barrier.wait()
        try:
            pool_services.support_request_assign(
                request_id=request.pk,
                member_id=member.pk,
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

    threads = [threading.Thread(target=assign, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _one_assigned_one_refused(outcomes):
    assert outcomes.count("assigned") == 1, outcomes
    refused = next(o for o in outcomes if o != "assigned")
    assert "hours" in refused


def test_two_assignments_of_one_member_at_once_cannot_exceed_the_budget(coach_pool, coordinator, coach, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    actor = coordinator.staff.user
    jobs = [(SupportRequestFactory(pool=coach_pool), coach, actor) for _ in range(2)]
    _one_assigned_one_refused(_race(monkeypatch, jobs))
    assert list(PoolAssignment.objects.filter(member=coach).values_list("hours", flat=True)) == [200]


def test_coordinators_of_two_pools_assigning_the_same_person_at_once_cannot_exceed_the_budget(
    coach_pool, facilitator_pool, coordinator, other_entity, monkeypatch
):
    require(connection.vendor == "postgresql", "PostgreSQL")
    person = StaffFactory(entity=other_entity)
    as_coach = PoolMemberFactory(pool=coach_pool, staff=person)
    as_facilitator = PoolMemberFactory(pool=facilitator_pool, staff=person)
    facilitator_lead = PoolMemberFactory(
        pool=facilitator_pool, staff=StaffFactory(with_user=True, user__username="lead"), coordinator=True
    )
    jobs = [
        (SupportRequestFactory(pool=coach_pool), as_coach, coordinator.staff.user),
        (SupportRequestFactory(pool=facilitator_pool, kind="process"), as_facilitator, facilitator_lead.staff.user),
    ]
    _one_assigned_one_refused(_race(monkeypatch, jobs))
    assert PoolAssignment.objects.filter(member__staff=person).count() == 1
