import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q

from hrportal.models import Entity, Evaluation, HrOfficerScope, Staff, User
from hrportal.roles import Role, roles_of

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_an_organisation_with_a_user_for_every_role():
    call_command("seed_demo", staff=600)
    assert Staff.objects.count() == 600
    assert Entity.objects.filter(kind="policy_domain").count() == 11
    users = {u.username: u for u in User.objects.all()}
    assert roles_of(users["demo-staff"]) == {Role.STAFF}
    assert Role.MANAGER in roles_of(users["demo-manager"])
    assert Role.HR in roles_of(users["demo-hr"])
    assert Role.CENTRAL in roles_of(users["demo-central"])
    assert Role.ADMIN in roles_of(users["admin"])
    assert users["demo-hr"].check_password("demo")
    assert HrOfficerScope.objects.filter(user=users["demo-hr"], entity__code="ago").exists()
    # Every staff member but the top officials has a line manager.
    assert Staff.objects.filter(line_manager__isnull=True).exclude(management_tier="N").count() == 0


def test_seed_demo_gender_mix_is_close_to_the_seed():
    call_command("seed_demo", staff=3000)
    shares = Staff.objects.values("management_tier").annotate(n=Count("id"), women=Count("id", filter=Q(gender="F")))
    share = {row["management_tier"]: row["women"] / row["n"] for row in shares}
    assert 0.40 <= share["none"] <= 0.65
    assert 0.10 <= share["N-1"] <= 0.65  # few people: loose bounds around the seed's 31-39%


def test_seed_demo_is_deterministic_and_refuses_a_filled_database():
    # The first organisation is seeded inside a savepoint that is rolled back: records that keep
    # history (agreements, applications) need not be deletable for the second run to start empty.
    with transaction.atomic():
        call_command("seed_demo", staff=200)
        first = list(Staff.objects.order_by("id").values_list("last_name", "grade", "entity__code")[:50])
        with pytest.raises(CommandError), transaction.atomic():
            call_command("seed_demo", staff=200)
        call_command("seed_demo", staff=200, if_empty=True)  # make run's second start: a no-op
        transaction.set_rollback(True)
    assert not Staff.objects.exists()
    call_command("seed_demo", staff=200)
    again = list(Staff.objects.order_by("id").values_list("last_name", "grade", "entity__code")[:50])
    assert again == first


def test_seed_demo_with_ten_years_of_evaluations_keeps_the_demo_and_adds_the_years_before():
    """The benchmark's --evaluation-years (issue 10): the same people and the same two latest years as the
    demo, and one evaluation a year before them for everyone in service that year."""

    def evaluations():
        return set(
            Evaluation.objects.filter(evaluated_on__year__in=[2024, 2025]).values_list(
                "staff__personnel_number", "evaluated_on", "rating"
            )
        )

    with transaction.atomic():
        call_command("seed_demo", staff=200)
        demo, people = evaluations(), list(Staff.objects.order_by("id").values_list("personnel_number", "salary_scale"))
        transaction.set_rollback(True)
    with pytest.raises(CommandError):
        call_command("seed_demo", staff=200, evaluation_years=31)
    call_command("seed_demo", staff=200, evaluation_years=10)
    assert list(Staff.objects.order_by("id").values_list("personnel_number", "salary_scale")) == people
    assert evaluations() == demo
    per_year = dict(
        Evaluation.objects.filter(evaluated_on__year__lt=2024)
        .values_list("evaluated_on__year")
        .annotate(n=Count("id"))
        .values_list("evaluated_on__year", "n")
    )
    assert sorted(per_year) == list(range(2016, 2024))
    in_service_2016 = Staff.objects.filter(service_start__year__lte=2016).count()
    # the evaluation-cases demo rewrites the history of two people (a case waiting for demo-hr)
    assert in_service_2016 - 2 <= per_year[2016] <= in_service_2016
    assert in_service_2016 > 0
    assert not Evaluation.objects.filter(evaluated_on__year=2015).exists()
