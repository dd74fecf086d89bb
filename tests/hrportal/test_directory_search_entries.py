"""The directory's search entries (PostgreSQL): kept by triggers on every kind of staff write, and a search
answered from them alone gives what the search on the staff rows gives, page by page."""

import random
from itertools import chain

import pytest
from django.db import connection
from django.db.models import Q
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from hrportal.filters import NAME_WORD, IndexedStaffSearch, StaffFilter, driving_token
from hrportal.models import Competency, HrOfficerScope, Staff, StaffSearchEntry
from hrportal.selectors.staff import staff_directory
from tests.factories import EntityFactory, StaffCompetencyFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def expected_entries() -> set[tuple]:
    """What the entries must hold, computed here from the staff rows: a row per name word, one for the
    e-mail address, each with the columns the directory filters and sorts on."""
    rows = set()
    for s in Staff.objects.all():
        keys = (s.last_name.lower(), s.first_name.lower(), s.is_active, s.entity_id, s.level, s.management_tier)
        for word in set(NAME_WORD.findall(f"{s.first_name} {s.last_name}".lower())):
            rows.add((s.pk, word, False, *keys))
        rows.add((s.pk, s.email.lower(), True, *keys))
    return rows


def stored_entries() -> set[tuple]:
    fields = ("staff_id", "word", "is_email", "last_key", "first_key", "is_active", "entity_id", "level")
    return set(StaffSearchEntry.objects.values_list(*fields, "management_tier"))


def test_every_kind_of_staff_write_keeps_the_entries(entity, other_entity):
    anne = StaffFactory(entity=entity, first_name="Anne-Marie", last_name="Van den Broeck", email="AM.vdb@x.org")
    StaffFactory.create_batch(3, entity=entity)
    Staff.objects.bulk_create(
        [StaffFactory.build(entity=entity, first_name="Jan", last_name=f"D'Hondt {n}") for n in range(3)]
    )
    assert stored_entries() == expected_entries()
    assert len(stored_entries()) > 8

    anne.last_name = "De Smet"  # a save
    anne.save()
    Staff.objects.filter(first_name="Jan").update(is_active=False, entity=other_entity, level="B")
    Staff.objects.filter(pk=anne.pk).update(management_tier=Staff.Tier.MIDDLE, email="anne@x.org")
    Staff.objects.exclude(pk=anne.pk).update(grade=Staff.Grade.A2A)  # a column no entry holds
    assert stored_entries() == expected_entries()
    assert {"smet", "anne@x.org"} <= {e[1] for e in stored_entries() if e[0] == anne.pk}
    assert "broeck" not in {e[1] for e in stored_entries()}

    Staff.objects.filter(first_name="Jan").first().delete()
    Staff.objects.filter(pk=anne.pk).delete()
    assert stored_entries() == expected_entries()
    assert not StaffSearchEntry.objects.filter(staff_id=anne.pk).exists()


@pytest.fixture
def market(entity):
    """Staff whose names share prefixes and whose sort keys tie, over two entities (one inside the other),
    with levels, tiers, competencies and people out of service."""
    rng = random.Random(13)
    division = EntityFactory(name="Afdeling", parent=entity, kind="division")
    elsewhere = EntityFactory(name="Elders")
    skills = list(Competency.objects.order_by("pk")[:2])
    assert len(skills) == 2
    firsts = ["Anne", "Anneke", "An", "Jan", "Jana", "Els", "Anne-Marie", "Pieter-Jan", "Éline"]
    lasts = ["Peeters", "Peters", "Janssens", "Jansen", "De Smet", "Van den Broeck", "Smets", "Anckaert"]
    for n in range(160):
        first, last = rng.choice(firsts), rng.choice(lasts)
        person = StaffFactory(
            entity=rng.choice([entity, division, elsewhere]),
            first_name=first,
            last_name=last,
            email=f"{first}.{last}.{n}@vlaanderen.example".replace(" ", "").lower(),
            level=rng.choice("ABC"),
            management_tier=rng.choice([Staff.Tier.NONE, Staff.Tier.NONE, Staff.Tier.MIDDLE]),
            is_active=rng.random() > 0.15,
        )
        if rng.random() < 0.3:
            StaffCompetencyFactory(staff=person, competency=rng.choice(skills))
    for n in range(4):  # found by the start of their e-mail address only
        StaffFactory(entity=entity, first_name="Zoë", last_name="Wouters", email=f"pe{n}.other@vlaanderen.example")
    return {"entity": entity, "division": division, "skills": skills}


def _filtered(user, params: dict, *, indexed: bool = True):
    """The directory's search for `user`: from the entries where they answer (`indexed`), or on the staff
    rows (without a request the filter set cannot take the entries' way)."""
    request = RequestFactory().get("/staff/", params)
    request.user = user
    result = StaffFilter(params, queryset=staff_directory(viewer=user), request=request if indexed else None)
    assert result.is_valid(), result.errors
    return result.qs


