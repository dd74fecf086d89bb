from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from hrportal.audit.models import AuditEvent
from hrportal.models import Entity
from telework.agreements.services import (
    telework_agreement_approve,
    telework_agreement_end,
    telework_agreement_refuse,
    telework_agreement_request,
    telework_agreement_withdraw,
    telework_explanation_record,
)
from telework.models import TeleworkAgreement
from tests.factories import EntityFactory, FunctionFactory, PolicyParameterFactory, StaffFactory
from tests.telework.agreements.conftest import MONDAY, TUESDAY, WEDNESDAY, approved_on
from tests.telework.agreements.factories import TeleworkAgreementFactory, TeleworkExplanationFactory

pytestmark = pytest.mark.django_db
Status = TeleworkAgreement.Status


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in the source language here; the pages' tests check the Dutch ones."""
    with translation.override("en"):
        yield


def ask(staff, *, days=(MONDAY,), start, end=None, flexible_on=None, **kwargs):
    if flexible_on is not None:
        return telework_agreement_request(
            actor=staff.user,
            days_per_week=2,
            pattern="flexible",
            weekdays=[],
            preferred_day=flexible_on,
            start=start,
            end=end,
            **kwargs,
        )
    return telework_agreement_request(
        actor=staff.user,
        days_per_week=len(days),
        pattern="fixed",
        weekdays=list(days),
        preferred_day=days[0],
        start=start,
        end=end,
        **kwargs,
    )


# --- request --------------------------------------------------------------------------------------------


