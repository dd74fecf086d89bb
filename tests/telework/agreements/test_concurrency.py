"""Two managers approve at the same moment in one entity: the cap must hold (PostgreSQL, two transactions)."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from telework.agreements.services import telework_agreement_approve
from telework.models import TeleworkAgreement
from tests.factories import StaffFactory
from tests.services import require
from tests.telework.agreements.factories import TeleworkAgreementFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_managers_approving_at_once_cannot_exceed_the_daily_cap(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    # given: ten staff under two managers, 20% -> 2 a day, one Monday teleworker already approved
    entity.telework_max_share_percent = 20
    entity.save()
    first = StaffFactory(entity=entity, with_user=True)
    second = StaffFactory(entity=entity, with_user=True)
    team_a = [StaffFactory(entity=entity, line_manager=first) for _ in range(4)]
    team_b = [StaffFactory(entity=entity, line_manager=second) for _ in range(4)]
    start = timezone.localdate() + timedelta(days=7)
    TeleworkAgreementFactory(staff=team_a[0], approved=True, wednesday=False, days_per_week=1, start=start)
    requests = [
        (first.user, TeleworkAgreementFactory(staff=team_a[1], wednesday=False, days_per_week=1, start=start)),
        (second.user, TeleworkAgreementFactory(staff=team_b[0], wednesday=False, days_per_week=1, start=start)),
    ]
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(user, agreement):
        try:
            barrier.wait(timeout=10)
            telework_agreement_approve(agreement_id=agreement.pk, actor=user)
            outcomes.append("approved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=pair) for pair in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then: exactly one of the two got the last place on Monday
    assert sorted(outcomes) == ["approved", "refused"]
    assert TeleworkAgreement.objects.filter(status="approved", monday=True).count() == 2


def test_postgres_refuses_overlapping_approved_agreements_of_one_person(staff_member):
    require(connection.vendor == "postgresql", "PostgreSQL")
    from django.db import IntegrityError, transaction

    start = timezone.localdate()
    TeleworkAgreementFactory(staff=staff_member, approved=True, start=start, end=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeleworkAgreementFactory(staff=staff_member, approved=True, start=start + timedelta(days=400), end=None)
    # a refused request in the same period is fine: the constraint covers approved agreements only
    TeleworkAgreementFactory(staff=staff_member, status="refused", decided_at=timezone.now(), start=start)
