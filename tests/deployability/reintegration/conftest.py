from datetime import date

import pytest

from deployability.models import CaseTeamMember, ReintegrationCase
from tests.factories import StaffFactory


@pytest.fixture
def physician(other_entity):
    """The occupational physician on the team: from another entity (an external service), with a login."""
    return StaffFactory(entity=other_entity, with_user=True, user__username="physician")


@pytest.fixture
def case(staff_member, physician, hr_officer):
    case = ReintegrationCase.objects.create(
        staff=staff_member,
        intake_on=date(2026, 2, 2),
        medical_details="Burn-out; behandeling loopt",
        shared_summary="Start halftijds in april",
        opened_by=hr_officer,
    )
    CaseTeamMember.objects.create(case=case, staff=physician, role=CaseTeamMember.Role.PHYSICIAN)
    return case
