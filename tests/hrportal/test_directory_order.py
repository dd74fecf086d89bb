"""A short directory list is read by its filters and sorted (`ShortListSortingPaginator`): the same rows in
the same order as the index walk gives, page by page, on the page and in the API."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hrportal import pagination
from hrportal.models import HrOfficerScope, Staff
from hrportal.pagination import order_without_index
from hrportal.views.staff import StaffDirectoryView
from tests.factories import EntityFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_and_staff(entity):
    officer = UserFactory()
    HrOfficerScope.objects.create(user=officer, entity=entity)
    elsewhere = EntityFactory()
    names = ["Peeters", "peeters", "De Smet", "de Smet", "Aerts", "Zeger", "Peeters", "Aerts"]
    for n, last in enumerate(names * 4):
        StaffFactory(entity=entity if n % 3 else elsewhere, last_name=last, first_name=["Jan", "An", "jan"][n % 3])
    return officer


def test_the_order_written_without_an_index_is_the_same_order(officer_and_staff):
    for ordering in (("last_name", "first_name", "id"), ("-last_name", "pk"), ("personnel_number",), ("-id",)):
        plain = Staff.objects.order_by(*ordering)
        fenced = order_without_index(plain)
        assert str(fenced.query) != str(plain.query)
        assert list(fenced.values_list("pk", flat=True)) == list(plain.values_list("pk", flat=True)), ordering
    # an ordering through a relation is left as it is
    related = Staff.objects.order_by("entity__name", "id")
    assert str(order_without_index(related).query) == str(related.query)


def _sql_of_the_page(client, url) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return " ".join(q["sql"] for q in queries.captured_queries if "LIMIT" in q["sql"] and "hrportal_staff" in q["sql"])


@pytest.mark.parametrize("api", [False, True])
def test_a_short_list_is_sorted_and_pages_through_the_same_rows(officer_and_staff, entity, api, monkeypatch):
    client = Client()
    client.force_login(officer_and_staff)
    visible = Staff.objects.filter(entity=entity, is_active=True)  # the officer's entity, without divisions
    expected = [s.pk for s in visible.order_by("last_name", "first_name", "id")]
    assert len(expected) > 15

    def listed(size: int) -> list[int]:
        pks = []
        for number in range(1, -(-len(expected) // size) + 1):
            if api:
                pks += [row["id"] for row in client.get(f"/api/staff/?page={number}").json()["results"]]
            else:
                page = client.get(f"/staff/?page={number}")
                pks += [s.pk for s in page.context["staff_list"]]
        return pks

    size = 7
    monkeypatch.setattr(pagination.StandardPagination, "page_size", size)
    monkeypatch.setattr(StaffDirectoryView, "paginate_by", size)
    url = "/api/staff/" if api else "/staff/"
    walked = 'ORDER BY "hrportal_staff"."last_name" ASC'
    monkeypatch.setattr(pagination, "SORT_BELOW", 2_000)
    assert listed(size) == expected
    assert walked not in _sql_of_the_page(client, url)
    monkeypatch.setattr(pagination, "SORT_BELOW", 5)  # now a long list: walked in index order
    assert listed(size) == expected
    assert walked in _sql_of_the_page(client, url)
    if api:
        descending = client.get("/api/staff/?ordering=-last_name").json()["results"]
        names = [row["last_name"] for row in descending]
        assert names == sorted(names, reverse=True)