def test_request_is_pending_audited_and_mails_the_line_manager(
    staff_member, team_leader, next_week, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = ask(staff_member, days=(MONDAY, WEDNESDAY), start=next_week, motivation="pendel")
    assert agreement.status == Status.REQUESTED
    assert agreement.weekdays == [MONDAY, WEDNESDAY]
    event = AuditEvent.objects.get(action="telework.agreement.requested")
    assert event.staff == staff_member and event.after["weekdays"] == [0, 2]
    assert [m.to for m in mailoutbox] == [[team_leader.email]]
    assert staff_member.full_name in mailoutbox[0].subject


def test_request_is_refused_for_a_function_that_is_not_teleworkable(staff_member, next_week):
    staff_member.function = FunctionFactory(name="Onthaalmedewerker", teleworkable=False)
    staff_member.save()
    with pytest.raises(ValidationError, match="Onthaalmedewerker"):
        ask(staff_member, start=next_week)
    assert not TeleworkAgreement.objects.exists()


def test_request_is_refused_when_the_entity_deviates_and_says_why(staff_member, entity, next_week):
    TeleworkExplanationFactory(entity=entity, explanation="Loketfunctie: iedereen is fysiek aanwezig.")
    with pytest.raises(ValidationError) as error:
        ask(staff_member, start=next_week)
    assert "Loketfunctie" in str(error.value) and entity.name in str(error.value)


def test_deviation_of_the_entity_applies_to_staff_of_its_divisions(entity, line_manager, next_week):
    division = EntityFactory(kind=Entity.Kind.DIVISION, parent=entity)
    member = StaffFactory(entity=division, line_manager=line_manager, with_user=True)
    TeleworkExplanationFactory(entity=entity)
    with pytest.raises(ValidationError, match="fysiek aanwezig"):
        ask(member, start=next_week)


def test_deviation_that_takes_effect_during_the_period_also_refuses(staff_member, entity, next_week):
    TeleworkExplanationFactory(entity=entity, effective_from=next_week + timedelta(days=30))
    with pytest.raises(ValidationError):
        ask(staff_member, start=next_week, end=next_week + timedelta(days=60))
    assert ask(staff_member, start=next_week, end=next_week + timedelta(days=29)).status == Status.REQUESTED


def test_entity_that_complies_again_accepts_requests(staff_member, entity, next_week):
    TeleworkExplanationFactory(entity=entity, effective_from=date(2020, 1, 1))
    TeleworkExplanationFactory(entity=entity, effective_from=date(2022, 1, 1), applies_telework=True, explanation="")
    assert ask(staff_member, start=next_week).status == Status.REQUESTED


@pytest.mark.parametrize(
    ("days_per_week", "weekdays", "preferred", "field"),
    [
        (2, [MONDAY], MONDAY, "weekdays"),
        (1, [MONDAY], TUESDAY, "preferred_day"),
        (6, [], MONDAY, "days_per_week"),
    ],
)
def test_request_with_an_inconsistent_shape_names_the_field(
    staff_member, next_week, days_per_week, weekdays, preferred, field
):
    with pytest.raises(ValidationError) as error:
        telework_agreement_request(
            actor=staff_member.user,
            days_per_week=days_per_week,
            pattern="fixed",
            weekdays=weekdays,
            preferred_day=preferred,
            start=next_week,
        )
    assert field in error.value.message_dict


def test_request_cannot_start_in_the_past_but_may_start_today(staff_member):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        ask(staff_member, start=today - timedelta(days=1))
    assert "start" in error.value.message_dict
    assert ask(staff_member, start=today).status == Status.REQUESTED


def test_second_pending_request_is_refused(staff_member, next_week):
    ask(staff_member, start=next_week)
    with pytest.raises(ValidationError, match="pending"):
        ask(staff_member, start=next_week + timedelta(days=400))


def test_database_keeps_one_pending_request_and_consistent_days(staff_member, next_week):
    TeleworkAgreementFactory(staff=staff_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeleworkAgreementFactory(staff=staff_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeleworkAgreementFactory(staff=staff_member, status=Status.WITHDRAWN, days_per_week=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeleworkAgreementFactory(staff=staff_member, status=Status.WITHDRAWN, end=next_week - timedelta(days=1))


# --- approve / refuse: who -------------------------------------------------------------------------------


def test_line_manager_higher_up_approves_and_the_member_is_mailed(
    staff_member, line_manager, next_week, mailoutbox, django_capture_on_commit_callbacks
):
    agreement = ask(staff_member, start=next_week)
    with django_capture_on_commit_callbacks(execute=True):
        telework_agreement_approve(agreement_id=agreement.pk, actor=line_manager.user, reason="ok")
    agreement.refresh_from_db()
    assert agreement.status == Status.APPROVED and agreement.decided_by == line_manager.user
    assert mailoutbox[-1].to == [staff_member.email]
    event = AuditEvent.objects.get(action="telework.agreement.approved")
    assert event.parameters["values"]["telework.max_share_per_day_percent"] == 50
    assert event.parameters["applied"]["headcount"] == 3


@pytest.mark.parametrize("who", ["member", "hr", "outsider", "central"])
def test_only_a_line_manager_of_the_person_decides(staff_member, hr_officer, outsider, central_hr, next_week, who):
    agreement = ask(staff_member, start=next_week)
    user = {"member": staff_member.user, "hr": hr_officer, "outsider": outsider.user, "central": central_hr}[who]
    with pytest.raises(PermissionDenied):
        telework_agreement_approve(agreement_id=agreement.pk, actor=user)
    with pytest.raises(PermissionDenied):
        telework_agreement_refuse(agreement_id=agreement.pk, actor=user, reason="nee")
    agreement.refresh_from_db()
    assert agreement.status == Status.REQUESTED


def test_refusal_needs_a_reason_and_is_mailed(
    staff_member, team_leader, next_week, mailoutbox, django_capture_on_commit_callbacks
):
    agreement = ask(staff_member, start=next_week)
    with pytest.raises(ValidationError) as error:
        telework_agreement_refuse(agreement_id=agreement.pk, actor=team_leader.user, reason="  ")
    assert "reason" in error.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        telework_agreement_refuse(agreement_id=agreement.pk, actor=team_leader.user, reason="Teamplanning")
    agreement.refresh_from_db()
    assert agreement.status == Status.REFUSED and agreement.decision_reason == "Teamplanning"
    assert "Teamplanning" in mailoutbox[-1].body


def test_a_decided_request_cannot_be_decided_again(staff_member, team_leader, next_week):
    agreement = ask(staff_member, start=next_week)
    telework_agreement_refuse(agreement_id=agreement.pk, actor=team_leader.user, reason="nee")
    with pytest.raises(ValidationError, match="pending"):
        telework_agreement_approve(agreement_id=agreement.pk, actor=team_leader.user)


def test_approval_rechecks_the_function(staff_member, team_leader, next_week):
    agreement = ask(staff_member, start=next_week)
    staff_member.function = FunctionFactory(teleworkable=False)
    staff_member.save()
    with pytest.raises(ValidationError, match="teleworkable"):
        telework_agreement_approve(agreement_id=agreement.pk, actor=team_leader.user)


# --- the daily cap ---------------------------------------------------------------------------------------


def _set_share(entity, percent):
    entity.telework_max_share_percent = percent
    entity.save()


def test_cap_reached_exactly_is_allowed_and_one_over_is_refused(ten_staff_entity, line_manager, next_week):
    # given: ten staff, 20% -> at most 2 teleworkers a day; one already teleworks on Monday
    _set_share(ten_staff_entity, 20)
    others = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:3])
    approved_on(others[0], [MONDAY], start=next_week)
    second = TeleworkAgreementFactory(staff=others[1], monday=True, wednesday=False, days_per_week=1)
    third = TeleworkAgreementFactory(staff=others[2], monday=True, wednesday=False, days_per_week=1)
    # when / then: the second Monday teleworker reaches the cap exactly
    assert telework_agreement_approve(agreement_id=second.pk, actor=line_manager.user).status == Status.APPROVED
    with pytest.raises(ValidationError) as error:
        telework_agreement_approve(agreement_id=third.pk, actor=line_manager.user)
    message = str(error.value)
    assert "maandag" in message.lower() or "monday" in message.lower()
    assert "2" in message and "10" in message
    third.refresh_from_db()
    assert third.status == Status.REQUESTED


def test_cap_counts_per_weekday(ten_staff_entity, line_manager, next_week):
    _set_share(ten_staff_entity, 10)
    a, b = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:2])
    approved_on(a, [MONDAY], start=next_week)
    on_tuesday = TeleworkAgreementFactory(
        staff=b, monday=False, wednesday=False, tuesday=True, days_per_week=1, preferred_day=TUESDAY
    )
    assert telework_agreement_approve(agreement_id=on_tuesday.pk, actor=line_manager.user).status == Status.APPROVED


