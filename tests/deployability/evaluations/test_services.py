from datetime import date

import pytest
from django.core.exceptions import ValidationError

from deployability.evaluations.services import (
    case_close,
    case_decide_dismissal,
    case_dismiss_special,
    case_record_evaluation,
    case_start_guidance,
)
from deployability.models import EvaluationCase
from hrportal.audit.models import AuditEvent
from hrportal.models import Evaluation
from hrportal.services.evaluations import add_months, evaluation_check_interval
from tests.factories import EvaluationFactory, PolicyParameterFactory, StaffFactory

pytestmark = pytest.mark.django_db

INSUFFICIENT = Evaluation.Rating.INSUFFICIENT
GOOD = Evaluation.Rating.GOOD


@pytest.fixture
def case(staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2025, 6, 1), rating=GOOD)
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=INSUFFICIENT)
    return EvaluationCase.objects.get(staff=staff_member)


def test_an_insufficient_from_any_road_opens_a_case(staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=GOOD)
    assert not EvaluationCase.objects.exists()
    EvaluationFactory(staff=staff_member, evaluated_on=date(2027, 1, 15), rating=INSUFFICIENT)
    case = EvaluationCase.objects.get()
    assert case.status == EvaluationCase.Status.DECISION
    assert AuditEvent.objects.filter(action="deployability.evaluation_case.opened").exists()


def test_add_months_keeps_the_end_of_month():
    assert add_months(date(2026, 1, 15), 6) == date(2026, 7, 15)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)


def test_next_evaluation_5_months_30_days_refused_6_months_allowed(case, hr_officer):
    with pytest.raises(ValidationError) as error:
        case_record_evaluation(actor=hr_officer, case_id=case.pk, evaluated_on=date(2026, 7, 14), rating=GOOD)
    assert "evaluated_on" in error.value.message_dict
    assert not Evaluation.objects.filter(evaluated_on=date(2026, 7, 14)).exists()
    case_record_evaluation(actor=hr_officer, case_id=case.pk, evaluated_on=date(2026, 7, 15), rating=GOOD)


def test_the_interval_is_a_parameter(case):
    PolicyParameterFactory(
        key="deployability.evaluation.min_months_after_insufficient", value=3, valid_from=date(2020, 1, 1)
    )
    evaluation_check_interval(staff_id=case.staff_id, evaluated_on=date(2026, 4, 15))
    with pytest.raises(ValidationError):
        evaluation_check_interval(staff_id=case.staff_id, evaluated_on=date(2026, 4, 14))


