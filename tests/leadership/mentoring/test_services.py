from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from leadership.mentoring.matching import mentor_suggestions
from leadership.mentoring.models import MentoringMatch
from leadership.mentoring.services import match_close, match_propose, match_respond, meeting_record, mentor_register
from tests.factories import StaffFactory
from tests.leadership.factories import MenteeFactory, MentorFactory

pytestmark = pytest.mark.django_db


def test_mentors_hold_a_middle_management_function(staff_member, line_manager):
    with pytest.raises(ValidationError):
        mentor_register(actor=staff_member.user, staff=staff_member)
    assert mentor_register(actor=line_manager.user, staff=line_manager).is_active


def test_a_mentor_is_never_from_the_mentees_own_line(hr_officer, staff_member, line_manager, other_entity):
    mentee = MenteeFactory(staff=staff_member)
    own_line = MentorFactory(staff=line_manager)  # staff_member's indirect line manager
    outside = MentorFactory(staff=StaffFactory(entity=other_entity, middle_manager=True))
    with pytest.raises(ValidationError) as error:
        match_propose(actor=hr_officer, mentee_id=mentee.pk, mentor_id=own_line.pk)
    assert "mentor" in error.value.message_dict
    assert [m.pk for m in mentor_suggestions(mentee=mentee)] == [outside.pk]
    assert match_propose(actor=hr_officer, mentee_id=mentee.pk, mentor_id=outside.pk).status == "proposed"


def test_a_match_starts_once_both_accept(hr_officer, staff_member, other_entity, django_capture_on_commit_callbacks):
    mentor = MentorFactory(staff=StaffFactory(entity=other_entity, middle_manager=True, with_user=True))
    with django_capture_on_commit_callbacks(execute=True):
        match = match_propose(actor=hr_officer, mentee_id=MenteeFactory(staff=staff_member).pk, mentor_id=mentor.pk)
    assert sorted(mail.outbox[-1].to) == sorted([mentor.staff.email, staff_member.email])
    with pytest.raises(PermissionDenied):
        match_respond(actor=hr_officer, match_id=match.pk, accept=True)
    assert match_respond(actor=mentor.staff.user, match_id=match.pk, accept=True).status == "proposed"
    with pytest.raises(ValidationError):
        meeting_record(actor=staff_member.user, match_id=match.pk, met_on=None, topic="x")
    assert match_respond(actor=staff_member.user, match_id=match.pk, accept=True).status == "active"
    meeting_record(actor=staff_member.user, match_id=match.pk, met_on=date(2026, 1, 5), topic="Kennismaking")
    with pytest.raises(ValidationError):
        match_close(actor=staff_member.user, match_id=match.pk, evaluation="", goal_reached=True)
    closed = match_close(actor=mentor.staff.user, match_id=match.pk, evaluation="Geslaagd", goal_reached=True)
    assert closed.status == MentoringMatch.Status.CLOSED and closed.meetings.count() == 1


def test_one_open_match_per_mentee_and_hr_of_their_entity_proposes(hr_officer, staff_member, outsider, other_entity):
    mentor = MentorFactory(staff=StaffFactory(entity=other_entity, middle_manager=True))
    mentee = MenteeFactory(staff=staff_member)
    match_propose(actor=hr_officer, mentee_id=mentee.pk, mentor_id=mentor.pk)
    with pytest.raises(ValidationError):
        match_propose(actor=hr_officer, mentee_id=mentee.pk, mentor_id=mentor.pk)
    with pytest.raises(PermissionDenied):
        match_propose(actor=hr_officer, mentee_id=MenteeFactory(staff=outsider).pk, mentor_id=mentor.pk)
