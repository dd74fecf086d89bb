"""What reward's list pages cost: the same number of queries with few and with many rows (bench/list_pages.py
measures the time), and the long lists a page at a time."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from hrportal.reports.models import ReportRun
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.matrix import selectors as matrix_selectors
from reward.matrix.selectors import matrix_cells
from tests.factories import FunctionFactory, StaffFactory
from tests.pages import queries_per_page

pytestmark = pytest.mark.django_db


def _grow(entity, other_entity, n: int, *, start: int):
    listing = ShortageFunction.objects.first() or ShortageFunction.objects.create(
        function=FunctionFactory(name="Arts", function_class=15), valid_from=date(2025, 1, 1), percentage=Decimal("10")
    )
    for i in range(start, start + n):
        function = FunctionFactory(name=f"Functie {i}", function_class=7 + i % 14)
        for place in (entity, other_entity):
            member = StaffFactory(entity=place, function=function)
            LabourMarketAllowance.objects.create(
                staff=member,
                listing=listing,
                start=date(2025, 1, 1) + timedelta(days=i),
                end=date(2026, 12, 31),
                percentage=listing.percentage,
            )
    flagged = [
        {"scope": "org", "scope_label": "Organisatie", "category": f"class:{i}", "category_label": f"klasse {i}"}
        for i in range(start + n)
    ]
    ReportRun.objects.filter(kind="reward_pay_gap").delete()
    ReportRun.objects.create(
        kind="reward_pay_gap",
        status=ReportRun.Status.DONE,
        finished_at=timezone.now(),
        result={
            "summary": {"year": 2025, "parameters": {"values": {}}, "suppressed_count": 0, "flagged": flagged},
            "charts": [],
        },
    )


CENTRAL_PAGES = [
    "/reward/matrix/",
    "/reward/matrix/functions/",
    "/reward/labour-market/allowances/",
    "/reward/pay-gap/",
]


def test_the_list_pages_cost_the_same_queries_with_2_and_with_30_rows(central_hr, hr_officer, entity, other_entity):
    _grow(entity, other_entity, 2, start=0)
    few = queries_per_page(central_hr, CENTRAL_PAGES) | {
        "hr": queries_per_page(hr_officer, ["/reward/labour-market/allowances/"])
    }
    _grow(entity, other_entity, 28, start=2)
    many = queries_per_page(central_hr, CENTRAL_PAGES) | {
        "hr": queries_per_page(hr_officer, ["/reward/labour-market/allowances/"])
    }
    assert few == many


def test_the_allowance_list_and_the_flagged_categories_come_a_page_at_a_time(central_hr, entity, other_entity):
    _grow(entity, other_entity, 15, start=0)  # 30 allowances, 15 flagged categories
    client = Client()
    client.force_login(central_hr)
    first = client.get("/reward/labour-market/allowances/").content.decode()
    second = client.get("/reward/labour-market/allowances/?page=2").content.decode()
    rows = re.compile(r'href="/reward/labour-market/allowances/\d+/"')
    assert len(rows.findall(first)) == 25 and 'rel="next"' in first  # the newest 25 first, then 5
    assert len(rows.findall(second)) == 5
    _grow(entity, other_entity, 15, start=15)  # 30 flagged
    page = client.get("/reward/pay-gap/").content.decode()
    assert "30" in page and "klasse 24" in page and "klasse 25" not in page
    assert "klasse 29" in client.get("/reward/pay-gap/?page=2").content.decode()


def test_the_matrix_keeps_the_staff_counts_of_a_large_organisation_for_a_minute(
    entity, monkeypatch, django_assert_num_queries
):
    function = FunctionFactory(function_class=9)
    StaffFactory.create_batch(3, entity=entity, function=function)
    assert matrix_cells()[(function.family_id, 9)].staff == 3
    StaffFactory(entity=entity, function=function)
    assert matrix_cells()[(function.family_id, 9)].staff == 4  # a small organisation: counted every time
    monkeypatch.setattr(matrix_selectors, "LARGE_COUNT", 4)
    assert matrix_cells()[(function.family_id, 9)].staff == 4
    StaffFactory(entity=entity, function=function)
    with django_assert_num_queries(1):  # the functions; the staff counts come from the cache
        assert matrix_cells()[(function.family_id, 9)].staff == 4
    cache.clear()
    assert matrix_cells()[(function.family_id, 9)].staff == 5
