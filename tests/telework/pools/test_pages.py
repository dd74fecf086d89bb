from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from telework.models import ClimateResponse, PoolAssignment, SupportRequest
from tests.factories import EntityFactory, StaffFactory
from tests.telework.pools.factories import (
    ClimateRoundFactory,
    PoolAssignmentFactory,
    PoolMemberFactory,
    SupportRequestFactory,
)
from tests.telework.pools.test_climate import _answers

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _request_form(**overrides):
    data = {
        "kind": "leadership",
        "entity": "",
        "description": "Coaching bij de start als leidinggevende",
        "estimated_hours": "12",
        "wanted_from": "2026-03-01",
        "wanted_until": "2026-05-31",
    }
    data.update(overrides)
    return data


def test_leader_asks_coaching_on_the_page_and_bad_dates_show_a_form_error(line_manager, coach_pool, coordinator):
    client = _client(line_manager.user)
    response = client.post("/telework/pools/requests/new/", _request_form(wanted_until="2026-02-01"))
    assert response.status_code == 200
    assert "govuk-form-group--error" in response.content.decode()
    assert not SupportRequest.objects.exists()
    response = client.post("/telework/pools/requests/new/", _request_form())
    request = SupportRequest.objects.get()
    assert response.status_code == 302 and response.url == f"/telework/pools/requests/{request.pk}/"
    assert request.coachee == line_manager


def test_coordinator_assigns_on_the_page_and_over_budget_is_refused_on_the_form(
    coach_pool, coordinator, coach, line_manager
):
    request = SupportRequestFactory(pool=coach_pool, requested_by=line_manager.user, entity=line_manager.entity)
    client = _client(coordinator.staff.user)
    page = client.get(f"/telework/pools/requests/{request.pk}/").content.decode()
    assert "304" in page and coach.staff.full_name in page
    form = {"member": coach.pk, "hours": "305", "period_start": "2026-03-01", "period_end": "2026-06-30"}
    response = client.post(f"/telework/pools/requests/{request.pk}/assign/", form)
    assert response.status_code == 200
    assert "304" in response.content.decode() and "govuk-form-group--error" in response.content.decode()
    assert not PoolAssignment.objects.exists()
    form["hours"] = "304"
    response = client.post(f"/telework/pools/requests/{request.pk}/assign/", form)
    assert response.status_code == 302
    assert PoolAssignment.objects.get().member == coach


def test_uncertified_member_is_not_offered_on_the_assign_form(coach_pool, coordinator):
    trainee = PoolMemberFactory(pool=coach_pool, uncertified=True)
    request = SupportRequestFactory(pool=coach_pool)
    page = _client(coordinator.staff.user).get(f"/telework/pools/requests/{request.pk}/").content.decode()
    assert f'<option value="{trainee.pk}"' not in page


def test_coordinator_declines_on_the_page(coach_pool, coordinator):
    request = SupportRequestFactory(pool=coach_pool)
    client = _client(coordinator.staff.user)
    assert client.post(f"/telework/pools/requests/{request.pk}/decline/", {"reason": ""}).status_code == 200
    assert client.post(f"/telework/pools/requests/{request.pk}/decline/", {"reason": "Vol"}).status_code == 302
    request.refresh_from_db()
    assert request.status == SupportRequest.Status.DECLINED


def test_member_sees_the_assignment_and_completes_it(coach_pool, coach):
    assignment = PoolAssignmentFactory(member=coach)
    client = _client(coach.staff.user)
    assert assignment.request.entity.name in client.get("/telework/pools/assignments/").content.decode()
    client.post(f"/telework/pools/assignments/{assignment.pk}/complete/")
    assignment.refresh_from_db()
    assert assignment.status == PoolAssignment.Status.COMPLETED


def test_central_hr_adds_a_member_and_an_unknown_number_is_a_form_error(central_hr, coach_pool):
    newcomer = StaffFactory()
    client = _client(central_hr)
    response = client.post(f"/telework/pools/{coach_pool.pk}/members/", {"staff": "nope", "is_active": "on"})
    assert response.status_code == 200 and "govuk-form-group--error" in response.content.decode()
    response = client.post(
        f"/telework/pools/{coach_pool.pk}/members/",
        {"staff": newcomer.personnel_number, "certified_on": "2024-05-01", "is_active": "on"},
    )
    assert response.status_code == 302
    assert coach_pool.members.get().staff == newcomer


