from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.audit.models import AuditEvent
from hrportal.parameters.services import parameter_set
from telework.models import PoolAssignment, SupportRequest
from telework.pools.selectors import budget_rule, pool_members_with_budget
from telework.pools.services import (
    pool_assignment_complete,
    pool_member_save,
    support_request_assign,
    support_request_cancel,
    support_request_create,
    support_request_decline,
)
from tests.factories import StaffFactory
from tests.telework.pools.factories import PoolAssignmentFactory, PoolMemberFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db
SPRING = {"period_start": date(2026, 3, 1), "period_end": date(2026, 6, 30)}


def _open_request(pool, **kwargs):
    return SupportRequestFactory(pool=pool, **kwargs)


def _assign(request, member, coordinator, hours, **period):
    return support_request_assign(
        request_id=request.pk,
        member_id=member.pk,
        hours=hours,
        actor=coordinator.staff.user,
        **(period or SPRING),
    )


# --- the time budget ------------------------------------------------------------------------------


def test_budget_is_share_times_fraction_times_standard_hours():
    rule = budget_rule(year=2026)
    assert (rule.share_percent, rule.annual_hours) == (20, 1520)
    assert rule.budget_for(Decimal("1.00")) == 304
    assert rule.budget_for(Decimal("0.80")) == 243  # 243.2 rounded down to whole hours
    assert rule.budget_for(Decimal("0.50")) == 152


def test_assignment_using_exactly_the_remaining_budget_is_allowed(coach_pool, coordinator, coach):
    PoolAssignmentFactory(member=coach, hours=300)
    assignment = _assign(_open_request(coach_pool), coach, coordinator, hours=4)
    assert assignment.hours == 4
    assert pool_members_with_budget(pool_ids=[coach_pool.pk], year=2026)[-1].remaining == 0


def test_assignment_one_hour_over_the_remaining_budget_is_refused(coach_pool, coordinator, coach):
    PoolAssignmentFactory(member=coach, hours=300)
    request = _open_request(coach_pool)
    with pytest.raises(ValidationError) as error:
        _assign(request, coach, coordinator, hours=5)
    assert "hours" in error.value.message_dict
    assert "4" in error.value.message_dict["hours"][0]
    request.refresh_from_db()
    assert request.status == SupportRequest.Status.OPEN
    assert not PoolAssignment.objects.filter(request=request).exists()


def test_hours_of_another_year_do_not_count(coach_pool, coordinator, coach):
    PoolAssignmentFactory(member=coach, hours=304, period_start=date(2025, 3, 1), period_end=date(2025, 4, 1))
    assert _assign(_open_request(coach_pool), coach, coordinator, hours=304).hours == 304


def test_part_timer_budget_follows_working_time_fraction(coach_pool, coordinator, other_entity):
    part_timer = PoolMemberFactory(pool=coach_pool, staff=StaffFactory(working_time_fraction=Decimal("0.50")))
    with pytest.raises(ValidationError):
        _assign(_open_request(coach_pool), part_timer, coordinator, hours=153)
    assert _assign(_open_request(coach_pool), part_timer, coordinator, hours=152).hours == 152


def test_budget_uses_the_parameters_in_force_on_1_january(coach_pool, coordinator, coach, central_hr):
    parameter_set(
        key="telework.coach_time_share_percent",
        value=10,
        valid_from=date(2026, 1, 1),
        actor=central_hr,
        legal_basis="BVR",
    )
    with pytest.raises(ValidationError):
        _assign(_open_request(coach_pool), coach, coordinator, hours=153)
    assignment = _assign(_open_request(coach_pool), coach, coordinator, hours=152)
    event = AuditEvent.objects.get(action="telework.pool_request.assigned", target_id=str(assignment.request_id))
    assert event.parameters["values"]["telework.coach_time_share_percent"] == 10
    assert event.parameters["budget"] == 152


# --- who can be assigned ------------------------------------------------------------------------------


@pytest.mark.parametrize("trait", ["uncertified", "inactive"])
def test_uncertified_or_inactive_member_cannot_be_assigned(coach_pool, coordinator, trait):
    member = PoolMemberFactory(pool=coach_pool, **{trait: True})
    with pytest.raises(ValidationError) as error:
        _assign(_open_request(coach_pool), member, coordinator, hours=1)
    assert "member" in error.value.message_dict


def test_member_out_of_service_cannot_be_assigned(coach_pool, coordinator):
    member = PoolMemberFactory(pool=coach_pool, staff=StaffFactory(is_active=False))
    with pytest.raises(ValidationError):
        _assign(_open_request(coach_pool), member, coordinator, hours=1)


