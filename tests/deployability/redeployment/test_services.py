from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deployability.models import GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy
from deployability.redeployment.models import GRADE_ORDER, grade_is_equal_or_lower
from deployability.redeployment.services import (
    candidate_admissibility,
    candidate_register,
    internal_trajectory_close,
    offer_accept,
    offer_make,
    offer_refuse,
    team_meeting_add,
    team_member_add,
    trajectory_complete,
    trajectory_open,
    vacancy_fill_other,
    vacancy_publish,
)
from hrportal.audit.models import AuditEvent
from tests.deployability.redeployment.factories import CandidateFactory, TrajectoryFactory, VacancyFactory
from tests.factories import FunctionFactory, PolicyParameterFactory

pytestmark = pytest.mark.django_db


def test_grade_order_runs_from_a3_down_to_d1():
    assert GRADE_ORDER[0] == "A3" and GRADE_ORDER[-1] == "D1"
    assert GRADE_ORDER.index("A2L") < GRADE_ORDER.index("A2") < GRADE_ORDER.index("A1") < GRADE_ORDER.index("B3")
    assert grade_is_equal_or_lower("A1", than="A1")
    assert grade_is_equal_or_lower("B3", than="A1")
    assert not grade_is_equal_or_lower("A2", than="A1")


def test_manager_opens_and_completes_a_trajectory(line_manager, staff_member):
    user = line_manager.user
    trajectory = trajectory_open(
        actor=user,
        staff=staff_member,
        kind="training",
        goal="Nieuwe vaardigheden",
        started_on=date(2026, 1, 5),
        steps=[("Opleiding", date(2026, 2, 1)), ("Evaluatiegesprek", date(2026, 3, 1))],
    )
    assert trajectory.steps.count() == 2
    trajectory = trajectory_complete(
        actor=user, trajectory_id=trajectory.pk, completed_on=date(2026, 3, 31), outcome="Goed"
    )
    assert trajectory.status == GuidanceTrajectory.Status.COMPLETED
    assert AuditEvent.objects.filter(action="deployability.trajectory.completed").exists()


def test_trajectory_refused_to_an_outsider_and_the_staff_member_themselves(outsider, staff_member):
    for actor in (outsider.user, staff_member.user):
        with pytest.raises(PermissionDenied):
            trajectory_open(actor=actor, staff=staff_member, kind="training", goal="x", started_on=date(2026, 1, 1))


def test_trajectory_step_before_start_refused(line_manager, staff_member):
    with pytest.raises(ValidationError) as error:
        trajectory_open(
            actor=line_manager.user,
            staff=staff_member,
            kind="coaching",
            goal="x",
            started_on=date(2026, 1, 5),
            steps=[("Te vroeg", date(2026, 1, 4))],
        )
    assert "steps" in error.value.message_dict


def test_registration_refused_without_a_completed_trajectory(line_manager, staff_member):
    TrajectoryFactory(staff=staff_member)  # open, not completed
    with pytest.raises(ValidationError) as error:
        candidate_register(actor=line_manager.user, staff=staff_member, registered_on=date(2026, 4, 1))
    assert "begeleidings- en ondersteuningstraject" in str(error.value.message_dict["staff"])


def test_registration_after_a_completed_trajectory(line_manager, staff_member):
    TrajectoryFactory(staff=staff_member, completed=True)
    candidate = candidate_register(actor=line_manager.user, staff=staff_member, registered_on=date(2026, 4, 1))
    assert candidate.status == RedeploymentCandidate.Status.REGISTERED
    with pytest.raises(ValidationError):
        candidate_register(actor=line_manager.user, staff=staff_member, registered_on=date(2026, 4, 2))


def test_registration_refused_when_the_trajectory_completes_after_the_registration_date(line_manager, staff_member):
    TrajectoryFactory(staff=staff_member, completed=True)  # completed 31 March
    with pytest.raises(ValidationError):
        candidate_register(actor=line_manager.user, staff=staff_member, registered_on=date(2026, 3, 30))


def test_admissibility_by_hr_of_the_entity_only(hr_officer, other_hr, staff_member):
    candidate = CandidateFactory(staff=staff_member, status=RedeploymentCandidate.Status.REGISTERED)
    with pytest.raises(PermissionDenied):
        candidate_admissibility(
            actor=other_hr, candidate_id=candidate.pk, redeployable=True, reasons="x", decided_on=date(2026, 4, 2)
        )
    with pytest.raises(ValidationError):
        candidate_admissibility(
            actor=hr_officer, candidate_id=candidate.pk, redeployable=True, reasons=" ", decided_on=date(2026, 4, 2)
        )
    candidate = candidate_admissibility(
        actor=hr_officer,
        candidate_id=candidate.pk,
        redeployable=True,
        reasons="Breed profiel",
        decided_on=date(2026, 4, 2),
    )
    assert candidate.status == RedeploymentCandidate.Status.REDEPLOYABLE


