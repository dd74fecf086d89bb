"""Contractual careers (who may apply to statutory promotion posts, project leaders) and career paths."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from deployability.careers import services
from deployability.careers.models import FunctionProfileCompetency, PromotionApplication, PromotionPost
from deployability.careers.selectors import DIAGONAL, HORIZONTAL, VERTICAL, career_paths
from hrportal.models import Competency, FunctionFamily, Staff, StaffCompetency
from tests.factories import FunctionFactory, StaffFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 10)


@pytest.fixture
def post(entity):
    return PromotionPost.objects.create(
        title="Afdelingshoofd",
        function=FunctionFactory(function_class=14),
        grade=Staff.Grade.A2,
        entity=entity,
        opens_on=date(2026, 3, 1),
        closes_on=TODAY,
    )


def _apply(staff, post, today=TODAY):
    return services.post_apply(actor=staff.user, post_id=post.pk, today=today)


def test_statutory_staff_may_apply(staff_member, post):
    assert _apply(staff_member, post).employment_type == Staff.EmploymentType.STATUTORY


def test_contractual_through_objective_recruitment_may_apply(entity, post):
    staff = StaffFactory(entity=entity, contractual=True, objective_recruitment=True, with_user=True)
    assert _apply(staff, post).employment_type == Staff.EmploymentType.CONTRACTUAL


def test_other_contractuals_are_refused_with_the_reason(entity, post):
    staff = StaffFactory(entity=entity, contractual=True, objective_recruitment=False, with_user=True)
    with pytest.raises(ValidationError) as error:
        _apply(staff, post)
    assert "objectieve selectie" in error.value.message_dict["motivation"][0]  # Dutch: the default language
    assert not PromotionApplication.objects.exists()


def test_applications_close_at_the_end_of_the_last_day(staff_member, colleague, post):
    _apply(staff_member, post, today=TODAY)  # the last day: accepted
    from tests.factories import UserFactory

    colleague.user = UserFactory()
    colleague.save()
    with pytest.raises(ValidationError):
        _apply(colleague, post, today=date(2026, 3, 11))  # the day after
    with pytest.raises(ValidationError):
        _apply(colleague, post, today=date(2026, 2, 28))  # the day before it opens


def test_one_application_per_post(staff_member, post):
    _apply(staff_member, post)
    with pytest.raises(ValidationError):
        _apply(staff_member, post)


def test_api_refuses_a_contractual_with_400_and_the_reason(entity, post, settings):
    staff = StaffFactory(entity=entity, contractual=True, objective_recruitment=False, with_user=True)
    post.closes_on = date(2099, 1, 1)
    post.opens_on = date(2020, 1, 1)
    post.save()
    client = Client()
    client.force_login(staff.user)
    response = client.post(f"/api/deployability/careers/posts/{post.pk}/apply/", {}, content_type="application/json")
    assert response.status_code == 400 and "motivation" in response.json()
    page = client.get(f"/deployability/careers/posts/{post.pk}/").content.decode()
    assert "objective" in page or "objectieve" in page


def test_a_contractual_may_be_appointed_project_leader_by_the_manager(entity, line_manager, outsider):
    staff = StaffFactory(entity=entity, line_manager=line_manager, contractual=True)
    appointment = services.project_leader_appoint(
        actor=line_manager.user, staff=staff, project="Digitaal loket", start=date(2026, 4, 1)
    )
    assert appointment.staff == staff
    with pytest.raises(PermissionDenied):
        services.project_leader_appoint(actor=outsider.user, staff=staff, project="X", start=date(2026, 4, 1))
    with pytest.raises(ValidationError):
        services.project_leader_appoint(
            actor=line_manager.user, staff=staff, project="Y", start=date(2026, 4, 1), end=date(2026, 3, 31)
        )


@pytest.fixture
def matrix():
    policy = FunctionFamily.objects.get(code="beleidsfuncties")
    other = FunctionFamily.objects.exclude(pk=policy.pk).exclude(is_management=True).order_by("position").first()
    own = FunctionFactory(name="Beleidsmedewerker", family=policy, function_class=12)
    up = FunctionFactory(name="Beleidsadviseur", family=policy, function_class=13)
    side = FunctionFactory(name="Dossierbeheerder", family=other, function_class=12)
    diag = FunctionFactory(name="Senior dossierbeheerder", family=other, function_class=13)
    far = FunctionFactory(name="Te ver", family=other, function_class=15)
    return {"own": own, "up": up, "side": side, "diag": diag, "far": far}


def test_career_paths_vertical_horizontal_diagonal_with_fit(staff_member, matrix):
    staff_member.function = matrix["own"]
    staff_member.save()
    analysis, deciding = Competency.objects.order_by("id")[:2]
    StaffCompetency.objects.create(staff=staff_member, competency=analysis, level=3)
    FunctionProfileCompetency.objects.create(function=matrix["up"], competency=analysis, level=3)  # at the level
    FunctionProfileCompetency.objects.create(function=matrix["diag"], competency=analysis, level=4)  # one above
    FunctionProfileCompetency.objects.create(function=matrix["side"], competency=deciding, level=1)  # lacking
    with CaptureQueriesContext(connection) as queries:
        paths = career_paths(staff=staff_member)
    assert len(queries) == 3
    by_name = {e.function.name: e for group in paths.values() for e in group}
    assert "Te ver" not in by_name and "Beleidsmedewerker" not in by_name
    assert by_name["Beleidsadviseur"].path == VERTICAL and by_name["Beleidsadviseur"].fits
    assert by_name["Senior dossierbeheerder"].path == DIAGONAL and not by_name["Senior dossierbeheerder"].fits
    assert by_name["Dossierbeheerder"].path == HORIZONTAL and by_name["Dossierbeheerder"].missing[0][2] == 0


def test_career_path_pages_respect_scope(staff_member, line_manager, outsider, matrix):
    staff_member.function = matrix["own"]
    staff_member.save()
    client = Client()
    client.force_login(staff_member.user)
    assert "Beleidsadviseur" in client.get("/deployability/careers/paths/").content.decode()
    manager = Client()
    manager.force_login(line_manager.user)
    assert manager.get(f"/deployability/careers/paths/?staff={staff_member.pk}").status_code == 200
    other = Client()
    other.force_login(outsider.user)
    assert other.get(f"/deployability/careers/paths/?staff={staff_member.pk}").status_code == 404
    assert other.get(f"/api/deployability/careers/paths/?staff={staff_member.pk}").status_code == 404
    assert len(client.get("/api/deployability/careers/paths/").json()) == 3


def test_only_hr_publishes_posts_for_their_entities(hr_officer, staff_member, entity, other_entity, matrix):
    with pytest.raises(PermissionDenied):
        services.post_publish(
            actor=staff_member.user,
            title="X",
            function=matrix["up"],
            grade="A2",
            entity=entity,
            opens_on=TODAY,
            closes_on=TODAY,
        )
    with pytest.raises(ValidationError) as error:
        services.post_publish(
            actor=hr_officer,
            title="X",
            function=matrix["up"],
            grade="A2",
            entity=other_entity,
            opens_on=TODAY,
            closes_on=TODAY,
        )
    assert "entity" in error.value.message_dict
    services.post_publish(
        actor=hr_officer, title="X", function=matrix["up"], grade="A2", entity=entity, opens_on=TODAY, closes_on=TODAY
    )
