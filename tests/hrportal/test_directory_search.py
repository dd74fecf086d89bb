import pytest
from django.core.cache import cache

from hrportal import pagination
from hrportal.filters import staff_search
from hrportal.models import Staff
from hrportal.pagination import CountCachingPaginator
from tests.factories import StaffFactory


def found(text: str) -> set[str]:
    return {s.last_name for s in staff_search(Staff.objects.all(), text)}


@pytest.fixture
def people(entity):
    StaffFactory(entity=entity, first_name="Anne-Marie", last_name="Peeters", email="am.peeters@example.org")
    StaffFactory(entity=entity, first_name="Jan", last_name="De Smet", email="jan.desmet@example.org")
    StaffFactory(entity=entity, first_name="Els", last_name="Van den Broeck", email="els.vdb@example.org")


def test_a_word_finds_names_that_start_with_it(people):
    assert found("peet") == {"Peeters"}
    assert found("PEETERS") == {"Peeters"}


def test_a_word_finds_a_later_part_of_a_compound_name(people):
    assert found("smet") == {"De Smet"}
    assert found("broeck") == {"Van den Broeck"}
    assert found("marie") == {"Peeters"}


def test_every_word_must_match(people):
    assert found("jan smet") == {"De Smet"}
    assert found("jan broeck") == set()


def test_letters_inside_a_word_do_not_match(people):
    assert found("eeters") == set()
    assert found("roeck") == set()


def test_an_email_address_matches_from_its_start(people):
    assert found("els.vdb@") == {"Van den Broeck"}
    assert found("jan.desmet@example.org") == {"De Smet"}
    assert found("example.org") == set()


def test_punctuation_alone_finds_everyone_and_breaks_nothing(people):
    assert found("'; --") == {"Peeters", "De Smet", "Van den Broeck"}


def test_a_long_list_keeps_its_count_for_a_minute_while_a_short_one_is_exact(entity, monkeypatch):
    cache.clear()
    monkeypatch.setattr(pagination, "LARGE_COUNT", 3)
    StaffFactory.create_batch(3, entity=entity)
    assert CountCachingPaginator(Staff.objects.order_by("pk"), 25).count == 3
    StaffFactory(entity=entity)
    assert CountCachingPaginator(Staff.objects.order_by("pk"), 25).count == 3  # within the minute
    assert CountCachingPaginator(Staff.objects.filter(pk__gt=0).order_by("pk"), 25).count == 4
    cache.clear()
    assert CountCachingPaginator(Staff.objects.order_by("pk"), 25).count == 4


def test_a_list_that_can_match_nothing_counts_zero():
    assert CountCachingPaginator(Staff.objects.filter(pk__in=[]).order_by("pk"), 25).count == 0


def test_the_entity_filter_lists_a_new_entity_at_once(central_hr, entity):
    from django.test import Client

    from tests.factories import EntityFactory

    client = Client()
    client.force_login(central_hr)
    assert entity.name in client.get("/staff/").content.decode()
    added = EntityFactory(name="Nieuw agentschap voor de test")
    page = client.get("/staff/").content.decode()
    assert f'<option value="{added.pk}">Nieuw agentschap voor de test</option>' in page
    added.name = "Hernoemd agentschap"
    added.save()
    assert "Hernoemd agentschap" in client.get("/staff/").content.decode()
