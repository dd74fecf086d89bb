"""The ranking of a vacancy's candidates: the order and the why, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deployability.models import VacancyCompetency
from deployability.redeployment.selectors import vacancy_candidates_ranked
from hrportal.models import Competency
from tests.deployability.redeployment.factories import CandidateFactory, VacancyFactory
from tests.factories import StaffCompetencyFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _vacancy(entity, competencies):
    vacancy = VacancyFactory(entity=entity, grade="B1", place="Gent")
    for competency in competencies:
        VacancyCompetency.objects.create(vacancy=vacancy, competency=competency, level=3)
    return vacancy


def test_candidates_ranked_by_competencies_grade_and_place(central_hr, entity):
    one, two = Competency.objects.order_by("pk")[:2]
    vacancy = _vacancy(entity, [one, two])
    best = CandidateFactory(staff=StaffFactory(entity=entity, grade="B1"), place="Gent")
    StaffCompetencyFactory(staff=best.staff, competency=one, level=3)
    StaffCompetencyFactory(staff=best.staff, competency=two, level=4)
    middle = CandidateFactory(staff=StaffFactory(entity=entity, grade="A1"), place="Gent")
    StaffCompetencyFactory(staff=middle.staff, competency=one, level=2)
    last = CandidateFactory(staff=StaffFactory(entity=entity, grade="A2"), place="Brugge")
    CandidateFactory(staff=StaffFactory(entity=entity, grade="C3"))  # the B1 post is higher: not listed
    ranked = vacancy_candidates_ranked(vacancy=vacancy, viewer=central_hr)
    assert [r.candidate for r in ranked] == [best, middle, last]
    assert ranked[0].score == 100
    why = " ".join(ranked[1].reasons)
    assert "(2/3)" in why and two.name in why


def test_other_entity_hr_sees_only_their_candidates(hr_officer, other_entity, entity):
    vacancy = _vacancy(entity, [])
    CandidateFactory(staff=StaffFactory(entity=other_entity, grade="B1"))
    mine = CandidateFactory(staff=StaffFactory(entity=entity, grade="B1"))
    assert [r.candidate for r in vacancy_candidates_ranked(vacancy=vacancy, viewer=hr_officer)] == [mine]


def _count(vacancy, viewer):
    with CaptureQueriesContext(connection) as queries:
        vacancy_candidates_ranked(vacancy=vacancy, viewer=viewer)
    return len(queries)


def test_the_query_count_does_not_grow_with_the_candidates(central_hr, entity):
    competencies = list(Competency.objects.order_by("pk")[:3])
    vacancy = _vacancy(entity, competencies)

    def add(n):
        for _ in range(n):
            candidate = CandidateFactory(staff=StaffFactory(entity=entity, grade="B1"))
            for competency in competencies:
                StaffCompetencyFactory(staff=candidate.staff, competency=competency, level=2)

    add(2)
    small = _count(vacancy, central_hr)
    add(25)
    large = _count(vacancy, central_hr)
    assert small == large <= 3
