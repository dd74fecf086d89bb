"""A placement moves the person to the vacancy's entity, function and grade (issue 10, item 1)."""

from datetime import date

import pytest
from django.urls import reverse

from deployability.models import RedeploymentCandidate
from deployability.redeployment.services import offer_accept, offer_make, offer_refuse
from hrportal.audit.models import AuditEvent
from hrportal.scoping import staff_visible_to
from reward.matrix.models import StaffFunctionHistory
from tests.deployability.redeployment.factories import CandidateFactory, VacancyFactory
from tests.factories import FunctionFactory, HrOfficerScopeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
DAY = date(2026, 5, 10)


def test_the_third_offer_ex_officio_moves_the_person_and_new_hr_sees_them(
    client, hr_officer, staff_member, other_entity
):
    staff_member.function = FunctionFactory()
    staff_member.save()
    candidate = CandidateFactory(staff=staff_member)
    for reason in ("Te ver", "Andere job gewenst"):
        offer = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=DAY)
        offer_refuse(actor=staff_member.user, offer_id=offer.pk, reason=reason, answered_on=DAY)
    staff_member.refresh_from_db()
    assert staff_member.entity_id != other_entity.pk  # refusals change nothing
    vacancy = VacancyFactory(entity=other_entity, grade="B3", function=FunctionFactory())
    offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=vacancy.pk, offered_on=DAY)
    staff_member.refresh_from_db()
    candidate.refresh_from_db()
    assert candidate.status == RedeploymentCandidate.Status.PLACED and candidate.placed_on == DAY
    assert staff_member.entity_id == other_entity.pk
    assert staff_member.function_id == vacancy.function_id
    assert (staff_member.grade, staff_member.level) == ("B3", "B")
    assert staff_member.entity_start == DAY and staff_member.line_manager_id is None
    current = StaffFunctionHistory.objects.get(staff=staff_member, valid_until=None)
    assert current.function_id == vacancy.function_id and current.valid_from == DAY
    moved = AuditEvent.objects.get(action="deployability.redeployment.staff_moved")
    assert moved.after["grade"] == "B3"
    assert AuditEvent.objects.filter(action="reward.staff_function.changed").count() == 1
    # scoping follows: HR of the new entity sees them in the directory, HR of the old one no longer does
    new_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="newhr")).user
    StaffFactory(entity=other_entity, user=new_hr)
    assert staff_visible_to(new_hr).filter(pk=staff_member.pk).exists()
    assert not staff_visible_to(hr_officer).filter(pk=staff_member.pk).exists()
    client.force_login(new_hr)
    page = client.get(reverse("staff-list"), {"q": staff_member.last_name})
    assert staff_member.last_name in page.content.decode() and other_entity.name in page.content.decode()


def test_accepting_moves_the_person_on_the_day_of_the_answer(hr_officer, staff_member, other_entity):
    candidate = CandidateFactory(staff=staff_member)
    vacancy = VacancyFactory(entity=other_entity, grade="A1", function=FunctionFactory())
    offer = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=vacancy.pk, offered_on=DAY)
    offer_accept(actor=staff_member.user, offer_id=offer.pk, answered_on=date(2026, 5, 12))
    staff_member.refresh_from_db()
    assert staff_member.entity_id == other_entity.pk and staff_member.function_id == vacancy.function_id
    assert staff_member.grade == "A1" and staff_member.entity_start == date(2026, 5, 12)
    assert StaffFunctionHistory.objects.get(staff=staff_member, valid_until=None).valid_from == date(2026, 5, 12)


def test_a_pending_offer_changes_nothing(hr_officer, staff_member, other_entity):
    before = (staff_member.entity_id, staff_member.function_id, staff_member.grade)
    candidate = CandidateFactory(staff=staff_member)
    offer_make(
        actor=hr_officer,
        candidate_id=candidate.pk,
        vacancy_id=VacancyFactory(entity=other_entity, grade="C1").pk,
        offered_on=DAY,
    )
    staff_member.refresh_from_db()
    assert (staff_member.entity_id, staff_member.function_id, staff_member.grade) == before
