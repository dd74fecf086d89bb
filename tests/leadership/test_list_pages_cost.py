"""What leadership's list pages cost: the same number of queries with few and with many rows
(bench/list_pages.py measures the time)."""

from datetime import date

import pytest
from django.test import Client

from leadership.potential.models import Assessment
from tests.factories import StaffFactory
from tests.leadership.factories import EnrolmentFactory
from tests.pages import queries_per_page

pytestmark = pytest.mark.django_db

PAGES = ["/leadership/potential/talent-pool/", "/leadership/development/"]


def _grow(entity, other_entity, n: int, result="potential"):
    for _ in range(n):
        for place in (entity, other_entity):
            StaffFactory.create_batch(3, entity=place)  # staff without an assessment
            Assessment.objects.create(
                staff=StaffFactory(entity=place), role="leader", tier="N-1", assessed_on=date(2026, 2, 1), result=result
            )


def test_the_talent_pool_and_development_cost_the_same_queries_with_few_and_many_rows(
    central_hr, hr_officer, entity, other_entity
):
    _grow(entity, other_entity, 1)
    few = {"hr": queries_per_page(hr_officer, PAGES), "central": queries_per_page(central_hr, PAGES)}
    _grow(entity, other_entity, 10)
    EnrolmentFactory(staff=hr_officer.staff)  # the HR officer now takes part in a trajectory
    many = {"hr": queries_per_page(hr_officer, PAGES), "central": queries_per_page(central_hr, PAGES)}
    assert few == many


def test_the_talent_pool_holds_only_those_whose_latest_assessment_found_potential(
    central_hr, hr_officer, entity, other_entity
):
    _grow(entity, other_entity, 2)
    _grow(entity, other_entity, 1, result="not_yet")
    client = Client()
    client.force_login(central_hr)
    pool = client.get("/leadership/potential/talent-pool/").context["pool"]
    assert len(pool) == 4 and all(person.latest_result == "potential" for person in pool)
    client.force_login(hr_officer)
    assert {person.entity_id for person in client.get("/leadership/potential/talent-pool/").context["pool"]} == {
        entity.pk
    }
