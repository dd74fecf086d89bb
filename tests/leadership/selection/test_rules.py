"""The two rules of middle-management selection at their limit and one past it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hrportal.models import AuditEvent, PolicyParameter, Staff
from leadership.models import Candidate, OnboardingChecklist, Probation, Selection
from leadership.selection import services
from leadership.selection.selectors import Duration, experience_sufficient, probation_end, probation_length_allowed
from tests.factories import StaffFactory, UserFactory
from tests.leadership.factories import CandidateFactory, ProbationFactory, SelectionFactory

pytestmark = pytest.mark.django_db
ON = date(2026, 3, 1)


def test_six_years_of_experience_is_enough_and_one_day_less_is_not():
    assert experience_sufficient(Duration(6, 0, 0), on=ON)
    assert not experience_sufficient(Duration(5, 0, 364), on=ON)
    assert not experience_sufficient(Duration(5, 11, 30), on=ON)
    assert experience_sufficient(Duration(10), on=ON)


def test_the_experience_check_reads_any_duration_with_total_days():
    class Recognised:  # reward's experience_recognised() answer has total_days
        total_days = 6 * 365

    assert experience_sufficient(Recognised(), on=ON)


def test_the_required_experience_is_a_parameter_by_date(central_hr):
    PolicyParameter.objects.create(
        key="leadership.middle_management.min_experience_years", value=5, valid_from=date(2027, 1, 1)
    )
    assert not experience_sufficient(Duration(5), on=ON)
    assert experience_sufficient(Duration(5), on=date(2027, 1, 1))


@pytest.mark.parametrize(("months", "allowed"), [(5, False), (6, True), (12, True), (13, False)])
def test_probation_lasts_six_to_twelve_months(months, allowed):
    assert probation_length_allowed(months, on=ON) is allowed


def test_probation_end_is_the_day_before_the_same_date_months_later():
    assert probation_end(date(2026, 3, 1), 6) == date(2026, 8, 31)
    assert probation_end(date(2026, 1, 31), 12) == date(2027, 1, 30)


@pytest.fixture
def selection(entity):
    return SelectionFactory(entity=entity, opens_on=ON)


@pytest.mark.parametrize(
    ("years", "months", "days", "status"),
    [(6, 0, 0, Candidate.Status.ADMISSIBLE), (5, 0, 364, Candidate.Status.NOT_ADMISSIBLE)],
)
def test_internal_and_external_candidates_alike_need_six_years(
    hr_officer, selection, entity, years, months, days, status
):
    internal = services.candidate_add(
        actor=hr_officer,
        selection_id=selection.pk,
        staff=StaffFactory(entity=entity),
        experience=Duration(years, months, days),
    )
    external = services.candidate_add(
        actor=hr_officer,
        selection_id=selection.pk,
        external_name="Extern Kandidaat",
        external_email="extern@example.org",
        experience=Duration(years, months, days),
    )
    assert internal.status == external.status == status
    event = AuditEvent.objects.filter(action="leadership.candidate.recorded").latest("id")
    assert event.parameters["values"] == {"leadership.middle_management.min_experience_years": 6}
    assert event.after["required_days"] == 6 * 365


def test_a_candidate_is_internal_or_external_with_name_and_email(hr_officer, selection, entity):
    with pytest.raises(ValidationError) as error:
        services.candidate_add(actor=hr_officer, selection_id=selection.pk, experience=Duration(7), external_name="X")
    assert "staff" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.candidate_add(
            actor=hr_officer,
            selection_id=selection.pk,
            experience=Duration(7, 12, 0),
            staff=StaffFactory(entity=entity),
        )
    assert "experience_months" in error.value.message_dict


def test_hr_of_another_entity_cannot_touch_the_selection(other_entity, selection):
    from tests.factories import HrOfficerScopeFactory

    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory()).user
    with pytest.raises(PermissionDenied):
        services.candidate_add(
            actor=other_hr, selection_id=selection.pk, experience=Duration(7), staff=StaffFactory(entity=other_entity)
        )


def test_selection_for_another_entity_is_refused(hr_officer, other_entity):
    with pytest.raises(ValidationError) as error:
        services.selection_create(
            actor=hr_officer, post="Afdelingshoofd", entity=other_entity, opens_on=ON, closes_on=date(2026, 4, 1)
        )
    assert "entity" in error.value.message_dict


@pytest.mark.parametrize(("months", "ok"), [(5, False), (6, True), (12, True), (13, False)])
def test_appointment_probation_length_at_its_limits(hr_officer, selection, entity, line_manager, months, ok):
    leader = StaffFactory(entity=entity, line_manager=line_manager)
    candidate = CandidateFactory(selection=selection, staff=leader)
    other = CandidateFactory(selection=selection, staff=StaffFactory(entity=entity))
    if not ok:
        with pytest.raises(ValidationError) as error:
            services.candidate_appoint(
                actor=hr_officer, candidate_id=candidate.pk, starts_on=ON, probation_months=months
            )
        assert "probation_months" in error.value.message_dict
        assert not Probation.objects.exists()
        return
    probation = services.candidate_appoint(
        actor=hr_officer, candidate_id=candidate.pk, starts_on=ON, probation_months=months
    )
    assert probation.ends_on == probation_end(ON, months)
    candidate.refresh_from_db(), other.refresh_from_db(), selection.refresh_from_db(), leader.refresh_from_db()
    assert candidate.status == Candidate.Status.APPOINTED
    assert other.status == Candidate.Status.NOT_APPOINTED
    assert selection.status == Selection.Status.CLOSED
    assert leader.management_tier == Staff.Tier.MIDDLE
    checklist = OnboardingChecklist.objects.get(staff=leader)
    assert checklist.items.count() == 5
    event = AuditEvent.objects.get(action="leadership.candidate.appointed")
    assert event.parameters["values"] == {"leadership.probation.min_months": 6, "leadership.probation.max_months": 12}


def test_a_not_admissible_candidate_cannot_be_appointed(hr_officer, selection, entity):
    candidate = CandidateFactory(selection=selection, status=Candidate.Status.NOT_ADMISSIBLE)
    with pytest.raises(ValidationError):
        services.candidate_appoint(actor=hr_officer, candidate_id=candidate.pk, starts_on=ON, probation_months=6)


def test_an_external_candidate_is_appointed_with_their_new_staff_record(hr_officer, selection, entity):
    candidate = CandidateFactory(
        selection=selection, staff=None, external_name="Extern", external_email="e@example.org"
    )
    with pytest.raises(ValidationError) as error:
        services.candidate_appoint(actor=hr_officer, candidate_id=candidate.pk, starts_on=ON, probation_months=9)
    assert "staff" in error.value.message_dict
    hired = StaffFactory(entity=entity)
    probation = services.candidate_appoint(
        actor=hr_officer, candidate_id=candidate.pk, starts_on=ON, probation_months=9, staff=hired
    )
    assert probation.staff == hired


def test_the_probation_is_evaluated_at_its_end_by_the_line_manager(line_manager, entity, staff_member):
    probation = ProbationFactory(staff=StaffFactory(entity=entity, line_manager=line_manager))
    with pytest.raises(ValidationError) as error:
        services.probation_evaluate(
            actor=line_manager.user, probation_id=probation.pk, outcome="positive", evaluated_on=date(2025, 8, 30)
        )
    assert "evaluated_on" in error.value.message_dict
    done = services.probation_evaluate(
        actor=line_manager.user, probation_id=probation.pk, outcome="positive", evaluated_on=date(2025, 8, 31)
    )
    assert done.outcome == Probation.Outcome.POSITIVE
    with pytest.raises(ValidationError):
        services.probation_evaluate(
            actor=line_manager.user, probation_id=probation.pk, outcome="negative", evaluated_on=date(2025, 9, 1)
        )


def test_the_leader_and_a_colleague_cannot_evaluate_their_probation(line_manager, entity, colleague):
    leader = StaffFactory(entity=entity, line_manager=line_manager, with_user=True)
    probation = ProbationFactory(staff=leader)
    for actor in (leader.user, StaffFactory(entity=entity, with_user=True).user):
        with pytest.raises(PermissionDenied):
            services.probation_evaluate(
                actor=actor, probation_id=probation.pk, outcome="positive", evaluated_on=date(2025, 9, 1)
            )


def test_a_negative_evaluation_needs_remarks(hr_officer, entity):
    probation = ProbationFactory(staff=StaffFactory(entity=entity))
    with pytest.raises(ValidationError) as error:
        services.probation_evaluate(
            actor=hr_officer, probation_id=probation.pk, outcome="negative", evaluated_on=date(2025, 9, 1)
        )
    assert "remarks" in error.value.message_dict


@pytest.mark.parametrize(
    ("end", "status"), [(date(2005, 12, 29), "admissible"), (date(2005, 12, 28), "not_admissible")]
)
def test_an_internal_candidate_without_entered_experience_has_the_experience_recognised_in_reward(
    hr_officer, staff_member, team_leader, end, status
):
    """Reward counts experience in days (years of 365): 2,190 days of recognised private experience (2000-01-01
    to 2005-12-29) are six years and enough; 2,189 are not. HR enters nothing for the internal candidate."""
    from reward.experience.services import (
        experience_request_decide,
        experience_request_judge,
        experience_request_submit,
    )

    request = experience_request_submit(
        actor=staff_member.user,
        periods=[
            {
                "employer": "Bakkerij Peeters",
                "sector": "private",
                "start": date(2000, 1, 1),
                "end": end,
                "job": "Boekhouder",
            }
        ],
    )
    period_id = request.periods.get().pk
    experience_request_judge(actor=team_leader.user, request_id=request.pk, judgements={period_id: (True, "")})
    experience_request_decide(actor=hr_officer, request_id=request.pk, recognised={period_id: True}, pro_rata=False)
    today = timezone.localdate()  # the decision counts from the day it was taken
    selection = SelectionFactory(entity=staff_member.entity, opens_on=today, closes_on=today + timedelta(days=30))

    candidate = services.candidate_add(actor=hr_officer, selection_id=selection.pk, staff=staff_member)

    assert candidate.status == status
    assert (candidate.experience_years, candidate.experience_months) == ((6, 0) if status == "admissible" else (5, 11))


def test_an_external_candidate_needs_entered_experience(hr_officer, selection):
    with pytest.raises(ValidationError) as error:
        services.candidate_add(
            actor=hr_officer, selection_id=selection.pk, external_name="Extern", external_email="extern@example.org"
        )
    assert "experience_years" in error.value.message_dict
