"""People taking the last place of a session at once: real PostgreSQL transactions in threads."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from leadership.models import Registration
from leadership.topmanagement import services as top_services
from tests.factories import StaffFactory
from tests.leadership.factories import TopSessionFactory
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _register_at_once(users, session_id: int) -> list:
    """Each user registers in a thread of their own, all released together; 'registered' or the messages."""
    barrier = threading.Barrier(len(users))
    outcomes = []

    def register(user):
        barrier.wait()
        try:
            top_services.registration_create(actor=user, session_id=session_id, mailing_opt_in=True)
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(error.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_registrations_for_the_last_place_at_once_take_it_once(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    session = TopSessionFactory(capacity=1)
    outcomes = _register_at_once([StaffFactory(entity=entity, with_user=True).user for _ in range(2)], session.pk)
    assert outcomes.count("registered") == 1, outcomes
    assert Registration.objects.filter(session=session).count() == 1


def test_four_people_at_once_for_the_one_place_left_fill_it_once(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    session = TopSessionFactory(capacity=3)
    for _ in range(2):
        Registration.objects.create(session=session, staff=StaffFactory(entity=entity))
    outcomes = _register_at_once([StaffFactory(entity=entity, with_user=True).user for _ in range(4)], session.pk)
    assert outcomes.count("registered") == 1, outcomes
    assert len(outcomes) == 4  # the three others found it full
    assert Registration.objects.filter(session=session).count() == 3
