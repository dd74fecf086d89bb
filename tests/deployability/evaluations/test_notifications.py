from datetime import date

import pytest
from django.core import mail

from deployability.evaluations.services import case_record_evaluation, case_start_guidance
from deployability.models import EvaluationCase
from hrportal.models import Evaluation
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db


def test_hr_is_told_when_a_case_opens_and_when_dismissal_becomes_mandatory(
    hr_officer, staff_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    assert [m.to for m in mail.outbox] == [[hr_officer.email]]
    case = EvaluationCase.objects.get()
    case_start_guidance(
        actor=hr_officer, case_id=case.pk, kind="coaching", goal="Werkpunten", started_on=date(2026, 2, 1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_record_evaluation(
            actor=hr_officer, case_id=case.pk, evaluated_on=date(2026, 7, 15), rating=Evaluation.Rating.INSUFFICIENT
        )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [hr_officer.email]
    assert staff_member.full_name in mail.outbox[0].subject
    case.refresh_from_db()
    assert case.hr_notified
