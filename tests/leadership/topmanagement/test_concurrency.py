"""Two people taking the last place of a session at once: two real PostgreSQL transactions in two threads."""

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


def test_two_registrations_for_the_last_place_at_once_take_it_once(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    session = TopSessionFactory(capacity=1)
    people = [StaffFactory(entity=entity, with_user=True) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def register(user):
        barrier.wait()
        try:
            top_services.registration_create(actor=user, session_id=session.pk)
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(error.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(p.user,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("registered") == 1, outcomes
    assert Registration.objects.filter(session=session).count() == 1


def test_four_people_at_once_for_the_one_place_left_fill_it_once(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    session = TopSessionFactory(capacity=3)
    for _ in range(2):
        Registration.objects.create(session=session, staff=StaffFactory(entity=entity))
    people = [StaffFactory(entity=entity, with_user=True) for _ in range(4)]
    barrier = threading.Barrier(len(people))
    outcomes = []

    def register(user):
        barrier.wait()
        try:
            top_services.registration_create(actor=user, session_id=session.pk, mailing_opt_in=True)
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(error.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(p.user,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("registered") == 1, outcomes
    assert len([o for o in outcomes if o != "registered"]) == 3, outcomes  # the others find it full
    assert Registration.objects.filter(session=session).count() == 3
