from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.models import AuditEvent, Competency
from leadership.roles.selectors import profile_lines, staff_against_profiles
from leadership.roles.services import profile_requirement_set
from tests.factories import StaffCompetencyFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _set(actor, code, level, valid_from, role="leader", tier="N-1"):
    return profile_requirement_set(
        actor=actor,
        role=role,
        tier=tier,
        competency=Competency.objects.get(code=code),
        required_level=level,
        valid_from=valid_from,
    )


def test_central_hr_changes_a_profile_from_a_date_and_the_old_line_stays_readable(central_hr):
    _set(central_hr, "visie", 2, date(2013, 1, 1))
    _set(central_hr, "visie", 3, date(2020, 1, 1))
    assert [line.required_level for line in profile_lines(on=date(2019, 12, 31), role="leader")] == [2]
    assert [line.required_level for line in profile_lines(on=date(2020, 1, 1), role="leader")] == [3]
    event = AuditEvent.objects.filter(action="leadership.profile.changed").latest("id")
    assert event.before == {"required_level": 2, "valid_from": "2013-01-01"}


def test_a_profile_line_cannot_be_set_before_a_later_one(central_hr):
    _set(central_hr, "visie", 2, date(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        _set(central_hr, "visie", 3, date(2019, 1, 1))
    assert "valid_from" in error.value.message_dict


def test_dropping_a_competency_closes_its_line(central_hr):
    _set(central_hr, "visie", 2, date(2013, 1, 1))
    assert _set(central_hr, "visie", None, date(2021, 1, 1)) is None
    assert not profile_lines(on=date(2021, 1, 1), role="leader").exists()


def test_only_central_hr_maintains_profiles(hr_officer, line_manager):
    for actor in (hr_officer, line_manager.user):
        with pytest.raises(PermissionDenied):
            _set(actor, "visie", 2, date(2013, 1, 1))


@pytest.mark.parametrize(("level", "meets"), [(2, False), (3, True)])
def test_a_leaders_competencies_against_the_profile_at_the_required_level(central_hr, entity, level, meets):
    _set(central_hr, "visie", 3, date(2013, 1, 1))
    leader = StaffFactory(entity=entity, middle_manager=True)
    StaffCompetencyFactory(staff=leader, competency=Competency.objects.get(code="visie"), level=level)
    roles = {r["role"]: r for r in staff_against_profiles(staff=leader, on=date(2026, 1, 1))}
    assert roles["leader"]["rows"][0]["meets"] is meets
    assert roles["leader"]["rows"][0]["actual"] == level
    assert roles["coach"]["total"] == 0
