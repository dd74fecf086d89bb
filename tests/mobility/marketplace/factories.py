from datetime import date, timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hrportal.models import Competency
from mobility.models import (
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)
from tests.factories import EntityFactory, StaffFactory


def today() -> date:
    return timezone.localdate()


def competency(code: str) -> Competency:
    return Competency.objects.get(code=code)


class TalentOfferFactory(DjangoModelFactory):
    class Meta:
        model = TalentOffer

    staff = factory.SubFactory(StaffFactory)
    title = factory.Sequence(lambda n: f"Aanbod {n}")
    description = "Ervaring met analyses"
    time_share_percent = 40
    start = factory.LazyFunction(today)
    end = factory.LazyFunction(lambda: today() + timedelta(days=180))
    languages = ["nl"]


class TalentRequestFactory(DjangoModelFactory):
    class Meta:
        model = TalentRequest

    owner = factory.SubFactory(StaffFactory)
    entity = factory.SubFactory(EntityFactory)
    title = factory.Sequence(lambda n: f"Vraag {n}")
    description = "Tijdelijke versterking"
    time_share_percent = 20
    start = factory.LazyFunction(lambda: today() + timedelta(days=10))
    end = factory.LazyFunction(lambda: today() + timedelta(days=100))
    closing_date = factory.LazyFunction(lambda: today() + timedelta(days=5))


def offer_with(competencies: dict, **kwargs) -> TalentOffer:
    offer = TalentOfferFactory(**kwargs)
    TalentOfferCompetency.objects.bulk_create(
        [TalentOfferCompetency(offer=offer, competency=c, level=lvl) for c, lvl in competencies.items()]
    )
    return offer


def request_with(required: dict, nice: dict | None = None, **kwargs) -> TalentRequest:
    item = TalentRequestFactory(**kwargs)
    rows = [
        TalentRequestCompetency(request=item, competency=c, level=lvl, required=True) for c, lvl in required.items()
    ]
    rows += [
        TalentRequestCompetency(request=item, competency=c, level=lvl, required=False)
        for c, lvl in (nice or {}).items()
    ]
    TalentRequestCompetency.objects.bulk_create(rows)
    return item


class TalentApplicationFactory(DjangoModelFactory):
    class Meta:
        model = TalentApplication

    request = factory.SubFactory(TalentRequestFactory)
    offer = factory.SubFactory(TalentOfferFactory)
    kind = TalentApplication.Kind.APPLICATION
    status = TalentApplication.Status.AWAITING_CONSENT
