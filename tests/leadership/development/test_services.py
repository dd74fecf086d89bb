from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from leadership.development import services
from leadership.development.models import Enrolment
from leadership.development.selectors import enrolments_to_decide, trajectory_progress
from tests.factories import StaffFactory
from tests.leadership.factories import EnrolmentFactory, ModuleFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("capacity", "ok"), [(2, True), (1, False)])
def test_the_last_seat_and_one_past_it(entity, staff_member, capacity, ok):
    session = SessionFactory(capacity=capacity)
    EnrolmentFactory(session=session, staff=StaffFactory(entity=entity))
    if ok:
        assert services.enrolment_request(actor=staff_member.user, session_id=session.pk, staff=staff_member)
    else:
        with pytest.raises(ValidationError) as error:
            services.enrolment_request(actor=staff_member.user, session_id=session.pk, staff=staff_member)
        assert "session" in error.value.message_dict


def test_a_refused_or_cancelled_enrolment_frees_its_seat(staff_member, team_leader, entity):
    session = SessionFactory(capacity=1)
    enrolment = services.enrolment_request(actor=staff_member.user, session_id=session.pk, staff=staff_member)
    with pytest.raises(ValidationError):
        services.enrolment_decide(actor=team_leader.user, enrolment_id=enrolment.pk, agree=False)
    services.enrolment_decide(actor=team_leader.user, enrolment_id=enrolment.pk, agree=False, reason="Drukke periode")
    other = StaffFactory(entity=entity, with_user=True)
    assert services.enrolment_request(actor=other.user, session_id=session.pk, staff=other).status == "requested"


def test_the_line_manager_up_the_line_agrees_and_nobody_else(staff_member, team_leader, line_manager, colleague):
    enrolment = services.enrolment_request(actor=staff_member.user, session_id=SessionFactory().pk, staff=staff_member)
    assert list(enrolments_to_decide(viewer=line_manager.user)) == [enrolment]
    assert list(enrolments_to_decide(viewer=staff_member.user)) == []
    with pytest.raises(PermissionDenied):
        services.enrolment_decide(actor=staff_member.user, enrolment_id=enrolment.pk, agree=True)
    done = services.enrolment_decide(actor=line_manager.user, enrolment_id=enrolment.pk, agree=True)
    assert done.status == Enrolment.Status.AGREED


def test_attendance_and_completion_of_a_trajectory(hr_officer, staff_member):
    module = ModuleFactory()
    yesterday = timezone.localdate() - timedelta(days=1)
    session = SessionFactory(module=module, starts_on=yesterday, ends_on=yesterday)
    enrolment = EnrolmentFactory(session=session, staff=staff_member, status=Enrolment.Status.AGREED)
    future = SessionFactory(module=ModuleFactory(trajectory=module.trajectory))
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=hr_officer,
            enrolment_id=EnrolmentFactory(session=future, staff=staff_member, status="agreed").pk,
            attendance="attended",
        )
    services.attendance_record(actor=hr_officer, enrolment_id=enrolment.pk, attendance="attended")
    progress = trajectory_progress(staff=staff_member)
    assert progress[0]["attended"] == 1 and progress[0]["modules"] == 2 and not progress[0]["complete"]


def test_a_started_session_takes_no_enrolment(staff_member):
    today = timezone.localdate()
    session = SessionFactory(starts_on=today, ends_on=today)
    with pytest.raises(ValidationError):
        services.enrolment_request(actor=staff_member.user, session_id=session.pk, staff=staff_member)


def test_onboarding_is_followed_by_line_manager_and_hr_not_colleagues(team_leader, line_manager, hr_officer, colleague):
    checklist = services.onboarding_start(actor=hr_officer, staff=team_leader, starts_on=date(2026, 1, 1))
    item = checklist.items.first()
    assert services.onboarding_item_tick(actor=line_manager.user, item_id=item.pk, done=True).done_on
    assert services.onboarding_item_tick(actor=hr_officer, item_id=item.pk, done=False).done_on is None
    with pytest.raises(PermissionDenied):
        services.onboarding_item_tick(actor=team_leader.user, item_id=item.pk, done=True)
