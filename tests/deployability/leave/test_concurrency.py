"""Two overlapping requests of one person sent at once: two real PostgreSQL transactions; one wins."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from deployability.leave import services as leave_services
from deployability.models import LeaveRequest
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_overlapping_requests_at_once_one_wins(staff_member, favour, holiday, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    checked = leave_services.overlapping

    def slow_overlap(**kwargs):
        # Widen the window between checking for overlap and writing the request.
        found = checked(**kwargs)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(leave_services, "overlapping", slow_overlap)
    barrier = threading.Barrier(2)
    outcomes = []

    def ask(right, start, end):
        barrier.wait()
        try:
            leave_services.leave_request_create(actor=staff_member.user, right=right, start=start, end=end)
            outcomes.append("created")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=ask, args=(favour, date(2026, 3, 2), date(2026, 3, 4))),
        threading.Thread(target=ask, args=(holiday, date(2026, 3, 4), date(2026, 3, 6))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("created") == 1, outcomes
    assert "start" in next(o for o in outcomes if o != "created")
    assert LeaveRequest.objects.count() == 1
