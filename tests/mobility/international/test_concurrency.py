"""Two people acting at once on PostgreSQL: the row locks keep the rules."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from mobility.international import services as svc
from mobility.models import MobilityApplication
from tests.mobility.international.factories import ApplicationFactory, CallFactory, today
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*actions):
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = action()
        except Exception as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_simultaneous_applications_by_one_person_leave_one(staff_member):
    require(connection.vendor == "postgresql", "PostgreSQL")
    call = CallFactory()
    start = today() + timedelta(days=30)

    def apply(months):
        return lambda: svc.application_submit(
            actor=staff_member.user, call_id=call.pk, start=start, end=svc.stay_last_day(start, months)
        )

    outcomes = _race(apply(2), apply(3))
    assert sum(isinstance(o, MobilityApplication) for o in outcomes) == 1
    assert sum(isinstance(o, ValidationError) for o in outcomes) == 1
    assert MobilityApplication.objects.filter(call=call).count() == 1


def test_manager_agreement_and_withdrawal_at_once_leave_one_consistent_state(staff_member, line_manager):
    require(connection.vendor == "postgresql", "PostgreSQL")
    application = ApplicationFactory(staff=staff_member)
    outcomes = _race(
        lambda: svc.application_manager_decide(
            actor=line_manager.user, application_id=application.pk, agree=False, reason="r"
        ),
        lambda: svc.application_withdraw(actor=staff_member.user, application_id=application.pk),
    )
    assert sum(isinstance(o, MobilityApplication) for o in outcomes) == 1
    assert sum(isinstance(o, ValidationError) for o in outcomes) == 1
    application.refresh_from_db()
    assert application.status in (MobilityApplication.Status.MANAGER_REFUSED, MobilityApplication.Status.WITHDRAWN)
