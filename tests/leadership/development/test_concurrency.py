"""Two people asking the last seat of a session at once: two real PostgreSQL transactions; one wins."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from leadership.development import services
from leadership.development.models import Enrolment
from tests.factories import StaffFactory
from tests.leadership.factories import SessionFactory
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_enrolments_for_the_last_seat_at_once_one_wins(entity):
    require(connection.vendor == "postgresql", "PostgreSQL")
    session = SessionFactory(capacity=1)
    people = [StaffFactory(entity=entity, with_user=True) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def enrol(person):
        barrier.wait()
        try:
            services.enrolment_request(actor=person.user, session_id=session.pk, staff=person)
            outcomes.append("enrolled")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enrol, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("enrolled") == 1, outcomes
    assert "session" in next(o for o in outcomes if o != "enrolled")
    assert Enrolment.objects.filter(session=session).count() == 1
