"""The rules of the function-upgrade allowance, each at its limit and one past it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.audit.models import AuditEvent
from hrportal.models import Staff
from reward.matrix.models import FunctionReclassification
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from reward.upgrade.services import (
    days_counted,
    upgrade_allowance_end_early,
    upgrade_allowance_extend,
    upgrade_allowance_grant,
)
from tests.factories import PolicyParameterFactory, StaffFactory

pytestmark = pytest.mark.django_db

DECIDED = date(2026, 1, 10)


def grant(actor, holder, function, start=date(2026, 2, 1), end=date(2026, 7, 31), **kwargs):
    kwargs.setdefault("decision_date", DECIDED)
    return upgrade_allowance_grant(
        actor=actor,
        holder=holder,
        function=function,
        tasks=kwargs.pop("tasks", "Meewerken aan het project"),
        percentage=kwargs.pop("percentage", "8"),
        start=start,
        end=end,
        **kwargs,
    )


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# --- who grants ------------------------------------------------------------------------------------------


def test_the_indirect_line_manager_grants_and_the_grant_is_audited_with_its_parameters(
    line_manager, holder, heavier_function
):
    allowance = grant(line_manager.user, holder, heavier_function)
    assert allowance.status == UpgradeAllowance.Status.ACTIVE
    assert (allowance.own_class, allowance.function_class, allowance.percentage) == (12, 13, Decimal("8.00"))
    period = allowance.periods.get()
    assert (period.start, period.end, period.kind) == (date(2026, 2, 1), date(2026, 7, 31), "initial")
    assert period.parameters["values"]["reward.upgrade.max_days"] == 365
    event = AuditEvent.objects.get(action="reward.upgrade.granted")
    assert event.parameters["values"]["reward.upgrade.min_class_difference"] == 1
    assert event.parameters["on"] == "2026-01-10"


def test_the_direct_manager_and_hr_of_the_entity_grant(team_leader, hr_officer, holder, heavier_function):
    grant(team_leader.user, holder, heavier_function)
    grant(hr_officer, holder, heavier_function, start=date(2026, 8, 1), end=date(2026, 12, 31))
    assert UpgradeAllowance.objects.filter(holder=holder).count() == 2


def test_staff_cannot_grant_to_themselves_nor_to_a_colleague(holder, colleague, heavier_function):
    with pytest.raises(PermissionDenied):
        grant(holder.user, holder, heavier_function)
    with pytest.raises(PermissionDenied):
        grant(holder.user, colleague, heavier_function)


def test_hr_of_another_entity_cannot_grant(outsider, holder, heavier_function, other_entity):
    from tests.factories import HrOfficerScopeFactory

    other_hr = HrOfficerScopeFactory(entity=other_entity).user
    with pytest.raises(PermissionDenied):
        grant(other_hr, holder, heavier_function)
    with pytest.raises(PermissionDenied):
        grant(outsider.user, holder, heavier_function)


def test_an_hr_officer_cannot_grant_to_themselves(hr_officer, heavier_function, own_function):
    me = Staff.objects.get(user=hr_officer)
    me.function = own_function
    me.save()
    with pytest.raises(PermissionDenied):
        grant(hr_officer, me, heavier_function)


# --- who may hold it: N refused, N-1 allowed --------------------------------------------------------------


def test_top_management_is_refused_and_middle_management_allowed(central_hr, entity, own_function, heavier_function):
    top = StaffFactory(entity=entity, top_manager=True, function=own_function)
    middle = StaffFactory(entity=entity, middle_manager=True, function=own_function)
    with pytest.raises(ValidationError) as excinfo:
        grant(central_hr, top, heavier_function)
    assert "holder" in errors_of(excinfo)
    assert grant(central_hr, middle, heavier_function).pk


def test_contractual_staff_may_hold_it(central_hr, entity, own_function, heavier_function):
    contractual = StaffFactory(entity=entity, contractual=True, function=own_function)
    assert grant(central_hr, contractual, heavier_function).pk


# --- the heavier function ---------------------------------------------------------------------------------


def test_a_function_of_the_same_class_is_refused_one_class_up_allowed(
    line_manager, holder, same_class_function, heavier_function
):
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, same_class_function)
    assert "function" in errors_of(excinfo)
    assert grant(line_manager.user, holder, heavier_function).function_class == 13


def test_the_class_difference_is_a_parameter(line_manager, holder, heavier_function, policy_family):
    from tests.factories import FunctionFactory

    PolicyParameterFactory(key="reward.upgrade.min_class_difference", value=2, valid_from=date(2026, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, heavier_function)
    assert "function" in errors_of(excinfo)
    two_up = FunctionFactory(name="Adviseur-coördinator", family=policy_family, function_class=14)
    assert grant(line_manager.user, holder, two_up).pk


def test_the_own_class_is_the_one_that_applied_on_the_decision_date(
    line_manager, holder, own_function, heavier_function
):
    # The own function was class 13 until 1 January 2026: a function of class 13 was not heavier before it.
    FunctionReclassification.objects.create(
        function=own_function, from_class=13, to_class=12, effective_date=date(2026, 1, 1), reason="Herweging"
    )
    with pytest.raises(ValidationError):
        grant(line_manager.user, holder, heavier_function, decision_date=date(2025, 12, 31))
    assert grant(line_manager.user, holder, heavier_function, decision_date=date(2026, 1, 1)).own_class == 12


def test_a_holder_without_a_function_is_refused(line_manager, staff_member, heavier_function):
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, staff_member, heavier_function)
    assert "holder" in errors_of(excinfo)


# --- period length: 29/30 days, 1 year (365/366) ----------------------------------------------------------


def test_29_days_are_refused_30_allowed(line_manager, holder, heavier_function):
    start = date(2026, 3, 1)
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, heavier_function, start=start, end=start + timedelta(days=28))
    assert "end" in errors_of(excinfo)
    assert grant(line_manager.user, holder, heavier_function, start=start, end=start + timedelta(days=29)).pk


def test_one_year_is_start_plus_one_year_minus_one_day(line_manager, holder, heavier_function):
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, heavier_function, start=date(2026, 3, 1), end=date(2027, 3, 1))  # 366 days
    assert "end" in errors_of(excinfo)
    assert grant(line_manager.user, holder, heavier_function, start=date(2026, 3, 1), end=date(2027, 2, 28)).pk


def test_across_29_february_one_year_has_366_calendar_days(line_manager, holder, heavier_function):
    assert days_counted(date(2027, 3, 1), date(2028, 2, 29)) == 365
    with pytest.raises(ValidationError):
        grant(line_manager.user, holder, heavier_function, start=date(2027, 3, 1), end=date(2028, 3, 1))
    allowance = grant(line_manager.user, holder, heavier_function, start=date(2027, 3, 1), end=date(2028, 2, 29))
    assert (allowance.periods.get().end - allowance.periods.get().start).days + 1 == 366


def test_the_end_before_the_start_is_refused(line_manager, holder, heavier_function):
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, heavier_function, start=date(2026, 3, 1), end=date(2026, 2, 1))
    assert "end" in errors_of(excinfo)


@pytest.mark.parametrize("percentage", ["0", "-1", "100.01", "abc", None])
def test_a_percentage_outside_0_100_is_refused(line_manager, holder, heavier_function, percentage):
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, heavier_function, percentage=percentage)
    assert "percentage" in errors_of(excinfo)
    assert not UpgradeAllowance.objects.exists()


def test_100_percent_is_the_limit(line_manager, holder, heavier_function):
    assert grant(line_manager.user, holder, heavier_function, percentage="100").percentage == Decimal("100.00")


# --- no overlap -------------------------------------------------------------------------------------------


def test_periods_of_one_person_never_overlap(line_manager, holder, heavier_function):
    grant(line_manager.user, holder, heavier_function, start=date(2026, 2, 1), end=date(2026, 7, 31))
    with pytest.raises(ValidationError) as excinfo:
        grant(line_manager.user, holder, heavier_function, start=date(2026, 7, 31), end=date(2026, 9, 30))
    assert "start" in errors_of(excinfo)
    assert grant(line_manager.user, holder, heavier_function, start=date(2026, 8, 1), end=date(2026, 9, 30)).pk


# --- extension --------------------------------------------------------------------------------------------


def test_extensions_under_the_2013_statute_are_unlimited_periods_of_a_year(line_manager, holder, heavier_function):
    allowance = grant(line_manager.user, holder, heavier_function, start=date(2020, 2, 1), end=date(2021, 1, 31))
    # one year after the end: 1 Feb 2021 - 31 Jan 2022 (a 366th day refused)
    with pytest.raises(ValidationError) as excinfo:
        upgrade_allowance_extend(
            actor=line_manager.user, allowance_id=allowance.pk, end=date(2022, 2, 1), decision_date=date(2021, 1, 5)
        )
    assert "end" in errors_of(excinfo)
    ends = [date(2022, 1, 31), date(2023, 1, 31), date(2024, 1, 31)]
    decided = [date(2021, 1, 5), date(2022, 1, 5), date(2023, 1, 5)]
    for end, on in zip(ends, decided, strict=True):
        upgrade_allowance_extend(actor=line_manager.user, allowance_id=allowance.pk, end=end, decision_date=on)
    assert allowance.periods.filter(kind=UpgradePeriod.Kind.EXTENSION).count() == 3


def _statute_2024():
    """The later statute, entered by central HR as dated parameter values (no code change)."""
    start = date(2024, 6, 1)
    PolicyParameterFactory(key="reward.upgrade.known_max_days", value=1825, valid_from=start)
    PolicyParameterFactory(key="reward.upgrade.max_extensions", value=1, valid_from=start)


def test_under_the_2024_statute_the_second_extension_is_refused(line_manager, holder, heavier_function):
    _statute_2024()
    allowance = grant(
        line_manager.user,
        holder,
        heavier_function,
        start=date(2025, 2, 1),
        end=date(2026, 1, 31),
        decision_date=date(2025, 1, 10),
    )
    period = upgrade_allowance_extend(
        actor=line_manager.user, allowance_id=allowance.pk, end=date(2027, 1, 31), decision_date=date(2026, 1, 5)
    )
    assert period.parameters["values"]["reward.upgrade.max_extensions"] == 1
    with pytest.raises(ValidationError) as excinfo:
        upgrade_allowance_extend(
            actor=line_manager.user, allowance_id=allowance.pk, end=date(2027, 12, 31), decision_date=date(2027, 1, 5)
        )
    assert "end" in errors_of(excinfo)


def test_a_grant_before_and_after_the_change_of_statute(line_manager, holder, heavier_function):
    """Known duration: one year at most before 1 June 2024, five years from then on; each grant records its values."""
    _statute_2024()
    known = UpgradeAllowance.Regime.KNOWN
    with pytest.raises(ValidationError) as excinfo:
        grant(
            line_manager.user,
            holder,
            heavier_function,
            start=date(2024, 7, 1),
            end=date(2026, 6, 30),
            regime=known,
            decision_date=date(2024, 5, 31),
        )
    assert "end" in errors_of(excinfo)
    # five years = start + 5 years - 1 day; one day more is refused
    with pytest.raises(ValidationError):
        grant(
            line_manager.user,
            holder,
            heavier_function,
            start=date(2024, 7, 1),
            end=date(2029, 7, 1),
            regime=known,
            decision_date=date(2024, 6, 1),
        )
    allowance = grant(
        line_manager.user,
        holder,
        heavier_function,
        start=date(2024, 7, 1),
        end=date(2029, 6, 30),
        regime=known,
        decision_date=date(2024, 6, 1),
    )
    assert allowance.parameters["values"]["reward.upgrade.known_max_days"] == 1825
    # the unknown-duration regime keeps its one year
    other = StaffFactory(entity=holder.entity, line_manager=holder.line_manager, function=holder.function)
    with pytest.raises(ValidationError):
        grant(
            line_manager.user,
            other,
            heavier_function,
            start=date(2024, 7, 1),
            end=date(2025, 7, 1),
            decision_date=date(2024, 6, 1),
        )


def test_an_old_grant_keeps_the_values_it_recorded(line_manager, holder, heavier_function):
    allowance = grant(
        line_manager.user,
        holder,
        heavier_function,
        start=date(2023, 2, 1),
        end=date(2024, 1, 31),
        decision_date=date(2023, 1, 10),
    )
    _statute_2024()
    allowance.refresh_from_db()
    assert allowance.parameters["values"]["reward.upgrade.known_max_days"] == 365


def test_an_extension_must_follow_the_current_period(line_manager, holder, heavier_function):
    allowance = grant(line_manager.user, holder, heavier_function)
    with pytest.raises(ValidationError) as excinfo:
        upgrade_allowance_extend(
            actor=line_manager.user,
            allowance_id=allowance.pk,
            start=date(2026, 7, 31),
            end=date(2026, 12, 31),
            decision_date=DECIDED,
        )
    assert "start" in errors_of(excinfo)


def test_an_expired_allowance_is_not_extended(line_manager, holder, heavier_function):
    allowance = grant(line_manager.user, holder, heavier_function)
    with pytest.raises(ValidationError):
        upgrade_allowance_extend(
            actor=line_manager.user, allowance_id=allowance.pk, end=date(2026, 12, 31), decision_date=date(2026, 8, 1)
        )
    period = upgrade_allowance_extend(
        actor=line_manager.user, allowance_id=allowance.pk, end=date(2026, 12, 31), decision_date=date(2026, 7, 31)
    )
    assert period.start == date(2026, 8, 1)


def test_the_holder_cannot_extend_their_own(line_manager, holder, heavier_function):
    allowance = grant(line_manager.user, holder, heavier_function)
    with pytest.raises(PermissionDenied):
        upgrade_allowance_extend(
            actor=holder.user, allowance_id=allowance.pk, end=date(2026, 12, 31), decision_date=DECIDED
        )


# --- early end --------------------------------------------------------------------------------------------


def test_early_end_needs_a_reason_and_cuts_the_period(line_manager, holder, heavier_function):
    allowance = grant(line_manager.user, holder, heavier_function)
    upgrade_allowance_extend(
        actor=line_manager.user, allowance_id=allowance.pk, end=date(2026, 12, 31), decision_date=DECIDED
    )
    with pytest.raises(ValidationError) as excinfo:
        upgrade_allowance_end_early(
            actor=line_manager.user, allowance_id=allowance.pk, ended_on=date(2026, 5, 31), reason=" "
        )
    assert "reason" in errors_of(excinfo)
    upgrade_allowance_end_early(
        actor=line_manager.user, allowance_id=allowance.pk, ended_on=date(2026, 5, 31), reason="Project stopgezet"
    )
    allowance.refresh_from_db()
    assert allowance.status == UpgradeAllowance.Status.ENDED_EARLY
    first, extension = allowance.periods.order_by("start")
    assert (first.end, first.planned_end, first.cancelled) == (date(2026, 5, 31), date(2026, 7, 31), False)
    assert extension.cancelled
    assert AuditEvent.objects.filter(action="reward.upgrade.ended_early", note="Project stopgezet").exists()
    # the freed days may be granted again
    assert grant(line_manager.user, holder, heavier_function, start=date(2026, 6, 1), end=date(2026, 7, 31)).pk
    with pytest.raises(ValidationError):
        upgrade_allowance_extend(
            actor=line_manager.user, allowance_id=allowance.pk, end=date(2027, 6, 30), decision_date=DECIDED
        )


def test_early_end_outside_the_periods_is_refused(line_manager, holder, heavier_function):
    allowance = grant(line_manager.user, holder, heavier_function)
    for ended_on in (date(2026, 1, 31), date(2026, 7, 31)):
        with pytest.raises(ValidationError) as excinfo:
            upgrade_allowance_end_early(
                actor=line_manager.user, allowance_id=allowance.pk, ended_on=ended_on, reason="x"
            )
        assert "ended_on" in errors_of(excinfo)
