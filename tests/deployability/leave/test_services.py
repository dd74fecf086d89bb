"""The leave rules at their limits: entitlement exactly used and one day over, favour leave never capped
and never in half days, overlap refused, the manager decides with a reason."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from deployability.leave import services
from deployability.leave.selectors import balances_for, team_calendar, working_days
from deployability.models import LeaveRequest
from hrportal.models import AuditEvent

pytestmark = pytest.mark.django_db

# 2026-03-02 is a Monday.
MON = date(2026, 3, 2)


def _ask(staff, right, start, end, **kwargs):
    return services.leave_request_create(actor=staff.user, right=right, start=start, end=end, **kwargs)


def test_working_days_count_monday_to_friday():
    assert working_days(MON, date(2026, 3, 6)) == 5
    assert working_days(MON, date(2026, 3, 8)) == 5
    assert working_days(MON, date(2026, 3, 13)) == 10
    assert working_days(date(2026, 3, 7), date(2026, 3, 8)) == 0


def test_entitlement_exactly_used_is_accepted_and_one_day_more_refused(staff_member, holiday):
    _ask(staff_member, holiday, MON, date(2026, 3, 6))  # 5 days
    _ask(staff_member, holiday, date(2026, 3, 9), date(2026, 3, 13))  # 10 of 10: exactly used
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, holiday, date(2026, 3, 16), date(2026, 3, 16))  # the 11th day
    assert "end" in error.value.message_dict
    assert "0" in error.value.message_dict["end"][0]


def test_a_half_day_over_the_entitlement_is_refused(staff_member, holiday):
    _ask(staff_member, holiday, MON, date(2026, 3, 13))  # 10 days
    with pytest.raises(ValidationError):
        _ask(staff_member, holiday, date(2026, 3, 16), date(2026, 3, 16), half_day=True)


def test_half_day_within_the_entitlement(staff_member, holiday):
    leave = _ask(staff_member, holiday, MON, MON, half_day=True)
    assert leave.days == Decimal("0.5")
    _ask(staff_member, holiday, date(2026, 3, 3), date(2026, 3, 13))  # 9 more: 9.5 of 10
    with pytest.raises(ValidationError):
        _ask(staff_member, holiday, date(2026, 3, 16), date(2026, 3, 16))  # 10.5 > 10


def test_refused_and_withdrawn_leave_gives_the_days_back(staff_member, line_manager, holiday):
    first = _ask(staff_member, holiday, MON, date(2026, 3, 13))
    services.leave_request_refuse(request_id=first.pk, actor=line_manager.user, reason="Drukke periode")
    again = _ask(staff_member, holiday, date(2026, 4, 6), date(2026, 4, 17))
    services.leave_request_withdraw(request_id=again.pk, actor=staff_member.user)
    _ask(staff_member, holiday, date(2026, 5, 4), date(2026, 5, 15))


def test_the_entitlement_counts_per_year(staff_member, holiday):
    _ask(staff_member, holiday, date(2026, 12, 7), date(2026, 12, 18))  # 10 days of 2026
    _ask(staff_member, holiday, date(2027, 1, 4), date(2027, 1, 15))  # 10 days of 2027


def test_a_request_stays_within_one_year(staff_member, holiday):
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, holiday, date(2026, 12, 30), date(2027, 1, 4))
    assert "end" in error.value.message_dict


def test_favour_leave_is_never_capped_and_any_number_of_pieces(staff_member, favour):
    # 127 weekdays, less four public holidays (Easter Monday, 1 May, Ascension, Whit Monday)
    leave = _ask(staff_member, favour, date(2026, 1, 5), date(2026, 6, 30))
    assert leave.days == 123
    for week in range(3):  # and more pieces after it
        start = date(2026, 7, 6 + 7 * week)
        _ask(staff_member, favour, start, start)
    balance = next(b for b in balances_for(staff=staff_member, year=2026) if b.right == favour)
    assert balance.remaining is None and balance.requested == 126


def test_favour_leave_is_refused_in_half_days(staff_member, favour):
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, favour, MON, MON, half_day=True)
    assert "half_day" in error.value.message_dict
    assert not LeaveRequest.objects.exists()


def test_a_half_day_spans_one_day(staff_member, holiday):
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, holiday, MON, date(2026, 3, 3), half_day=True)
    assert "half_day" in error.value.message_dict


def test_a_weekend_only_period_is_refused(staff_member, favour):
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, favour, date(2026, 3, 7), date(2026, 3, 8))
    assert "start" in error.value.message_dict


def test_the_end_before_the_start_is_refused(staff_member, favour):
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, favour, date(2026, 3, 6), MON)
    assert "end" in error.value.message_dict


def test_overlapping_leave_of_one_person_is_refused_at_one_day_of_overlap(staff_member, holiday, favour):
    _ask(staff_member, holiday, MON, date(2026, 3, 4))
    with pytest.raises(ValidationError) as error:
        _ask(staff_member, favour, date(2026, 3, 4), date(2026, 3, 6))  # shares Wednesday
    assert "start" in error.value.message_dict
    _ask(staff_member, favour, date(2026, 3, 5), date(2026, 3, 6))  # the day after: fine


def test_leave_of_another_person_may_overlap(staff_member, colleague, favour):
    from tests.factories import UserFactory

    colleague.user = UserFactory()
    colleague.save()
    _ask(staff_member, favour, MON, MON)
    _ask(colleague, favour, MON, MON)


def test_the_manager_approves_and_the_staff_member_is_told(
    staff_member, line_manager, favour, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        leave = _ask(staff_member, favour, MON, date(2026, 3, 6))
    assert [m.to for m in mail.outbox] == [[staff_member.line_manager.email]]
    with django_capture_on_commit_callbacks(execute=True):
        services.leave_request_approve(request_id=leave.pk, actor=line_manager.user)
    leave.refresh_from_db()
    assert leave.status == LeaveRequest.Status.APPROVED and leave.decided_by == line_manager.user
    assert mail.outbox[-1].to == [staff_member.email]
    actions = list(AuditEvent.objects.filter(target_id=str(leave.pk)).values_list("action", flat=True))
    assert set(actions) == {"deployability.leave.requested", "deployability.leave.approved"}


def test_a_refusal_needs_a_reason(staff_member, line_manager, favour):
    leave = _ask(staff_member, favour, MON, MON)
    with pytest.raises(ValidationError) as error:
        services.leave_request_refuse(request_id=leave.pk, actor=line_manager.user, reason=" ")
    assert "reason" in error.value.message_dict
    services.leave_request_refuse(request_id=leave.pk, actor=line_manager.user, reason="Drukte")
    leave.refresh_from_db()
    assert leave.status == LeaveRequest.Status.REFUSED and leave.decision_reason == "Drukte"


def test_nobody_decides_their_own_leave_nor_outside_their_team(staff_member, hr_officer, outsider, favour):
    leave = _ask(staff_member, favour, MON, MON)
    for actor in (staff_member.user, outsider.user, hr_officer):
        with pytest.raises(PermissionDenied):
            services.leave_request_approve(request_id=leave.pk, actor=actor)


def test_hr_decides_for_someone_without_a_line_manager(line_manager, hr_officer, favour):
    leave = _ask(line_manager, favour, MON, MON)
    services.leave_request_approve(request_id=leave.pk, actor=hr_officer)
    leave.refresh_from_db()
    assert leave.status == LeaveRequest.Status.APPROVED


def test_a_decided_request_cannot_be_decided_again(staff_member, line_manager, favour):
    leave = _ask(staff_member, favour, MON, MON)
    services.leave_request_approve(request_id=leave.pk, actor=line_manager.user)
    with pytest.raises(ValidationError):
        services.leave_request_refuse(request_id=leave.pk, actor=line_manager.user, reason="Toch niet")


def test_team_calendar_lists_the_team_per_day(staff_member, line_manager, outsider, favour):
    _ask(staff_member, favour, MON, date(2026, 3, 3))
    days = team_calendar(viewer=line_manager.user, year=2026, month=3)
    assert len(days) == 31
    assert [leave.staff for leave in days[1].entries] == [staff_member]
    assert [leave.staff for leave in days[2].entries] == [staff_member]
    assert days[3].entries == []
    assert all(not d.entries for d in team_calendar(viewer=outsider.user, year=2026, month=3))
