from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.models import AuditEvent, Competency
from leadership.potential.selectors import talent_pool
from leadership.potential.services import assessment_record
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def _record(actor, staff, assessors, result="potential", scores=None):
    competency = Competency.objects.get(code="visie")
    return assessment_record(
        actor=actor,
        staff=staff,
        role="leader",
        tier="N-1",
        assessed_on=date(2026, 2, 1),
        assessors=assessors,
        scores=scores if scores is not None else {competency: 3},
        result=result,
        advice="Traject middenkader volgen",
    )


def test_hr_records_an_assessment_and_the_person_is_told_without_the_result(
    hr_officer, staff_member, line_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assessment = _record(hr_officer, staff_member, [line_manager])
    assert assessment.scores.get().score == 3
    event = AuditEvent.objects.get(action="leadership.assessment.recorded")
    assert "result" not in event.after
    assert mail.outbox[-1].to == [staff_member.email]
    assert "has potential" not in mail.outbox[-1].body and "heeft potentieel" not in mail.outbox[-1].body


def test_an_assessment_needs_assessors_not_the_candidate_and_scores_1_to_4(hr_officer, staff_member, line_manager):
    with pytest.raises(ValidationError) as error:
        _record(hr_officer, staff_member, [staff_member])
    assert "assessors" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _record(hr_officer, staff_member, [line_manager], scores={Competency.objects.first(): 5})
    assert "scores" in error.value.message_dict


def test_hr_of_another_entity_and_line_managers_cannot_record(outsider, staff_member, line_manager):
    with pytest.raises(PermissionDenied):
        _record(line_manager.user, staff_member, [outsider])


def test_the_talent_pool_follows_the_latest_assessment(hr_officer, central_hr, staff_member, line_manager, entity):
    _record(hr_officer, staff_member, [line_manager], result="potential")
    other = StaffFactory(entity=entity)
    _record(hr_officer, other, [line_manager], result="not_yet")
    assert list(talent_pool(viewer=hr_officer)) == [staff_member]
    later = _record(hr_officer, staff_member, [line_manager], result="not_yet")
    later.assessed_on = date(2026, 3, 1)
    later.save()
    assert list(talent_pool(viewer=central_hr)) == []
    assert list(talent_pool(viewer=line_manager.user)) == []
