"""Recognised experience: the flow (ask, judge, decide) and the one computation, each rule at its limit."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.audit.models import AuditEvent
from reward.experience.models import ExperienceRequest
from reward.experience.selectors import Interval, experience_compute, experience_recognised, split_days
from reward.experience.services import (
    experience_request_decide,
    experience_request_judge,
    experience_request_submit,
    experience_request_withdraw,
)
from tests.factories import PolicyParameterFactory

pytestmark = pytest.mark.django_db


def period(employer="Bakkerij Peeters", sector="private", start=date(2010, 1, 1), end=date(2010, 12, 31), **kw):
    return {
        "employer": employer,
        "sector": sector,
        "start": start,
        "end": end,
        "job": kw.pop("job", "Boekhouder"),
        **kw,
    }


def _flow(staff_member, team_leader, hr_officer, periods, relevant, recognised=None, pro_rata=False):
    request = experience_request_submit(actor=staff_member.user, periods=periods)
    ids = list(request.periods.order_by("start", "id").values_list("pk", flat=True))
    experience_request_judge(
        actor=team_leader.user,
        request_id=request.pk,
        judgements={i: (r, "") for i, r in zip(ids, relevant, strict=True)},
    )
    recognised = relevant if recognised is None else recognised
    experience_request_decide(
        actor=hr_officer,
        request_id=request.pk,
        recognised=dict(zip(ids, recognised, strict=True)),
        pro_rata=pro_rata,
    )
    return request


def test_split_days():
    assert split_days(365) == (1, 0, 0)
    assert split_days(364) == (0, 11, 34)
    assert split_days(365 + 31) == (1, 1, 1)


def test_private_experience_counts_in_full_beyond_the_old_cap_of_9_years(staff_member, team_leader, hr_officer):
    _flow(staff_member, team_leader, hr_officer, [period(start=date(2000, 1, 1), end=date(2011, 12, 31))], [True])
    result = experience_recognised(staff=staff_member)
    assert result.total_days == 4383 and result.years == 12
    assert result.cap_days == 0


def test_the_old_cap_is_a_dated_parameter(staff_member, team_leader, hr_officer):
    PolicyParameterFactory(key="reward.private_experience_cap_years", value=9, valid_from=date(2000, 1, 1))
    _flow(staff_member, team_leader, hr_officer, [period(start=date(2000, 1, 1), end=date(2011, 12, 31))], [True])
    result = experience_recognised(staff=staff_member)
    assert result.total_days == 9 * 365 and result.capped_days_before_cap == 4383


def test_the_cap_does_not_touch_public_sector_experience():
    intervals = [Interval(date(2000, 1, 1), date(2000, 12, 31), Decimal(1), capped=False)]
    assert experience_compute(intervals=intervals, cap_days=10) == (366, 0)


def test_public_experience_counts_only_if_relevant(staff_member, team_leader, hr_officer):
    periods = [
        period("Stad Gent", "public", date(2005, 1, 1), date(2005, 12, 31)),
        period("Provincie", "public", date(2006, 1, 1), date(2006, 12, 31)),
    ]
    _flow(staff_member, team_leader, hr_officer, periods, [True, False])
    assert experience_recognised(staff=staff_member).total_days == 365


def test_hr_cannot_recognise_a_period_judged_not_relevant(staff_member, team_leader, hr_officer):
    request = experience_request_submit(actor=staff_member.user, periods=[period()])
    pid = request.periods.get().pk
    experience_request_judge(actor=team_leader.user, request_id=request.pk, judgements={pid: (False, "Ander vak")})
    with pytest.raises(ValidationError) as excinfo:
        experience_request_decide(actor=hr_officer, request_id=request.pk, recognised={pid: True}, pro_rata=False)
    assert f"recognised_{pid}" in excinfo.value.message_dict


def test_overlapping_periods_count_once(staff_member, team_leader, hr_officer):
    periods = [
        period("A", "private", date(2010, 1, 1), date(2010, 6, 30)),
        period("B", "self_employed", date(2010, 4, 1), date(2010, 12, 31)),
    ]
    _flow(staff_member, team_leader, hr_officer, periods, [True, True])
    assert experience_recognised(staff=staff_member).total_days == 365


def test_part_time_counts_pro_rata_only_if_hr_says_so(staff_member, team_leader, hr_officer, colleague):
    half = [period(start=date(2010, 1, 1), end=date(2010, 12, 31), part_time_fraction="0.5")]
    _flow(staff_member, team_leader, hr_officer, half, [True], pro_rata=True)
    assert experience_recognised(staff=staff_member).total_days == 183  # 182.5 rounded
    request = experience_request_submit(actor=staff_member.user, periods=half)
    experience_request_withdraw(actor=staff_member.user, request_id=request.pk)
    assert ExperienceRequest.objects.get(pk=request.pk).status == "withdrawn"


def test_full_time_without_pro_rata():
    intervals = [Interval(date(2010, 1, 1), date(2010, 12, 31), Decimal("0.5"), capped=True)]
    assert experience_compute(intervals=intervals)[0] == 183
    intervals = [Interval(date(2010, 1, 1), date(2010, 12, 31), Decimal(1), capped=True)]
    assert experience_compute(intervals=intervals)[0] == 365


def test_the_decision_is_audited_with_the_caps_and_the_result(staff_member, team_leader, hr_officer):
    _flow(staff_member, team_leader, hr_officer, [period()], [True])
    event = AuditEvent.objects.get(action="reward.experience.decided")
    assert event.parameters["values"] == {
        "reward.private_experience_cap_years": 0,
        "reward.shortage_experience_cap_years": 0,
    }
    assert event.after["total_days"] == 365


def test_only_the_manager_judges_and_only_hr_decides(staff_member, team_leader, hr_officer, colleague, line_manager):
    request = experience_request_submit(actor=staff_member.user, periods=[period()])
    pid = request.periods.get().pk
    with pytest.raises(PermissionDenied):
        experience_request_judge(actor=staff_member.user, request_id=request.pk, judgements={pid: (True, "")})
    with pytest.raises(ValidationError):
        experience_request_decide(actor=hr_officer, request_id=request.pk, recognised={pid: True}, pro_rata=False)
    experience_request_judge(actor=line_manager.user, request_id=request.pk, judgements={pid: (True, "")})
    with pytest.raises(PermissionDenied):
        experience_request_decide(actor=team_leader.user, request_id=request.pk, recognised={pid: True}, pro_rata=False)


def test_bad_periods_get_field_errors_and_nothing_is_stored(staff_member):
    with pytest.raises(ValidationError) as excinfo:
        experience_request_submit(
            actor=staff_member.user,
            periods=[
                period(
                    employer="", sector="moon", start=date(2010, 2, 1), end=date(2010, 1, 1), part_time_fraction="1.5"
                )
            ],
        )
    errors = excinfo.value.message_dict
    assert {"periods[0].employer", "periods[0].sector", "periods[0].part_time_fraction"} <= set(errors)
    with pytest.raises(ValidationError):
        experience_request_submit(actor=staff_member.user, periods=[])
    assert not ExperienceRequest.objects.exists()


def test_the_selector_answers_for_a_date(staff_member, team_leader, hr_officer):
    _flow(staff_member, team_leader, hr_officer, [period()], [True])
    assert experience_recognised(staff=staff_member, on=date(2000, 1, 1)).total_days == 0