def test_staff_member_answers_the_survey_once_on_the_page(staff_member):
    year = timezone.localdate().year
    survey = ClimateRoundFactory(year=year)
    client = _client(staff_member.user)
    assert f"/telework/climate/{survey.pk}/respond/" in client.get("/").content.decode()  # waiting for you
    answers = {"autonomy": "4", "trust": "3", "collaboration": "5", "digital": "4", "learning": "2"}
    bad = client.post(f"/telework/climate/{survey.pk}/respond/", {**answers, "trust": "9"})
    assert bad.status_code == 200 and "govuk-form-group--error" in bad.content.decode()
    assert client.post(f"/telework/climate/{survey.pk}/respond/", answers).status_code == 302
    assert ClimateResponse.objects.get().score_collaboration == 5
    second = client.post(f"/telework/climate/{survey.pk}/respond/", answers)
    assert second.status_code == 200 and ClimateResponse.objects.count() == 1


def test_central_hr_creates_a_round_and_a_duplicate_year_is_a_form_error(central_hr):
    client = _client(central_hr)
    data = {"year": "2026", "opens_on": "2026-03-01", "closes_on": "2026-03-31"}
    assert client.post("/telework/climate/", data).status_code == 302
    response = client.post("/telework/climate/", data)
    assert response.status_code == 200 and "govuk-form-group--error" in response.content.decode()


def test_results_page_shows_entities_from_the_minimum_group_and_hides_smaller_ones(central_hr, entity, other_entity):
    survey = ClimateRoundFactory()
    _answers(survey, entity, 5)
    _answers(survey, other_entity, 4)
    page = _client(central_hr).get(f"/telework/climate/{survey.pk}/results/").content.decode()
    assert entity.name in page and other_entity.name not in page
    assert 'class="hr-chart"' in page
    small = _client(central_hr).get(f"/telework/climate/{survey.pk}/entities/{other_entity.pk}/").content.decode()
    assert "4,00" not in small and "4.00" not in small


# --- bounded queries ----------------------------------------------------------------------------------------


def _fill_pool(pool, count):
    for _i in range(count):
        member = PoolMemberFactory(pool=pool)
        PoolAssignmentFactory(member=member, hours=5, period_start=date(2026, 2, 1))
        SupportRequestFactory(pool=pool, kind=SupportRequest.Kind.TEAM_COACHING)


@pytest.mark.parametrize("count", [2, 20])
def test_coordinator_pages_make_a_bounded_number_of_queries(
    coach_pool, coordinator, count, django_assert_max_num_queries
):
    _fill_pool(coach_pool, count)
    request = SupportRequest.objects.filter(status=SupportRequest.Status.OPEN).first()
    client = _client(coordinator.staff.user)
    for url in ("/telework/pools/queue/", f"/telework/pools/requests/{request.pk}/", "/telework/pools/"):
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_results_pages_make_a_bounded_number_of_queries(central_hr, count, django_assert_max_num_queries):
    survey = ClimateRoundFactory()
    entities = [EntityFactory() for _ in range(count)]
    for e in entities:
        _answers(survey, e, 5)
    client = _client(central_hr)
    with django_assert_max_num_queries(12):
        assert client.get(f"/telework/climate/{survey.pk}/results/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"/telework/climate/{survey.pk}/entities/{entities[0].pk}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/telework/climate/").status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_member_pages_make_a_bounded_number_of_queries(coach, count, django_assert_max_num_queries):
    for _ in range(count):
        PoolAssignmentFactory(member=coach, hours=1)
    client = _client(coach.staff.user)
    for url in ("/telework/pools/assignments/", "/telework/pools/"):
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200


def test_request_list_shows_an_hr_officer_their_entities_requests_by_status(
    hr_officer, coach_pool, entity, other_entity, django_assert_max_num_queries
):
    mine = SupportRequestFactory(pool=coach_pool, entity=entity, description="eigen entiteit")
    elsewhere = SupportRequestFactory(pool=coach_pool, entity=other_entity, description="andere entiteit")
    for _ in range(30):
        SupportRequestFactory(pool=coach_pool, entity=entity, status=SupportRequest.Status.DECLINED)
    client = _client(hr_officer)
    with django_assert_max_num_queries(14):
        page = client.get("/telework/pools/requests/?status=open").content.decode()
    assert f"/telework/pools/requests/{mine.pk}/" in page
    assert f"/telework/pools/requests/{elsewhere.pk}/" not in page
    assert page.count("<tr>") == 2  # header and the one open request of the officer's entity
    declined = client.get("/telework/pools/requests/?status=declined&page=2")
    assert declined.status_code == 200 and declined.context["page_obj"].number == 2
