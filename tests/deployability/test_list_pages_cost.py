"""What deployability's list pages cost: the same number of queries with few and with many rows
(bench/list_pages.py measures the time)."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client

from deployability.models import EvaluationCase
from hrportal.models import Evaluation
from tests.deployability.leave.factories import LeaveRequestFactory, LeaveRightFactory
from tests.deployability.redeployment.factories import TrajectoryFactory
from tests.factories import EvaluationFactory, StaffFactory
from tests.pages import queries_per_page

pytestmark = pytest.mark.django_db

HR_PAGES = [
    "/deployability/evaluations/",
    "/deployability/leave/requests/",
    "/deployability/redeployment/trajectories/",
]


def _grow(entity, other_entity, n: int):
    right = LeaveRightFactory()
    for i in range(n):
        for place in (entity, other_entity):
            member = StaffFactory(entity=place)
            EvaluationFactory(staff=member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
            start = date(2026, 3, 2) + timedelta(days=7 * i)
            LeaveRequestFactory(staff=member, right=right, start=start, end=start + timedelta(days=2), days=3)
            TrajectoryFactory(staff=member)


def test_the_list_pages_cost_the_same_queries_with_2_and_with_30_rows(central_hr, hr_officer, entity, other_entity):
    _grow(entity, other_entity, 1)
    few = {"hr": queries_per_page(hr_officer, HR_PAGES), "central": queries_per_page(central_hr, HR_PAGES[:2])}
    _grow(entity, other_entity, 14)
    many = {"hr": queries_per_page(hr_officer, HR_PAGES), "central": queries_per_page(central_hr, HR_PAGES[:2])}
    assert EvaluationCase.objects.count() == 30
    assert few == many


def test_hr_sees_the_cases_of_their_entities_and_central_hr_the_figures_of_all(
    central_hr, hr_officer, entity, other_entity
):
    _grow(entity, other_entity, 2)
    client = Client()
    client.force_login(hr_officer)
    cases = re.compile(r'href="/deployability/evaluations/\d+/"')
    page = client.get("/deployability/evaluations/").content.decode()
    assert len(cases.findall(page)) == 2
    assert entity.name in page and other_entity.name not in page
    client.force_login(central_hr)
    page = client.get("/deployability/evaluations/").content.decode()
    assert len(cases.findall(page)) == 4
    assert entity.name in page and other_entity.name in page  # the list and the figures per entity
