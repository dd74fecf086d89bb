"""The directory names its rows' entity and function from the catalogues (`hrportal.catalogue`), not by
joining them on every page: the names must still be the current ones, however the rows were written."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from hrportal.catalogue import catalogue
from hrportal.models import Entity, Function
from tests.factories import EntityFactory, FunctionFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _page(user, url="/staff/"):
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def _api_rows(user):
    client = APIClient()
    client.force_authenticate(user)
    return {row["id"]: row for row in client.get("/api/staff/").json()["results"]}


def test_rows_are_named_without_joining_entity_and_function(central_hr, entity):
    analyst = FunctionFactory(name="Analist")
    members = [StaffFactory(entity=entity, function=analyst), StaffFactory(entity=entity, function=None)]
    text, queries = _page(central_hr)
    [page_query] = [sql for sql in queries if sql.startswith('SELECT "hrportal_staff"."id"') and "LIMIT" in sql]
    assert "hrportal_entity" not in page_query and "hrportal_function" not in page_query
    assert f"<td>{entity.name}</td>" in text and "<td>Analist</td>" in text and "<td>—</td>" in text
    rows = _api_rows(central_hr)
    assert rows[members[0].pk]["entity"] == entity.name and rows[members[0].pk]["function"] == "Analist"
    assert rows[members[1].pk]["function"] is None


def test_a_renamed_entity_or_function_is_named_anew(central_hr, entity):
    function = FunctionFactory(name="Analist")
    member = StaffFactory(entity=entity, function=function)
    _page(central_hr)  # the catalogues are read
    entity.name, function.name = "Agentschap Hernoemd", "Beleidsanalist"
    entity.save()
    function.save()
    text, _ = _page(central_hr)
    assert "<td>Agentschap Hernoemd</td>" in text and "<td>Beleidsanalist</td>" in text
    assert _api_rows(central_hr)[member.pk]["entity"] == "Agentschap Hernoemd"


def test_rows_written_without_signals_are_still_named(central_hr, entity):
    _page(central_hr)  # the catalogues are read, then an entity and a function arrive without a signal
    [new_entity] = Entity.objects.bulk_create([EntityFactory.build(code="bulk", name="Agentschap Bulk")])
    [new_function] = Function.objects.bulk_create([FunctionFactory.build(name="Bulkfunctie")])
    member = StaffFactory(entity=Entity.objects.get(pk=new_entity.pk), function=new_function)
    text, queries = _page(central_hr)
    assert "<td>Agentschap Bulk</td>" in text and "<td>Bulkfunctie</td>" in text
    # the catalogues were read again, whole: no row was looked up on its own
    assert not [sql for sql in queries if '"hrportal_entity"."id" =' in sql or '"hrportal_function"."id" =' in sql]
    assert _api_rows(central_hr)[member.pk]["function"] == "Bulkfunctie"


def test_the_catalogue_is_read_once_per_version(entity):
    catalogue(Entity)
    with CaptureQueriesContext(connection) as queries:
        assert catalogue(Entity)[entity.pk].name == entity.name
    assert not queries.captured_queries
    EntityFactory(name="Agentschap Nieuw")  # a save moves the version
    with CaptureQueriesContext(connection) as queries:
        assert "Agentschap Nieuw" in {e.name for e in catalogue(Entity).values()}
    assert len(queries.captured_queries) == 1
