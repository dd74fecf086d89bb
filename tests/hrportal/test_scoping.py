import pytest

from hrportal.roles import Role, roles_of
from hrportal.scoping import can_edit_profile, can_manage_staff, can_work_hr_case, staff_visible_to
from tests.factories import EntityFactory, HrOfficerScopeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def visible_ids(user):
    return set(staff_visible_to(user).values_list("id", flat=True))


def test_staff_member_sees_only_own_record(staff_member, colleague, outsider):
    assert visible_ids(staff_member.user) == {staff_member.pk}


def test_line_manager_sees_direct_and_indirect_reports_and_self(
    line_manager, team_leader, staff_member, colleague, outsider
):
    assert visible_ids(line_manager.user) == {line_manager.pk, team_leader.pk, staff_member.pk, colleague.pk}


def test_team_leader_sees_own_reports_but_not_own_manager(line_manager, team_leader, staff_member):
    assert visible_ids(team_leader.user) == {team_leader.pk, staff_member.pk}


def test_hr_officer_sees_own_entity_and_its_divisions_but_not_other_entities(
    entity, hr_officer, staff_member, outsider
):
    division = EntityFactory(parent=entity, kind="division")
    in_division = StaffFactory(entity=division)
    visible = visible_ids(hr_officer)
    assert {staff_member.pk, in_division.pk} <= visible
    assert outsider.pk not in visible


def test_central_hr_and_admin_see_everyone(central_hr, admin_user, staff_member, outsider):
    assert {staff_member.pk, outsider.pk} <= visible_ids(central_hr)
    assert {staff_member.pk, outsider.pk} <= visible_ids(admin_user)


def test_user_without_staff_record_or_role_sees_nothing(staff_member):
    assert visible_ids(UserFactory()) == set()


def test_roles_are_derived_from_data(line_manager, staff_member, hr_officer, central_hr):
    assert roles_of(line_manager.user) == {Role.STAFF, Role.MANAGER}
    assert roles_of(staff_member.user) == {Role.STAFF}
    assert Role.HR in roles_of(hr_officer)
    assert roles_of(central_hr) == {Role.CENTRAL}


def test_manager_may_decide_for_indirect_report_not_for_self_or_outsider(line_manager, staff_member, outsider):
    assert can_manage_staff(user=line_manager.user, staff=staff_member)
    assert not can_manage_staff(user=line_manager.user, staff=line_manager)
    assert not can_manage_staff(user=line_manager.user, staff=outsider)


def test_profile_is_edited_by_self_or_hr_of_the_entity_only(line_manager, staff_member, hr_officer, outsider):
    assert can_edit_profile(user=staff_member.user, staff=staff_member)
    assert can_edit_profile(user=hr_officer, staff=staff_member)
    assert not can_edit_profile(user=line_manager.user, staff=staff_member)
    assert not can_edit_profile(user=hr_officer, staff=outsider)
    assert can_work_hr_case(user=hr_officer, staff=staff_member)
    assert not can_work_hr_case(user=hr_officer, staff=outsider)


def test_hr_scope_on_a_policy_domain_covers_every_entity_below(entity, outsider):
    domain = entity.parent
    scope = HrOfficerScopeFactory(entity=domain)
    member = StaffFactory(entity=entity)
    assert member.pk in visible_ids(scope.user)
    assert outsider.entity.parent_id == domain.pk  # both factories share the test domain
    assert outsider.pk in visible_ids(scope.user)
