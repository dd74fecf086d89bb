"""Two members taking the last place of a session at once: two real PostgreSQL transactions; one gets it."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from deployability.networks import services
from deployability.networks.models import LearningNetwork, NetworkSession, SessionRegistration
from tests.factories import StaffFactory
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_members_take_the_last_place_at_once_one_gets_it(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    network = LearningNetwork.objects.create(name="Zin? Ja!", theme="zin_ja")
    session = NetworkSession.objects.create(
        network=network, title="S", on=timezone.localdate() + timedelta(days=3), capacity=1
    )
    members = [StaffFactory(entity=entity, with_user=True) for _ in range(2)]
    for member in members:
        services.network_join(actor=member.user, network_id=network.pk)
    barrier = threading.Barrier(2)
    outcomes = []

    def register(member):
        barrier.wait()
        try:
            services.session_register(actor=member.user, session_id=session.pk)
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(error.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("registered") == 1, outcomes
    assert SessionRegistration.objects.filter(session=session).count() == 1
