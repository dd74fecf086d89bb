"""factory-boy factories for the shared staff model; apps keep theirs in tests/<app>/factories.py."""

from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from hrportal import models


class UserFactory(DjangoModelFactory):
    class Meta:
        model = models.User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.django.Password("pw")

    class Params:
        central = factory.Trait(is_central_hr=True)
        admin = factory.Trait(is_superuser=True, is_staff=True)


class EntityFactory(DjangoModelFactory):
    class Meta:
        model = models.Entity

    code = factory.Sequence(lambda n: f"entity-{n}")
    name = factory.Sequence(lambda n: f"Agentschap {n}")
    kind = models.Entity.Kind.ENTITY
    parent = factory.LazyFunction(
        lambda: models.Entity.objects.get_or_create(
            code="domain-test", defaults={"name": "Testdomein", "kind": models.Entity.Kind.POLICY_DOMAIN}
        )[0]
    )
    headcount_target = 100

    class Params:
        domain = factory.Trait(kind=models.Entity.Kind.POLICY_DOMAIN, parent=None)


class FunctionFactory(DjangoModelFactory):
    class Meta:
        model = models.Function

    name = factory.Sequence(lambda n: f"Functie {n}")
    family = factory.LazyFunction(lambda: models.FunctionFamily.objects.get(code="beleidsfuncties"))
    function_class = 13
    weight = 130
    teleworkable = True


class StaffFactory(DjangoModelFactory):
    class Meta:
        model = models.Staff

    personnel_number = factory.Sequence(lambda n: f"{n:07d}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.Sequence(lambda n: f"staff{n}@vlaanderen.example")
    entity = factory.SubFactory(EntityFactory)
    level = models.Staff.Level.A
    grade = models.Staff.Grade.A1
    salary_scale = "A111"
    gross_monthly_salary = Decimal("4000.00")
    employment_type = models.Staff.EmploymentType.STATUTORY
    management_tier = models.Staff.Tier.NONE
    service_start = date(2010, 1, 1)
    entity_start = date(2015, 1, 1)
    gender = models.Staff.Gender.FEMALE
    working_time_fraction = Decimal("1.00")

    class Params:
        with_user = factory.Trait(user=factory.SubFactory(UserFactory))
        middle_manager = factory.Trait(management_tier=models.Staff.Tier.MIDDLE, grade=models.Staff.Grade.A2A)
        top_manager = factory.Trait(management_tier=models.Staff.Tier.TOP, grade=models.Staff.Grade.A3)
        contractual = factory.Trait(employment_type=models.Staff.EmploymentType.CONTRACTUAL)


class StaffCompetencyFactory(DjangoModelFactory):
    class Meta:
        model = models.StaffCompetency

    staff = factory.SubFactory(StaffFactory)
    competency = factory.LazyFunction(lambda: models.Competency.objects.order_by("?").first())
    level = 2


class EvaluationFactory(DjangoModelFactory):
    class Meta:
        model = models.Evaluation

    staff = factory.SubFactory(StaffFactory)
    evaluated_on = factory.Sequence(lambda n: date(2000 + n % 25, 6, 1))
    rating = models.Evaluation.Rating.GOOD


class HrOfficerScopeFactory(DjangoModelFactory):
    class Meta:
        model = models.HrOfficerScope

    user = factory.SubFactory(UserFactory)
    entity = factory.SubFactory(EntityFactory)


class PolicyParameterFactory(DjangoModelFactory):
    class Meta:
        model = models.PolicyParameter

    key = "reward.upgrade.min_days"
    value = 30
    valid_from = date(2014, 1, 1)
