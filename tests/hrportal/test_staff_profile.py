import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.audit.models import AuditEvent
from hrportal.models import Competency
from hrportal.services.staff import staff_profile_update

pytestmark = pytest.mark.django_db


def competencies(n):
    return list(Competency.objects.order_by("id").values_list("id", flat=True)[:n])


def test_member_replaces_own_competencies_and_languages_and_it_is_audited(staff_member):
    first, second = competencies(2)
    staff_profile_update(
        staff_id=staff_member.pk,
        actor=staff_member.user,
        languages=[("nl", "native"), ("fr", "good")],
        competencies=[(first, 3), (second, 1)],
    )
    assert sorted(staff_member.competencies.values_list("competency_id", "level")) == sorted([(first, 3), (second, 1)])
    event = AuditEvent.objects.get(action="staff.profile_updated")
    assert event.actor == staff_member.user
    assert event.staff == staff_member
    assert event.before == {"languages": [], "competencies": []}
    assert ["fr", "good"] in event.after["languages"]


def test_a_duplicate_competency_is_refused_and_nothing_changes(staff_member):
    (first,) = competencies(1)
    staff_profile_update(
        staff_id=staff_member.pk, actor=staff_member.user, languages=[("nl", "native")], competencies=[(first, 2)]
    )
    with pytest.raises(ValidationError) as error:
        staff_profile_update(
            staff_id=staff_member.pk, actor=staff_member.user, languages=[], competencies=[(first, 3), (first, 4)]
        )
    assert "competencies" in error.value.message_dict
    assert list(staff_member.competencies.values_list("level", flat=True)) == [2]
    assert staff_member.languages.count() == 1


def test_level_five_is_refused(staff_member):
    (first,) = competencies(1)
    with pytest.raises(ValidationError):
        staff_profile_update(staff_id=staff_member.pk, actor=staff_member.user, languages=[], competencies=[(first, 5)])


def test_a_manager_may_not_edit_a_reports_profile(line_manager, staff_member):
    with pytest.raises(PermissionDenied):
        staff_profile_update(staff_id=staff_member.pk, actor=line_manager.user, languages=[], competencies=[])
