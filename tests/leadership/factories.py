from datetime import date

import factory
from factory.django import DjangoModelFactory

from leadership.models import (
    Candidate,
    Enrolment,
    Mandate,
    Mentee,
    Mentor,
    MentoringMatch,
    Module,
    Probation,
    Selection,
    Session,
    TopCandidate,
    TopSession,
    Trajectory,
    Vacancy,
)
from tests.factories import EntityFactory, StaffFactory


class SelectionFactory(DjangoModelFactory):
    class Meta:
        model = Selection

    post = factory.Sequence(lambda n: f"Afdelingshoofd {n}")
    entity = factory.SubFactory(EntityFactory)
    opens_on = date(2026, 3, 1)
    closes_on = date(2026, 4, 30)


class CandidateFactory(DjangoModelFactory):
    class Meta:
        model = Candidate

    selection = factory.SubFactory(SelectionFactory)
    staff = factory.SubFactory(StaffFactory)
    experience_years = 8
    status = Candidate.Status.ADMISSIBLE


class ProbationFactory(DjangoModelFactory):
    class Meta:
        model = Probation

    staff = factory.SubFactory(StaffFactory, middle_manager=True)
    post = "Afdelingshoofd"
    starts_on = date(2025, 3, 1)
    months = 6
    ends_on = date(2025, 8, 31)


class TrajectoryFactory(DjangoModelFactory):
    class Meta:
        model = Trajectory

    name = factory.Sequence(lambda n: f"Traject {n}")
    tier = "N-1"


class ModuleFactory(DjangoModelFactory):
    class Meta:
        model = Module

    trajectory = factory.SubFactory(TrajectoryFactory)
    name = factory.Sequence(lambda n: f"Module {n}")


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    module = factory.SubFactory(ModuleFactory)
    starts_on = date(2099, 3, 1)
    ends_on = date(2099, 3, 3)
    location = "Brussel"
    capacity = 10


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    session = factory.SubFactory(SessionFactory)
    staff = factory.SubFactory(StaffFactory)


class MentorFactory(DjangoModelFactory):
    class Meta:
        model = Mentor

    staff = factory.SubFactory(StaffFactory, middle_manager=True)


class MenteeFactory(DjangoModelFactory):
    class Meta:
        model = Mentee

    staff = factory.SubFactory(StaffFactory)
    ambition = "Doorgroeien naar het middenkader"


class MatchFactory(DjangoModelFactory):
    class Meta:
        model = MentoringMatch

    mentor = factory.SubFactory(MentorFactory)
    mentee = factory.SubFactory(MenteeFactory)


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
