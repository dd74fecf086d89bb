"""Two requesters accept at the same moment for the same provider: the offered share still holds."""

import threading
import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from mobility.marketplace import services as svc
from mobility.marketplace.services import common
from mobility.models import Assignment
from tests.mobility.marketplace.factories import request_with
from tests.mobility.marketplace.test_services import _consented
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_concurrent_acceptances_cannot_exceed_the_offered_share(
    offer, skills, requester, other_entity, line_manager, monkeypatch
):
    require(connection.vendor == "postgresql", "PostgreSQL")
    # given: offer 40%, two requests of 30% each over the same period, both consented
    items = [
        request_with({skills["analyseren"]: 1}, owner=requester, entity=other_entity, time_share_percent=30)
        for _ in range(2)
    ]
    applications = [_consented(offer=offer, item=item, manager=line_manager) for item in items]
    original = common.peak_share

    def slow_peak(*args, **kwargs):
        # widen the window between reading the running assignments and writing the new one
        value = original(*args, **kwargs)
        time.sleep(0.4)
        return value

    monkeypatch.setattr(common, "peak_share", slow_peak)
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def accept(application_id):
        try:
            start.wait()
            svc.application_accept(actor=requester.user, application_id=application_id)
            outcomes.append("accepted")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(a.pk,)) for a in applications]
    # when
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then
    assert sorted(outcomes) == ["ValidationError", "accepted"]
    assert Assignment.objects.count() == 1


def test_two_offers_saved_at_once_cannot_exceed_the_working_time(staff_member, skills, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    original = common.peak_share

    def slow_peak(*args, **kwargs):
        value = original(*args, **kwargs)
        time.sleep(0.4)
        return value

    monkeypatch.setattr(common, "peak_share", slow_peak)
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def publish(share):
        try:
            start.wait()
            svc.offer_create(
                actor=staff_member.user,
                title="T",
                description="",
                time_share_percent=share,
                start=timezone.localdate(),
                end=timezone.localdate(),
                competencies=[(skills["coachen"].pk, 2)],
            )
            outcomes.append("saved")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(share,)) for share in (50, 60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["ValidationError", "saved"]