def test_member_certified_after_the_period_starts_cannot_be_assigned(coach_pool, coordinator):
    member = PoolMemberFactory(pool=coach_pool, certified_on=date(2026, 3, 2))
    with pytest.raises(ValidationError):
        _assign(_open_request(coach_pool), member, coordinator, hours=1)
    member.certified_on = date(2026, 3, 1)
    member.save()
    assert _assign(_open_request(coach_pool), member, coordinator, hours=1)


def test_member_of_another_pool_cannot_be_assigned(coach_pool, facilitator_pool, coordinator):
    facilitator = PoolMemberFactory(pool=facilitator_pool)
    with pytest.raises(ValidationError) as error:
        _assign(_open_request(coach_pool), facilitator, coordinator, hours=1)
    assert "member" in error.value.message_dict


def test_nobody_coaches_themselves(coach_pool, coordinator, coach):
    request = _open_request(coach_pool, kind=SupportRequest.Kind.LEADERSHIP_COACHING, coachee=coach.staff)
    with pytest.raises(ValidationError):
        _assign(request, coach, coordinator, hours=1)


def test_assignment_stays_within_one_calendar_year(coach_pool, coordinator, coach):
    with pytest.raises(ValidationError) as error:
        _assign(
            _open_request(coach_pool),
            coach,
            coordinator,
            1,
            period_start=date(2026, 12, 1),
            period_end=date(2027, 1, 5),
        )
    assert "period_end" in error.value.message_dict


def test_only_the_pools_coordinator_assigns(coach_pool, coach, central_hr):
    request = _open_request(coach_pool)
    for actor in (coach.staff.user, central_hr):
        with pytest.raises(PermissionDenied):
            support_request_assign(request_id=request.pk, member_id=coach.pk, hours=1, actor=actor, **SPRING)


def test_assigned_request_cannot_be_assigned_again(coach_pool, coordinator, coach):
    request = _open_request(coach_pool)
    _assign(request, coach, coordinator, hours=1)
    with pytest.raises(ValidationError):
        _assign(request, coach, coordinator, hours=1)


def test_assignment_is_audited_and_mails_member_and_requester(
    coach_pool, coordinator, coach, django_capture_on_commit_callbacks
):
    request = _open_request(coach_pool)
    with django_capture_on_commit_callbacks(execute=True):
        _assign(request, coach, coordinator, hours=8)
    request.refresh_from_db()
    assert request.status == SupportRequest.Status.ASSIGNED
    event = AuditEvent.objects.get(action="telework.pool_request.assigned")
    assert event.after["hours"] == 8 and event.parameters["used_before"] == 0
    assert event.parameters["values"]["telework.standard_annual_hours"] == 1520
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([coach.staff.email, request.requested_by.email])


# --- requests -------------------------------------------------------------------------------------------


def _ask(actor, kind, entity=None, **kwargs):
    values = {
        "description": "Hulp gevraagd",
        "estimated_hours": 12,
        "wanted_from": date(2026, 3, 1),
        "wanted_until": date(2026, 5, 1),
    }
    values.update(kwargs)
    return support_request_create(actor=actor, kind=kind, entity=entity, **values)


