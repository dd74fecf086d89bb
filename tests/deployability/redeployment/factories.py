from datetime import date

import factory
from factory.django import DjangoModelFactory

from deployability.models import GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy
from tests.factories import EntityFactory, FunctionFactory, StaffFactory


class TrajectoryFactory(DjangoModelFactory):
    class Meta:
        model = GuidanceTrajectory

    staff = factory.SubFactory(StaffFactory)
    kind = GuidanceTrajectory.Kind.TRAINING
    goal = "Opleiding digitale dossiers"
    started_on = date(2026, 1, 5)

    class Params:
        completed = factory.Trait(
            status=GuidanceTrajectory.Status.COMPLETED, completed_on=date(2026, 3, 31), outcome="Afgerond"
        )


class CandidateFactory(DjangoModelFactory):
    class Meta:
        model = RedeploymentCandidate

    staff = factory.SubFactory(StaffFactory)
    trajectory = factory.SubFactory(TrajectoryFactory, staff=factory.SelfAttribute("..staff"), completed=True)
    registered_on = date(2026, 4, 1)
    place = "Brussel"
    status = RedeploymentCandidate.Status.REDEPLOYABLE
    admissibility_reasons = "Profiel herplaatsbaar"
    admissibility_decided_on = date(2026, 4, 15)


class VacancyFactory(DjangoModelFactory):
    class Meta:
        model = Vacancy

    title = factory.Sequence(lambda n: f"Dossierbeheerder {n}")
    function = factory.SubFactory(FunctionFactory)
    grade = "A1"
    entity = factory.SubFactory(EntityFactory)
    place = "Brussel"
    published_on = date(2026, 5, 1)
    priority_until = date(2026, 5, 31)


class OfferFactory(DjangoModelFactory):
    class Meta:
        model = Offer

    candidate = factory.SubFactory(CandidateFactory)
    vacancy = factory.SubFactory(VacancyFactory)
    number = 1
    offered_on = date(2026, 5, 10)
