"""Central HR takes a family out of use while another adds a function to it, at the same moment: the family
row lock lets exactly one through (two real PostgreSQL transactions in two threads)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from hrportal.models import Function
from reward.matrix import services
from reward.matrix.models import FamilyDeactivation
from tests.factories import UserFactory
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_deactivating_and_adding_a_function_at_once_exactly_one_succeeds(central_hr, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    other_central = UserFactory(username="central2", central=True)
    family = services.family_create(actor=central_hr, code="data", name="Data", name_en="Data")
    locked = services._family_locked

    def slow(family_id):
        result = locked(family_id)
        time.sleep(0.5)  # widen the window between the lock and the write
        return result

    monkeypatch.setattr(services, "_family_locked", slow)
    barrier = threading.Barrier(2)
    outcomes = []

    def act(kind):
        barrier.wait()
        try:
            if kind == "deactivate":
                services.family_deactivate(actor=central_hr, family_id=family.pk, reason="Samengevoegd")
            else:
                services.function_create(actor=other_central, name="Analist", family=family, function_class=10)
            outcomes.append(kind)
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=(kind,)) for kind in ("deactivate", "create")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len([o for o in outcomes if isinstance(o, str)]) == 1, outcomes
    deactivated = FamilyDeactivation.objects.filter(family=family).exists()
    has_function = Function.objects.filter(family=family).exists()
    assert deactivated != has_function
