from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from telework.models import TeleworkAgreement, TeleworkExplanation
from tests.factories import EntityFactory, StaffFactory


class TeleworkAgreementFactory(DjangoModelFactory):
    """A pending fixed two-day request (Monday and Wednesday) from next week, for a year."""

    class Meta:
        model = TeleworkAgreement

    staff = factory.SubFactory(StaffFactory)
    days_per_week = 2
    pattern = TeleworkAgreement.Pattern.FIXED
    monday = True
    wednesday = True
    preferred_day = 0
    start = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    end = factory.LazyAttribute(lambda a: a.start + timedelta(days=365))

    class Params:
        approved = factory.Trait(
            status=TeleworkAgreement.Status.APPROVED, decided_at=factory.LazyFunction(timezone.now)
        )
        flexible = factory.Trait(
            pattern=TeleworkAgreement.Pattern.FLEXIBLE, monday=False, wednesday=False, days_per_week=2
        )


class TeleworkExplanationFactory(DjangoModelFactory):
    class Meta:
        model = TeleworkExplanation

    entity = factory.SubFactory(EntityFactory)
    applies_telework = False
    explanation = "Loketfunctie: iedereen is fysiek aanwezig."
    effective_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
