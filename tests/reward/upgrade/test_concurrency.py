"""Two managers granting overlapping periods to one person at the same moment: exactly one succeeds.
Two real PostgreSQL transactions in two threads; the holder's row lock serialises the overlap check."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from reward.upgrade import services as upgrade_services
from reward.upgrade.models import UpgradeAllowance
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_overlapping_grants_at_once_exactly_one_succeeds(
    line_manager, team_leader, holder, heavier_function, monkeypatch
):
    require(connection.vendor == "postgresql", "PostgreSQL")
    checked = upgrade_services._check_no_overlap

    def slow_check(**kwargs):
        # Widen the window between reading the person's periods and writing the new one.
        checked(**kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(upgrade_services, "_check_no_overlap", slow_check)
    barrier = threading.Barrier(2)
    outcomes = []

    def grant(actor, start, end):
        barrier.wait()
        try:
            upgrade_services.upgrade_allowance_grant(
                actor=actor,
                holder=holder,
                function=heavier_function,
                tasks="Meewerken aan het project",
                percentage="10",
                start=start,
                end=end,
                decision_date=date(2026, 1, 10),
            )
            outcomes.append("granted")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    jobs = [
        (line_manager.user, date(2026, 2, 1), date(2026, 6, 30)),
        (team_leader.user, date(2026, 5, 1), date(2026, 9, 30)),
    ]
    threads = [threading.Thread(target=grant, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("granted") == 1, outcomes
    refused = next(o for o in outcomes if o != "granted")
    assert "start" in refused
    assert UpgradeAllowance.objects.filter(holder=holder).count() == 1