def test_not_redeployable_starts_a_trajectory_inside_the_entity_with_a_team(hr_officer, staff_member):
    candidate = CandidateFactory(staff=staff_member, status=RedeploymentCandidate.Status.REGISTERED)
    candidate_admissibility(
        actor=hr_officer, candidate_id=candidate.pk, redeployable=False, reasons="Medisch", decided_on=date(2026, 4, 2)
    )
    team_member_add(actor=hr_officer, candidate_id=candidate.pk, name="Dr. Peeters", role="arbeidsgeneesheer")
    team_meeting_add(actor=hr_officer, candidate_id=candidate.pk, held_on=date(2026, 4, 20), notes="Eerste overleg")
    with pytest.raises(ValidationError):
        team_meeting_add(actor=hr_officer, candidate_id=candidate.pk, held_on=date(2026, 4, 1), notes="Te vroeg")
    internal = internal_trajectory_close(
        actor=hr_officer, candidate_id=candidate.pk, closed_on=date(2026, 6, 1), outcome="Aangepast werk"
    )
    assert internal.members.count() == 1 and internal.meetings.count() == 1
    candidate.refresh_from_db()
    assert candidate.status == RedeploymentCandidate.Status.WITHDRAWN


def test_vacancy_publish_sets_the_priority_period_from_the_parameter(hr_officer, entity):
    PolicyParameterFactory(key="deployability.redeployment.priority_days", value=45, valid_from=date(2020, 1, 1))
    vacancy = vacancy_publish(
        actor=hr_officer,
        title="Dossierbeheerder",
        function=FunctionFactory(),
        grade="B1",
        entity=entity,
        place="Gent",
        published_on=date(2026, 5, 1),
    )
    assert vacancy.priority_until == date(2026, 6, 15)
    event = AuditEvent.objects.get(action="deployability.vacancy.published")
    assert event.parameters["values"]["deployability.redeployment.priority_days"] == 45


def test_vacancy_publish_refused_for_another_entity(hr_officer, other_entity):
    with pytest.raises(ValidationError) as error:
        vacancy_publish(
            actor=hr_officer,
            title="x",
            function=FunctionFactory(),
            grade="B1",
            entity=other_entity,
            place="Gent",
            published_on=date(2026, 5, 1),
        )
    assert "entity" in error.value.message_dict


def test_vacancy_reserved_until_the_last_day_of_the_priority_period(hr_officer, entity, staff_member):
    CandidateFactory(staff=staff_member)  # A1, redeployable
    vacancy = VacancyFactory(entity=entity, grade="B1", priority_until=date(2026, 5, 31))
    with pytest.raises(ValidationError):
        vacancy_fill_other(actor=hr_officer, vacancy_id=vacancy.pk, filled_on=date(2026, 5, 31))
    vacancy = vacancy_fill_other(actor=hr_officer, vacancy_id=vacancy.pk, filled_on=date(2026, 6, 1))
    assert vacancy.status == Vacancy.Status.FILLED and vacancy.filled_by_other


def test_vacancy_opens_to_others_at_once_without_a_suitable_candidate(hr_officer, entity, staff_member):
    CandidateFactory(staff=staff_member)  # A1: an A2 post is higher, so not suitable for them
    vacancy = VacancyFactory(entity=entity, grade="A2")
    assert vacancy_fill_other(actor=hr_officer, vacancy_id=vacancy.pk, filled_on=date(2026, 5, 2)).filled_by_other


def _candidate(staff, **kwargs):
    return CandidateFactory(staff=staff, **kwargs)


def test_offer_of_a_higher_grade_refused_and_equal_grade_allowed(hr_officer, staff_member):
    candidate = _candidate(staff_member)  # A1
    higher = VacancyFactory(grade="A2")
    with pytest.raises(ValidationError) as error:
        offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=higher.pk, offered_on=date(2026, 5, 10))
    assert "gelijke of lagere graad" in str(error.value.message_dict["vacancy"])
    equal = VacancyFactory(grade="A1")
    offer = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=equal.pk, offered_on=date(2026, 5, 10))
    assert offer.status == Offer.Status.PENDING and offer.number == 1
    lower_candidate = _candidate(
        staff_member.__class__.objects.create(
            personnel_number="x1",
            first_name="A",
            last_name="B",
            email="ab@example.test",
            entity=staff_member.entity,
            level="A",
            grade="A2",
            salary_scale="A211",
            employment_type="statutory",
            service_start=date(2010, 1, 1),
            entity_start=date(2012, 1, 1),
            gender="M",
        )
    )
    lower = VacancyFactory(grade="B2")
    assert offer_make(
        actor=hr_officer, candidate_id=lower_candidate.pk, vacancy_id=lower.pk, offered_on=date(2026, 5, 10)
    )