def test_leader_asks_leadership_coaching_for_themselves_and_coordinator_is_mailed(
    line_manager, coach_pool, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = _ask(line_manager.user, SupportRequest.Kind.LEADERSHIP_COACHING)
    assert (request.coachee, request.entity, request.pool) == (line_manager, line_manager.entity, coach_pool)
    assert [m.to for m in mail.outbox] == [[coordinator.staff.email]]
    assert AuditEvent.objects.filter(action="telework.pool_request.created", staff=line_manager).exists()


def test_staff_member_without_a_team_cannot_ask_leadership_coaching(staff_member, coach_pool):
    with pytest.raises(PermissionDenied):
        _ask(staff_member.user, SupportRequest.Kind.LEADERSHIP_COACHING)


def test_leader_asks_process_support_for_own_entity_only(line_manager, facilitator_pool, entity, other_entity):
    request = _ask(line_manager.user, SupportRequest.Kind.PROCESS_SUPPORT, entity=entity)
    assert request.pool == facilitator_pool
    with pytest.raises(ValidationError) as error:
        _ask(line_manager.user, SupportRequest.Kind.PROCESS_SUPPORT, entity=other_entity)
    assert "entity" in error.value.message_dict


def test_hr_officer_asks_team_coaching_for_their_entities(hr_officer, coach_pool, entity, other_entity):
    assert _ask(hr_officer, SupportRequest.Kind.TEAM_COACHING, entity=entity).entity == entity
    with pytest.raises(ValidationError):
        _ask(hr_officer, SupportRequest.Kind.TEAM_COACHING, entity=other_entity)


def test_request_with_end_before_start_is_refused_and_nothing_is_written(line_manager, coach_pool):
    with pytest.raises(ValidationError) as error:
        _ask(line_manager.user, SupportRequest.Kind.LEADERSHIP_COACHING, wanted_until=date(2026, 2, 28))
    assert "wanted_until" in error.value.message_dict
    assert not SupportRequest.objects.exists()


def test_request_without_a_pool_is_refused(line_manager):
    with pytest.raises(ValidationError):
        _ask(line_manager.user, SupportRequest.Kind.LEADERSHIP_COACHING)


def test_coordinator_declines_with_a_reason_and_requester_is_mailed(
    coach_pool, coordinator, django_capture_on_commit_callbacks
):
    request = _open_request(coach_pool)
    with pytest.raises(ValidationError):
        support_request_decline(request_id=request.pk, actor=coordinator.staff.user, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        support_request_decline(request_id=request.pk, actor=coordinator.staff.user, reason="Geen capaciteit")
    request.refresh_from_db()
    assert (request.status, request.decision_note) == (SupportRequest.Status.DECLINED, "Geen capaciteit")
    assert mail.outbox[0].to == [request.requested_by.email]


def test_only_the_requester_withdraws_an_open_request(coach_pool, coordinator):
    request = _open_request(coach_pool)
    with pytest.raises(PermissionDenied):
        support_request_cancel(request_id=request.pk, actor=coordinator.staff.user)
    support_request_cancel(request_id=request.pk, actor=request.requested_by)
    with pytest.raises(ValidationError):
        support_request_cancel(request_id=request.pk, actor=request.requested_by)


def test_member_completes_own_assignment_once(coach_pool, coordinator, coach, outsider):
    assignment = _assign(_open_request(coach_pool), coach, coordinator, hours=3)
    with pytest.raises(PermissionDenied):
        pool_assignment_complete(assignment_id=assignment.pk, actor=outsider.user)
    pool_assignment_complete(assignment_id=assignment.pk, actor=coach.staff.user)
    with pytest.raises(ValidationError):
        pool_assignment_complete(assignment_id=assignment.pk, actor=coach.staff.user)


# --- membership -------------------------------------------------------------------------------------------


def test_central_hr_names_a_new_coordinator_and_the_previous_one_is_relieved(central_hr, coach_pool, coordinator):
    newcomer = StaffFactory()
    member = pool_member_save(
        actor=central_hr,
        pool=coach_pool,
        staff=newcomer,
        certified_on=date(2020, 1, 1),
        is_active=True,
        is_coordinator=True,
    )
    coordinator.refresh_from_db()
    assert member.is_coordinator and not coordinator.is_coordinator
    assert AuditEvent.objects.filter(action="telework.pool_member.coordinator_relieved").count() == 1


def test_uncertified_member_cannot_coordinate(central_hr, coach_pool):
    with pytest.raises(ValidationError):
        pool_member_save(
            actor=central_hr,
            pool=coach_pool,
            staff=StaffFactory(),
            certified_on=None,
            is_active=True,
            is_coordinator=True,
        )


def test_only_central_hr_keeps_the_member_list(hr_officer, coach_pool):
    with pytest.raises(PermissionDenied):
        pool_member_save(
            actor=hr_officer,
            pool=coach_pool,
            staff=StaffFactory(),
            certified_on=None,
            is_active=True,
            is_coordinator=False,
        )


def test_one_person_in_two_pools_has_one_budget(coach_pool, facilitator_pool, coordinator, other_entity):
    person = StaffFactory(entity=other_entity)
    as_coach = PoolMemberFactory(pool=coach_pool, staff=person)
    as_facilitator = PoolMemberFactory(pool=facilitator_pool, staff=person)
    PoolAssignmentFactory(member=as_facilitator, hours=300)
    with pytest.raises(ValidationError):
        _assign(_open_request(coach_pool), as_coach, coordinator, hours=5)
    assert _assign(_open_request(coach_pool), as_coach, coordinator, hours=4).hours == 4
    members = pool_members_with_budget(pool_ids=[coach_pool.pk, facilitator_pool.pk], year=2026)
    assert {m.pk: m.remaining for m in members}[as_facilitator.pk] == 0
