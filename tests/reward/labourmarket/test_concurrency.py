"""Two HR officers granting overlapping allowances to one person at the same moment: the Staff row lock lets
exactly one through (two real PostgreSQL transactions in two threads)."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from reward.labourmarket import services
from reward.labourmarket.models import LabourMarketAllowance
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_overlapping_grants_at_once_exactly_one_succeeds(hr_officer, central_hr, doctor, listing, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    found = services.shortage_listing_on

    def slow(**kwargs):
        result = found(**kwargs)
        time.sleep(0.5)  # widen the window between the checks and the insert
        return result

    monkeypatch.setattr(services, "shortage_listing_on", slow)
    barrier = threading.Barrier(2)
    outcomes = []

    def grant(actor, start):
        barrier.wait()
        try:
            services.allowance_grant(actor=actor, staff=doctor, start=start, end=date(2025, 12, 31))
            outcomes.append("granted")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=grant, args=(hr_officer, date(2025, 3, 1))),
        threading.Thread(target=grant, args=(central_hr, date(2025, 6, 1))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("granted") == 1, outcomes
    assert "start" in next(o for o in outcomes if o != "granted")
    assert LabourMarketAllowance.objects.filter(staff=doctor).count() == 1
