from datetime import timedelta

import pytest
from django.utils import timezone

from telework.models import TeleworkAgreement
from tests.factories import StaffFactory

MONDAY, TUESDAY, WEDNESDAY = 0, 1, 2


@pytest.fixture
def next_week():
    return timezone.localdate() + timedelta(days=7)


@pytest.fixture
def ten_staff_entity(entity, line_manager, team_leader, staff_member):
    """The fixture entity at exactly ten active staff (manager, leader, member and seven colleagues)."""
    for _ in range(7):
        StaffFactory(entity=entity, line_manager=line_manager)
    return entity


def approved_on(staff, days: list[int], *, start, end=None, flexible_on: int | None = None) -> TeleworkAgreement:
    """An approved agreement written directly (bypassing the rule) to set up a situation."""
    names = ["monday", "tuesday", "wednesday", "thursday", "friday"]
    if flexible_on is not None:
        return TeleworkAgreement.objects.create(
            staff=staff,
            status=TeleworkAgreement.Status.APPROVED,
            decided_at=timezone.now(),
            days_per_week=2,
            pattern=TeleworkAgreement.Pattern.FLEXIBLE,
            preferred_day=flexible_on,
            start=start,
            end=end,
        )
    return TeleworkAgreement.objects.create(
        staff=staff,
        status=TeleworkAgreement.Status.APPROVED,
        decided_at=timezone.now(),
        days_per_week=len(days),
        pattern=TeleworkAgreement.Pattern.FIXED,
        preferred_day=days[0],
        start=start,
        end=end,
        **{names[d]: True for d in days},
    )
