"""Two HR officers offering the last suitable vacancy to two candidates at once: two real PostgreSQL
transactions in two threads; the vacancy row lock lets exactly one succeed."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from deployability.models import Offer
from deployability.redeployment import services as redeployment_services
from tests.deployability.redeployment.factories import CandidateFactory, VacancyFactory
from tests.factories import StaffFactory
from tests.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_offers_of_the_last_vacancy_at_once_one_succeeds(hr_officer, second_hr, entity, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    vacancy = VacancyFactory(entity=entity, grade="B1")
    candidates = [CandidateFactory(staff=StaffFactory(entity=entity)) for _ in range(2)]
    checked = redeployment_services.grade_is_equal_or_lower

    def slow_check(*args, **kwargs):
        # Widen the window between reading the vacancy's offers and writing the new offer.
        result = checked(*args, **kwargs)
        time.sleep(0.5)
        return result

    monkeypatch.setattr(redeployment_services, "grade_is_equal_or_lower", slow_check)
    barrier = threading.Barrier(2)
    outcomes = []

    def offer(candidate, actor):
        barrier.wait()
        try:
            redeployment_services.offer_make(
                actor=actor, candidate_id=candidate.pk, vacancy_id=vacancy.pk, offered_on=date(2026, 5, 10)
            )
            outcomes.append("offered")
        except ValidationError as error:
            outcomes.append(error.message_dict)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=offer, args=(candidates[0], hr_officer)),
        threading.Thread(target=offer, args=(candidates[1], second_hr)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("offered") == 1, outcomes
    refused = next(o for o in outcomes if o != "offered")
    assert "vacancy" in refused
    assert Offer.objects.filter(vacancy=vacancy).count() == 1
