"""Issue 14 §3: two central HR officers doing the same thing at once get a clear validation error, not a
500 from the unique constraint. Two real PostgreSQL transactions in two threads; the helper on SQLite too."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from hrportal.inputs import unique_or_invalid
from telework.climate import services as climate_services
from telework.models import ClimateRound, PoolMember
from telework.pools import services as pool_services
from tests.factories import StaffFactory, UserFactory
from tests.telework.pools.factories import PoolFactory


def _at_once(monkeypatch, module, calls):
    """Run each call at the same moment; the first writer holds its transaction open a moment after its
    insert (a slow audit write), so that the other has passed its own check by then."""
    audit = module.audit_record

    def slow_audit(**kwargs):
        event = audit(**kwargs)
        time.sleep(0.5)
        return event

    monkeypatch.setattr(module, "audit_record", slow_audit)
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        barrier.wait()
        try:
            call()
            outcomes.append("done")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        except Exception as error:  # what the person would have seen as a 500
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_creating_the_same_climate_round_at_once(monkeypatch):
    first, second = UserFactory(central=True), UserFactory(central=True)
    calls = [
        lambda actor=actor: climate_services.climate_round_create(
            actor=actor, year=2031, opens_on=date(2031, 3, 1), closes_on=date(2031, 3, 31)
        )
        for actor in (first, second)
    ]
    outcomes = _at_once(monkeypatch, climate_services, calls)
    assert outcomes.count("done") == 1, outcomes
    refused = next(o for o in outcomes if o != "done")
    assert refused == {"year": ["Er is al een bevragingsronde voor dit jaar."]}
    assert ClimateRound.objects.filter(year=2031).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_adding_the_same_first_pool_member_at_once(monkeypatch):
    pool = PoolFactory(name="Nieuwe ploeg")
    person = StaffFactory()
    first, second = UserFactory(central=True), UserFactory(central=True)
    calls = [
        lambda actor=actor: pool_services.pool_member_save(
            actor=actor, pool=pool, staff=person, certified_on=None, is_active=True, is_coordinator=False
        )
        for actor in (first, second)
    ]
    outcomes = _at_once(monkeypatch, pool_services, calls)
    assert outcomes.count("done") == 1, outcomes
    refused = next(o for o in outcomes if o != "done")
    assert list(refused) == ["staff"]
    assert PoolMember.objects.filter(pool=pool, staff=person).count() == 1


@pytest.mark.django_db
def test_the_unique_helper_turns_the_constraint_into_the_message_on_any_database():
    ClimateRound.objects.create(year=2032, opens_on=date(2032, 1, 1), closes_on=date(2032, 1, 2))
    with pytest.raises(ValidationError) as caught, unique_or_invalid("Already there.", field="year"):
        ClimateRound.objects.create(year=2032, opens_on=date(2032, 1, 1), closes_on=date(2032, 1, 2))
    assert caught.value.message_dict == {"year": ["Already there."]}
    assert ClimateRound.objects.count() == 1  # the transaction goes on after the refused write