def test_flexible_agreement_counts_on_its_preferred_day(ten_staff_entity, line_manager, next_week):
    _set_share(ten_staff_entity, 10)
    a, b, c = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:3])
    approved_on(a, [], start=next_week, flexible_on=MONDAY)
    on_monday = TeleworkAgreementFactory(staff=b, flexible=True, preferred_day=MONDAY)
    with pytest.raises(ValidationError):
        telework_agreement_approve(agreement_id=on_monday.pk, actor=line_manager.user)
    on_tuesday = TeleworkAgreementFactory(staff=c, flexible=True, preferred_day=TUESDAY)
    assert telework_agreement_approve(agreement_id=on_tuesday.pk, actor=line_manager.user).status == Status.APPROVED


def test_cap_counts_only_agreements_running_at_the_same_time(ten_staff_entity, line_manager, next_week):
    _set_share(ten_staff_entity, 10)
    a, b, c = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:3])
    # two Monday agreements in the new one's year, one after the other: never more than one at a time
    approved_on(a, [MONDAY], start=next_week, end=next_week + timedelta(days=100))
    approved_on(b, [MONDAY], start=next_week + timedelta(days=101), end=next_week + timedelta(days=300))
    new = TeleworkAgreementFactory(staff=c, monday=True, wednesday=False, days_per_week=1)
    with pytest.raises(ValidationError):  # 1 + 1 > cap of 1
        telework_agreement_approve(agreement_id=new.pk, actor=line_manager.user)
    _set_share(ten_staff_entity, 20)
    assert telework_agreement_approve(agreement_id=new.pk, actor=line_manager.user).status == Status.APPROVED


