import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q

from hrportal.models import Entity, HrOfficerScope, Staff, User
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
