from datetime import date

import factory
from factory.django import DjangoModelFactory

from leadership.models import Mandate, TopCandidate, TopSession, Vacancy
from tests.factories import EntityFactory, StaffFactory


class MandateFactory(DjangoModelFactory):
    class Meta:
        model = Mandate

    official = factory.SubFactory(StaffFactory, top_manager=True)
    entity = factory.SelfAttribute("official.entity")
    function_title = "Leidend ambtenaar"
    start = date(2021, 3, 1)
    end = date(2027, 3, 1)


class VacancyFactory(DjangoModelFactory):
    class Meta:
        model = Vacancy

    title = factory.Sequence(lambda n: f"Topfunctie {n}")
    year = 2024
    entity = factory.SubFactory(EntityFactory)


class TopCandidateFactory(DjangoModelFactory):
    class Meta:
        model = TopCandidate

    vacancy = factory.SubFactory(VacancyFactory)
    name = factory.Sequence(lambda n: f"Kandidaat {n}")
    gender = "F"


class TopSessionFactory(DjangoModelFactory):
    class Meta:
        model = TopSession

    kind = TopSession.Kind.PANEL
    title = factory.Sequence(lambda n: f"Panel {n}")
    held_on = date(2099, 1, 1)
    capacity = 10