def test_the_core_admin_form_applies_the_interval(case):
    from hrportal.admin import EvaluationAdminForm

    form = EvaluationAdminForm(
        data={"staff": case.staff_id, "evaluated_on": "2026-07-14", "rating": GOOD, "remarks": ""}
    )
    assert not form.is_valid() and "evaluated_on" in form.errors
    form = EvaluationAdminForm(
        data={"staff": case.staff_id, "evaluated_on": "2026-07-15", "rating": GOOD, "remarks": ""}
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("contractual", [False, True])
def test_dismissal_only_with_a_finding_of_special_circumstances(hr_officer, entity, contractual):
    staff = StaffFactory(entity=entity, contractual=contractual)
    EvaluationFactory(staff=staff, evaluated_on=date(2026, 1, 15), rating=INSUFFICIENT)
    case = EvaluationCase.objects.get(staff=staff)
    with pytest.raises(ValidationError) as error:
        case_dismiss_special(actor=hr_officer, case_id=case.pk, finding="  ", decided_on=date(2026, 2, 1))
    assert "special_circumstances" in error.value.message_dict
    case = case_dismiss_special(
        actor=hr_officer, case_id=case.pk, finding="Uitzonderlijk slecht, geen goede wil", decided_on=date(2026, 2, 1)
    )
    assert case.outcome == EvaluationCase.Outcome.DISMISSED_SPECIAL


def _guidance(case, hr_officer):
    return case_start_guidance(
        actor=hr_officer, case_id=case.pk, kind="coaching", goal="Werkpunten", started_on=date(2026, 1, 20)
    )


def _followups(case, hr_officer, ratings):
    day = date(2026, 7, 15)
    for rating in ratings:
        case_record_evaluation(actor=hr_officer, case_id=case.pk, evaluated_on=day, rating=rating)
        day = add_months(day, 6)


def test_guidance_opens_a_trajectory(case, hr_officer):
    case = _guidance(case, hr_officer)
    assert case.status == EvaluationCase.Status.GUIDANCE
    assert case.trajectory.reason == "evaluation" and case.trajectory.staff_id == case.staff_id


def test_insufficient_at_the_fourth_evaluation_makes_dismissal_mandatory(case, hr_officer):
    _guidance(case, hr_officer)
    _followups(case, hr_officer, [GOOD, GOOD, GOOD, INSUFFICIENT])
    case.refresh_from_db()
    assert case.status == EvaluationCase.Status.DISMISSAL_REQUIRED
    assert EvaluationCase.objects.count() == 1  # the second insufficient belongs to this case
    assert AuditEvent.objects.filter(action="deployability.evaluation_case.dismissal_required").exists()
    with pytest.raises(ValidationError) as error:
        case_close(actor=hr_officer, case_id=case.pk, closed_on=date(2028, 6, 1))
    assert "ontslagbeslissing" in str(error.value)
    with pytest.raises(ValidationError):
        case_decide_dismissal(actor=hr_officer, case_id=case.pk, decided_on=date(2028, 2, 1), note="")
    case = case_decide_dismissal(actor=hr_officer, case_id=case.pk, decided_on=date(2028, 2, 1), note="Besluit 2028/12")
    assert case.status == EvaluationCase.Status.CLOSED
    assert case.outcome == EvaluationCase.Outcome.DISMISSED_MANDATORY


def test_insufficient_at_the_fifth_evaluation_is_outside_the_window(case, hr_officer):
    _guidance(case, hr_officer)
    _followups(case, hr_officer, [GOOD, GOOD, GOOD, GOOD])
    case.refresh_from_db()
    assert case.status == EvaluationCase.Status.GUIDANCE
    case_record_evaluation(actor=hr_officer, case_id=case.pk, evaluated_on=date(2028, 7, 15), rating=INSUFFICIENT)
    case.refresh_from_db()
    assert case.status == EvaluationCase.Status.GUIDANCE
    new_case = EvaluationCase.objects.exclude(pk=case.pk).get()
    assert new_case.status == EvaluationCase.Status.DECISION
    case = case_close(actor=hr_officer, case_id=case.pk, closed_on=date(2028, 8, 1))
    assert case.outcome == EvaluationCase.Outcome.RECOVERED


def test_close_refused_before_the_window_has_passed(case, hr_officer):
    _guidance(case, hr_officer)
    _followups(case, hr_officer, [GOOD, GOOD, GOOD])
    with pytest.raises(ValidationError) as error:
        case_close(actor=hr_officer, case_id=case.pk, closed_on=date(2028, 1, 1))
    assert "3" in str(error.value)


def test_the_window_counts_evaluations_not_years(case, hr_officer):
    """Four evaluations a long time apart: the fourth still counts."""
    _guidance(case, hr_officer)
    for day, rating in [
        (date(2027, 1, 15), GOOD),
        (date(2029, 1, 15), GOOD),
        (date(2031, 1, 15), GOOD),
        (date(2034, 1, 15), INSUFFICIENT),
    ]:
        case_record_evaluation(actor=hr_officer, case_id=case.pk, evaluated_on=day, rating=rating)
    case.refresh_from_db()
    assert case.status == EvaluationCase.Status.DISMISSAL_REQUIRED


def test_other_entity_hr_cannot_work_the_case(case, outsider):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        case_close(actor=outsider.user, case_id=case.pk, closed_on=date(2028, 1, 1))
