from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from mobility.models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)
from tests.factories import EntityFactory, StaffFactory


def today():
    return timezone.localdate()


class CallFactory(DjangoModelFactory):
    """An exchange call (1-6 months, level A) whose application window is open today."""

    class Meta:
        model = MobilityCall
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Uitwisseling {n}")
    kind = MobilityCall.Kind.EXCHANGE
    opens_on = factory.LazyFunction(lambda: today() - timedelta(days=5))
    closes_on = factory.LazyFunction(lambda: today() + timedelta(days=5))
    eligible_levels = "A"
    min_months = 1
    max_months = 6

    class Params:
        work_visit = factory.Trait(kind=MobilityCall.Kind.WORK_VISIT, max_months=3)
        closed = factory.Trait(
            opens_on=factory.LazyFunction(lambda: today() - timedelta(days=40)),
            closes_on=factory.LazyFunction(lambda: today() - timedelta(days=10)),
        )

    @factory.post_generation
    def hosts(self, create, extracted, **kwargs):
        if create:
            for name in extracted or ["Ministerie van BZK"]:
                HostOrganisation.objects.create(call=self, name=name)


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = MobilityApplication

    call = factory.SubFactory(CallFactory)
    staff = factory.SubFactory(StaffFactory)
    start = factory.LazyFunction(lambda: today() + timedelta(days=60))
    end = factory.LazyAttribute(lambda a: a.start + timedelta(days=60))
    status = MobilityApplication.Status.SUBMITTED

    class Params:
        agreed = factory.Trait(status=MobilityApplication.Status.AWAITING_HOST)
        approved = factory.Trait(status=MobilityApplication.Status.HOST_APPROVED)


class ClaimFactory(DjangoModelFactory):
    class Meta:
        model = ExpenseClaim

    application = factory.SubFactory(ApplicationFactory, approved=True)
    kind = ExpenseClaim.Kind.TRAVEL
    claim_date = factory.LazyFunction(today)
    amount = Decimal("100.00")
    reimbursed_percent = 50
    reimbursed_amount = Decimal("50.00")


class VacancyFactory(DjangoModelFactory):
    class Meta:
        model = ExternalVacancy

    title = factory.Sequence(lambda n: f"Beleidsmedewerker {n}")
    entity = factory.SubFactory(EntityFactory)
    level = "A"
    closes_on = factory.LazyFunction(lambda: today() + timedelta(days=30))


class ExternalApplicantFactory(DjangoModelFactory):
    class Meta:
        model = ExternalApplicant

    vacancy = factory.SubFactory(VacancyFactory)
    first_name = "Lotte"
    last_name = "Peeters"
    email = factory.Sequence(lambda n: f"extern{n}@gemeente.example")
    origin = ExternalApplicant.Origin.LOCAL_GOVERNMENT
    employer = "Stad Gent"
    permanently_appointed = True
    seniority_years = 10
    seniority_months = 3


class DetachmentFactory(DjangoModelFactory):
    class Meta:
        model = Detachment

    staff = factory.SubFactory(StaffFactory)
    institution = "Europese Commissie"
    start = factory.LazyFunction(lambda: today() - timedelta(days=30))
    annual_salary_cost = Decimal("80000.00")
    institution_pays_salary = False
    compensated_percent = 50
    compensation_amount = Decimal("40000.00")