def _pages(result, size: int = 7) -> list[list[int]]:
    total = result.count()
    return [[s.pk for s in result[start : start + size]] for start in range(0, total + size, size)]


SEARCHES = ["an", "anne", "ANNE-marie", "jan", "peeters", "pe", "smet", "van broeck", "anne pe", "éline", "an.", "e"]


def _viewers(market) -> dict:
    """Central HR, an HR officer of the entity (and so of its division), a line manager, a staff member."""
    officer = UserFactory()
    HrOfficerScope.objects.create(user=officer, entity=market["entity"])
    people = list(Staff.objects.order_by("pk"))
    manager = people[0]
    manager.user = UserFactory()
    manager.save()
    Staff.objects.filter(pk__in=[p.pk for p in people[1:40]]).update(line_manager=manager)
    member = people[50]
    member.user = UserFactory()
    member.save()
    return {"central": UserFactory(central=True), "officer": officer, "manager": manager.user, "member": member.user}


def test_a_search_answered_from_the_entries_equals_the_search_on_the_staff_rows(market):
    skill = market["skills"][0]
    filters = [{}, {"level": "A"}, {"tier": "N-1"}, {"entity": market["entity"].pk}, {"competency": skill.pk}]
    for who, viewer in _viewers(market).items():
        compared = indexed_paths = 0
        for text in SEARCHES:
            for extra in filters:
                params = {"q": text, **extra}
                indexed = _filtered(viewer, params)
                # a token of two words ("anne-marie") has no one index range: the staff rows answer it
                assert isinstance(indexed, IndexedStaffSearch) == (driving_token(text) is not None), params
                indexed_paths += isinstance(indexed, IndexedStaffSearch)
                on_rows = _filtered(viewer, params, indexed=False)
                assert not isinstance(on_rows, IndexedStaffSearch)
                expected = [s.pk for s in on_rows]  # the search on the staff rows, in its order
                assert indexed.count() == len(expected), (who, params)
                assert list(chain.from_iterable(_pages(indexed))) == expected, (who, params)
                compared += bool(expected)
        assert indexed_paths >= 50
        assert compared > {"central": 40, "officer": 30, "manager": 15, "member": 0}[who], who
    # the API's ordering takes the staff rows, with the search as a condition
    central = UserFactory(central=True)
    reordered = _filtered(central, {"q": "an"}).order_by("-last_name", "id")
    assert not isinstance(reordered, IndexedStaffSearch)
    assert {s.pk for s in reordered} == {s.pk for s in _filtered(central, {"q": "an"}, indexed=False)}


def test_the_entries_find_what_the_rule_says(market):
    """Against the rule computed here: each typed word starts a name word, or the token starts the e-mail."""
    central = UserFactory(central=True)
    active = list(Staff.objects.filter(is_active=True))

    def rule(person, text):
        names = NAME_WORD.findall(f"{person.first_name} {person.last_name}".lower())
        for token in text.split():
            by_name = "@" not in token and "." not in token and NAME_WORD.findall(token.lower())
            starts = by_name and all(any(n.startswith(w) for n in names) for w in NAME_WORD.findall(token.lower()))
            if not (starts or person.email.lower().startswith(token.lower())):
                return False
        return True

    for text in SEARCHES:
        expected = {p.pk for p in active if rule(p, text)}
        assert {s.pk for s in _filtered(central, {"q": text})[:1000]} == expected, text


def test_searches_without_a_word_and_lists_without_a_search_take_the_staff_rows(market):
    central = UserFactory(central=True)
    assert not isinstance(_filtered(central, {"q": "'; --"}), IndexedStaffSearch)
    assert not isinstance(_filtered(central, {"level": "A"}), IndexedStaffSearch)
    assert isinstance(_filtered(central, {"q": "an", "level": "A"}), IndexedStaffSearch)


def test_the_page_and_the_api_list_a_search_in_a_fixed_number_of_queries(market, central_hr):
    client = Client()
    client.force_login(central_hr)
    client.get("/staff/?q=an")
    counts = []
    for url in ("/staff/?q=an", "/staff/?q=an&page=2", "/staff/?q=peeters&level=A", "/api/staff/?q=an"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]
    page = client.get("/staff/?q=peeters").content.decode()
    first = Staff.objects.filter(Q(last_name="Peeters") | Q(first_name__istartswith="peeters"), is_active=True)
    first = min(first, key=lambda s: (s.last_name.lower(), s.first_name.lower(), s.pk))
    assert f"/staff/{first.pk}/" in page
    api = client.get("/api/staff/?q=peeters").json()
    expected = Staff.objects.filter(last_name="Peeters", is_active=True).count()
    assert api["count"] == expected
    assert [row["last_name"] for row in api["results"]] == ["Peeters"] * min(50, expected)
