"""What a directory request costs: roles in one query, cached totals and options keyed without SQL."""

from django.test import RequestFactory

from hrportal.filters import StaffFilter
from hrportal.models import Entity
from hrportal.pagination import request_count_key
from hrportal.roles import Role, roles_of, sees_everything
from tests.factories import HrOfficerScopeFactory, StaffFactory


def test_roles_of_a_manager_who_is_also_hr_take_one_query(line_manager, staff_member, django_assert_num_queries):
    HrOfficerScopeFactory(entity=line_manager.entity, user=line_manager.user)
    user = type(line_manager.user).objects.select_related("staff").get(pk=line_manager.user.pk)
    with django_assert_num_queries(1):
        roles = roles_of(user)
    assert {Role.STAFF, Role.MANAGER, Role.HR} <= roles


def test_roles_of_a_staff_member_without_reports_or_scope(staff_member, colleague):
    user = type(colleague).objects.get(pk=staff_member.pk).user
    assert roles_of(user) == {Role.STAFF}


def test_central_hr_sees_everything_without_a_query(central_hr, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert sees_everything(central_hr)


def test_a_list_total_is_kept_per_person_and_filters_not_per_page(staff_member, hr_officer):
    factory = RequestFactory()

    def key(user, query):
        request = factory.get("/staff/", query)
        request.user = user
        return request_count_key(request)

    assert key(hr_officer, {"level": "A"}) == key(hr_officer, {"level": "A", "page": "3"})
    assert key(hr_officer, {"level": "A"}) != key(hr_officer, {"level": "B"})
    assert key(hr_officer, {"level": "A"}) != key(staff_member.user, {"level": "A"})


def test_entity_options_are_rendered_once_and_follow_a_rename(entity, other_entity, django_assert_num_queries):
    def html(selected=None):
        return str(StaffFilter({"entity": selected} if selected else {}, queryset=None).form["entity"])

    first = html()
    assert "Agentschap Eigen" in first and "selected" not in first
    form = StaffFilter({"entity": str(entity.pk)}, queryset=None).form
    assert form.is_valid()  # validating the choice reads the entity once (the view does this anyway)
    with django_assert_num_queries(0):  # the options come from the cache; only the choice is marked
        marked = str(form["entity"])
    assert f'<option value="{entity.pk}" selected>Agentschap Eigen</option>' in marked
    assert f'<option value="{other_entity.pk}">Agentschap Ander</option>' in marked
    Entity.objects.filter(pk=other_entity.pk).update(name="Agentschap Hernoemd")
    other_entity.refresh_from_db()
    other_entity.save()  # a save through the model drops the rendered options
    assert "Agentschap Hernoemd" in html()


def test_a_new_entity_appears_among_the_options(entity):
    assert "Agentschap Nieuw" not in str(StaffFilter({}, queryset=None).form["entity"])
    new = Entity.objects.create(name="Agentschap Nieuw", code="NEW", kind=entity.kind, parent=entity.parent)
    StaffFactory(entity=new)
    assert "Agentschap Nieuw" in str(StaffFilter({}, queryset=None).form["entity"])