def test_ended_agreements_do_not_count(ten_staff_entity, line_manager, next_week):
    _set_share(ten_staff_entity, 10)
    a, b = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:2])
    approved_on(a, [MONDAY], start=date(2020, 1, 1), end=next_week - timedelta(days=1))
    new = TeleworkAgreementFactory(staff=b, monday=True, wednesday=False, days_per_week=1)
    assert telework_agreement_approve(agreement_id=new.pk, actor=line_manager.user).status == Status.APPROVED


def test_cap_headcount_includes_the_divisions_of_the_entity(ten_staff_entity, line_manager, next_week):
    _set_share(ten_staff_entity, 10)
    division = EntityFactory(kind=Entity.Kind.DIVISION, parent=ten_staff_entity)
    in_division = [StaffFactory(entity=division, line_manager=line_manager) for _ in range(10)]
    approved_on(in_division[0], [MONDAY], start=next_week)
    new = TeleworkAgreementFactory(staff=in_division[1], monday=True, wednesday=False, days_per_week=1)
    # 20 staff at 10% -> 2 a day: the division's teleworker and this one
    approved = telework_agreement_approve(agreement_id=new.pk, actor=line_manager.user)
    assert approved.parameters["applied"]["headcount"] == 20 and approved.parameters["applied"]["cap"] == 2


def test_cap_follows_the_policy_parameter_in_force_and_records_it(ten_staff_entity, line_manager, next_week):
    today = timezone.localdate()
    PolicyParameterFactory(key="telework.max_share_per_day_percent", value=10, valid_from=today)
    PolicyParameterFactory(key="telework.max_share_per_day_percent", value=90, valid_from=today + timedelta(days=1))
    a, b = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:2])
    approved_on(a, [MONDAY], start=next_week)
    new = TeleworkAgreementFactory(staff=b, monday=True, wednesday=False, days_per_week=1)
    with pytest.raises(ValidationError, match="10%"):
        telework_agreement_approve(agreement_id=new.pk, actor=line_manager.user)
    _set_share(ten_staff_entity, 20)  # the entity's own maximum overrides the default
    approved = telework_agreement_approve(agreement_id=new.pk, actor=line_manager.user)
    assert approved.parameters["values"]["telework.max_share_per_day_percent"] == 10
    assert approved.parameters["entity_max_share_percent"] == 20
    assert AuditEvent.objects.get(action="telework.agreement.approved").parameters["applied"]["cap"] == 2


# --- change, end, withdraw ---------------------------------------------------------------------------


def test_change_is_a_new_request_that_supersedes_the_old_on_approval(staff_member, team_leader, next_week):
    old = approved_on(staff_member, [MONDAY], start=timezone.localdate() - timedelta(days=100))
    change_from = next_week + timedelta(days=7)
    with pytest.raises(ValidationError, match="change"):
        ask(staff_member, days=(TUESDAY,), start=change_from)
    new = ask(staff_member, days=(TUESDAY, WEDNESDAY), start=change_from, supersedes_id=old.pk)
    old.refresh_from_db()
    assert old.status == Status.APPROVED and old.end is None  # nothing changes before the decision
    telework_agreement_approve(agreement_id=new.pk, actor=team_leader.user)
    old.refresh_from_db()
    assert old.status == Status.APPROVED and old.end == change_from - timedelta(days=1)
    assert new.supersedes_id == old.pk
    assert AuditEvent.objects.filter(action="telework.agreement.superseded", target_id=str(old.pk)).exists()


