"""The daily reminder of a probation evaluation coming due: the home page's rule, mailed once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from hrportal.jobs.models import OutboxMessage
from leadership.selection import services
from leadership.selection.selectors import DUE_WITHIN_DAYS, probations_due
from leadership.selection.tasks import probation_reminders_daily
from tests.leadership.factories import ProbationFactory

pytestmark = pytest.mark.django_db


def _probation(leader, *, ends_in_days: int):
    today = timezone.localdate()
    return ProbationFactory(
        staff=leader, starts_on=today - timedelta(days=150), ends_on=today + timedelta(days=ends_in_days)
    )


def test_a_probation_due_within_the_window_mails_manager_and_hr_once_even_when_run_twice(
    team_leader, line_manager, hr_officer, django_capture_on_commit_callbacks
):
    # given: a probation ending on the last day of the window, the one the home page counts
    probation = _probation(team_leader, ends_in_days=DUE_WITHIN_DAYS)
    assert list(probations_due(viewer=line_manager.user, today=timezone.localdate())) == [probation]
    # when: the daily job runs twice
    with django_capture_on_commit_callbacks(execute=True):
        assert probation_reminders_daily() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert probation_reminders_daily() == 0
    # then: one mail, to the line manager and HR, with the link to the probation
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == sorted([line_manager.email, hr_officer.email])
    assert f"/leadership/selection/probations/{probation.pk}/" in mail.outbox[0].body
    assert OutboxMessage.objects.filter(task_name="leadership.selection.tasks.notify_probation_due").count() == 1


def test_a_probation_one_day_past_the_window_is_not_reminded_yet(team_leader, hr_officer):
    _probation(team_leader, ends_in_days=DUE_WITHIN_DAYS + 1)
    assert services.probation_reminders_queue() == 0
    assert mail.outbox == []


def test_an_evaluated_probation_is_not_reminded(team_leader, hr_officer):
    probation = _probation(team_leader, ends_in_days=3)
    probation.outcome, probation.evaluated_on = "positive", timezone.localdate()
    probation.save()
    assert services.probation_reminders_queue() == 0


def test_without_hr_officer_central_hr_is_reminded(
    team_leader, line_manager, central_hr, django_capture_on_commit_callbacks
):
    _probation(team_leader, ends_in_days=0)
    with django_capture_on_commit_callbacks(execute=True):
        services.probation_reminders_queue()
    assert sorted(mail.outbox[0].to) == sorted([line_manager.email, central_hr.email])
    assert mail.outbox[0].subject == f"De proeftijd van {team_leader.full_name} moet geëvalueerd worden"