def test_two_refusals_then_the_third_offer_places_ex_officio(hr_officer, staff_member, central_hr):
    candidate = _candidate(staff_member)
    day = date(2026, 5, 10)
    first = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=day)
    with pytest.raises(ValidationError):
        offer_refuse(actor=staff_member.user, offer_id=first.pk, reason="  ", answered_on=day)
    offer_refuse(actor=staff_member.user, offer_id=first.pk, reason="Te ver", answered_on=day)
    second = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=day)
    assert second.status == Offer.Status.PENDING and second.number == 2
    offer_refuse(actor=staff_member.user, offer_id=second.pk, reason="Andere job gewenst", answered_on=day)
    candidate.refresh_from_db()
    assert candidate.refusals == 2
    third_vacancy = VacancyFactory()
    third = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=third_vacancy.pk, offered_on=day)
    assert third.status == Offer.Status.EX_OFFICIO and third.number == 3
    candidate.refresh_from_db()
    third_vacancy.refresh_from_db()
    assert candidate.status == RedeploymentCandidate.Status.PLACED and candidate.placed_ex_officio
    assert third_vacancy.status == Vacancy.Status.FILLED
    event = AuditEvent.objects.get(action="deployability.offer.ex_officio")
    assert event.parameters["values"]["deployability.redeployment.max_refusals"] == 2
    # the person now works in the vacancy's entity: their old entity's HR no longer acts for them
    with pytest.raises(PermissionDenied):
        offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=day)
    with pytest.raises(ValidationError) as error:
        offer_make(actor=central_hr, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=day)
    assert "geen verdere aanbiedingen" in str(error.value)


def test_the_refusal_limit_is_a_parameter(hr_officer, staff_member):
    PolicyParameterFactory(key="deployability.redeployment.max_refusals", value=1, valid_from=date(2020, 1, 1))
    candidate = _candidate(staff_member)
    day = date(2026, 5, 10)
    first = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=day)
    offer_refuse(actor=staff_member.user, offer_id=first.pk, reason="Nee", answered_on=day)
    second = offer_make(actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=day)
    assert second.status == Offer.Status.EX_OFFICIO


def test_accepting_places_the_candidate(hr_officer, staff_member):
    candidate = _candidate(staff_member)
    offer = offer_make(
        actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=date(2026, 5, 10)
    )
    offer_accept(actor=staff_member.user, offer_id=offer.pk, answered_on=date(2026, 5, 12))
    candidate.refresh_from_db()
    assert candidate.status == RedeploymentCandidate.Status.PLACED and not candidate.placed_ex_officio
    with pytest.raises(ValidationError):
        offer_refuse(actor=staff_member.user, offer_id=offer.pk, reason="Toch niet", answered_on=date(2026, 5, 13))


def test_a_vacancy_with_a_pending_offer_cannot_be_offered_again(hr_officer, staff_member, colleague):
    vacancy = VacancyFactory()
    one, two = _candidate(staff_member), _candidate(colleague)
    offer_make(actor=hr_officer, candidate_id=one.pk, vacancy_id=vacancy.pk, offered_on=date(2026, 5, 10))
    with pytest.raises(ValidationError) as error:
        offer_make(actor=hr_officer, candidate_id=two.pk, vacancy_id=vacancy.pk, offered_on=date(2026, 5, 10))
    assert "vacancy" in error.value.message_dict


def test_offer_by_hr_of_another_entity_refused(other_hr, staff_member):
    candidate = _candidate(staff_member)
    with pytest.raises(PermissionDenied):
        offer_make(
            actor=other_hr, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=date(2026, 5, 10)
        )


def test_only_the_candidate_or_their_hr_answers(hr_officer, staff_member, outsider):
    candidate = _candidate(staff_member)
    offer = offer_make(
        actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=date(2026, 5, 10)
    )
    with pytest.raises(PermissionDenied):
        offer_refuse(actor=outsider.user, offer_id=offer.pk, reason="x", answered_on=date(2026, 5, 11))