def test_change_of_an_agreement_that_has_not_started_cancels_it(staff_member, team_leader, next_week):
    old = approved_on(staff_member, [MONDAY], start=next_week + timedelta(days=30))
    new = ask(staff_member, days=(TUESDAY,), start=next_week, supersedes_id=old.pk)
    telework_agreement_approve(agreement_id=new.pk, actor=team_leader.user)
    old.refresh_from_db()
    assert old.status == Status.CANCELLED


def test_only_own_approved_agreement_can_be_changed(staff_member, colleague, next_week):
    other = approved_on(colleague, [MONDAY], start=next_week)
    with pytest.raises(ValidationError) as error:
        ask(staff_member, start=next_week, supersedes_id=other.pk)
    assert "supersedes" in error.value.message_dict


def test_end_shortens_the_agreement_with_a_reason(staff_member, team_leader):
    today = timezone.localdate()
    agreement = approved_on(staff_member, [MONDAY], start=today - timedelta(days=30), end=today + timedelta(days=300))
    with pytest.raises(ValidationError) as error:
        telework_agreement_end(
            agreement_id=agreement.pk, actor=team_leader.user, end=today - timedelta(days=1), reason="x"
        )
    assert "end" in error.value.message_dict
    with pytest.raises(ValidationError):
        telework_agreement_end(
            agreement_id=agreement.pk, actor=team_leader.user, end=today + timedelta(days=300), reason="x"
        )
    telework_agreement_end(agreement_id=agreement.pk, actor=staff_member.user, end=today, reason="Verhuisd")
    agreement.refresh_from_db()
    assert agreement.status == Status.APPROVED and agreement.end == today and agreement.end_reason == "Verhuisd"


def test_ending_before_the_start_cancels(staff_member, team_leader, next_week):
    agreement = approved_on(staff_member, [MONDAY], start=next_week)
    telework_agreement_end(agreement_id=agreement.pk, actor=team_leader.user, end=timezone.localdate(), reason="x")
    agreement.refresh_from_db()
    assert agreement.status == Status.CANCELLED


def test_colleague_cannot_end_or_withdraw(staff_member, colleague, next_week):
    colleague.user = StaffFactory(with_user=True).user
    colleague.user.staff = colleague
    agreement = ask(staff_member, start=next_week)
    with pytest.raises(PermissionDenied):
        telework_agreement_withdraw(agreement_id=agreement.pk, actor=colleague.user)
    telework_agreement_withdraw(agreement_id=agreement.pk, actor=staff_member.user)
    agreement.refresh_from_db()
    assert agreement.status == Status.WITHDRAWN


# --- comply or explain -----------------------------------------------------------------------------------


def test_hr_records_a_deviation_with_its_explanation_and_history(hr_officer, entity):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        telework_explanation_record(
            entity_id=entity.pk, actor=hr_officer, applies_telework=False, explanation=" ", effective_from=today
        )
    assert "explanation" in error.value.message_dict
    telework_explanation_record(
        entity_id=entity.pk, actor=hr_officer, applies_telework=False, explanation="Loket", effective_from=today
    )
    with pytest.raises(ValidationError):
        telework_explanation_record(
            entity_id=entity.pk, actor=hr_officer, applies_telework=True, explanation="", effective_from=today
        )
    event = AuditEvent.objects.get(action="telework.explanation.recorded")
    assert event.entity == entity and event.after["explanation"] == "Loket"


def test_hr_of_another_entity_and_staff_cannot_record(hr_officer, other_entity, staff_member, central_hr):
    today = timezone.localdate()
    for actor, target in [(hr_officer, other_entity), (staff_member.user, staff_member.entity)]:
        with pytest.raises(PermissionDenied):
            telework_explanation_record(
                entity_id=target.pk, actor=actor, applies_telework=False, explanation="x", effective_from=today
            )
    record = telework_explanation_record(
        entity_id=other_entity.pk, actor=central_hr, applies_telework=False, explanation="x", effective_from=today
    )
    assert record.pk


def test_database_refuses_an_unexplained_deviation(entity):
    with pytest.raises(IntegrityError):
        TeleworkExplanationFactory(entity=entity, explanation="")
