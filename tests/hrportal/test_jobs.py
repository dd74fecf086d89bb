"""The outbox (hrportal.jobs) and the report-run lifecycle, in-process (issue 14 §1 and §2)."""

from datetime import timedelta

import pytest
from celery import current_app
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from hrportal.jobs import job_enqueue
from hrportal.jobs.models import OutboxMessage
from hrportal.jobs.services import job_task, outbox_fail_stale, outbox_relay, outbox_resend
from hrportal.reports.models import ReportRun
from hrportal.reports.services import (
    STALE_REASON,
    RunOutcome,
    report_run_execute,
    report_run_request,
    report_run_rerun,
    report_runs_fail_stale,
)
from tests.telework.agreements.factories import TeleworkAgreementFactory

pytestmark = pytest.mark.django_db(transaction=True)

NOTIFY = "telework.agreements.tasks.telework_notify_decision"


def _old(**fields):
    """Make every outbox row look older than the relay's grace period."""
    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(minutes=5), **fields)


def test_a_job_is_recorded_with_the_write_and_run_after_the_commit(staff_member, mailoutbox):
    agreement = TeleworkAgreementFactory(staff=staff_member, approved=True)
    with transaction.atomic():
        message = job_enqueue(NOTIFY, agreement.pk)
        assert OutboxMessage.objects.filter(pk=message.pk).exists()
        assert mailoutbox == []  # nothing runs before the commit
    message.refresh_from_db()
    assert message.done_at is not None and message.sent_at is not None and message.run_attempts == 1
    assert len(mailoutbox) == 1


def test_a_rolled_back_write_leaves_no_job(staff_member, mailoutbox):
    agreement = TeleworkAgreementFactory(staff=staff_member, approved=True)
    with pytest.raises(RuntimeError), transaction.atomic():
        job_enqueue(NOTIFY, agreement.pk)
        raise RuntimeError
    assert not OutboxMessage.objects.exists() and mailoutbox == []


def test_broker_down_at_commit_keeps_the_job_and_the_relay_delivers_it_once(staff_member, mailoutbox, monkeypatch):
    agreement = TeleworkAgreementFactory(staff=staff_member, approved=True)
    task = job_task(NOTIFY)
    real_apply_async = task.apply_async

    def broker_down(*args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(task, "apply_async", broker_down)
    with transaction.atomic():
        message = job_enqueue(NOTIFY, agreement.pk)  # no exception reaches the caller
    message.refresh_from_db()
    assert message.sent_at is None and message.done_at is None and "Connection refused" in message.error
    _old()
    assert outbox_relay() == {"waiting": 1, "sent": 0, "not_sent": 1}  # still down
    monkeypatch.setattr(task, "apply_async", real_apply_async)
    assert outbox_relay() == {"waiting": 1, "sent": 1, "not_sent": 0}
    assert outbox_relay()["waiting"] == 0
    assert len(mailoutbox) == 1


def test_a_second_delivery_of_a_message_runs_nothing(staff_member, mailoutbox):
    agreement = TeleworkAgreementFactory(staff=staff_member, approved=True)
    with transaction.atomic():
        message = job_enqueue(NOTIFY, agreement.pk)
    job_task(NOTIFY).apply(args=[agreement.pk], task_id=str(message.pk))
    job_task(NOTIFY).apply(args=[agreement.pk], task_id=str(message.pk))
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.run_attempts == 1


def test_a_task_without_outbox_row_simply_runs(staff_member, mailoutbox):
    agreement = TeleworkAgreementFactory(staff=staff_member, approved=True)
    job_task(NOTIFY).apply(args=[agreement.pk])
    assert len(mailoutbox) == 1


def test_a_failed_job_is_marked_with_its_error_and_can_be_sent_again(staff_member, mailoutbox, monkeypatch):
    agreement = TeleworkAgreementFactory(staff=staff_member, approved=True)
    import telework.agreements.tasks as tasks

    monkeypatch.setattr(tasks, "mail_send", lambda **kw: (_ for _ in ()).throw(ValueError("template broken")))
    with transaction.atomic():
        message = job_enqueue(NOTIFY, agreement.pk)
    message.refresh_from_db()
    assert message.failed_at is not None and "template broken" in message.error
    monkeypatch.undo()
    again = outbox_resend(message_id=message.pk)
    again.refresh_from_db()
    assert again.done_at is not None and len(mailoutbox) == 1


def test_the_broker_visibility_timeout_outlasts_every_task():
    current_app.loader.import_default_modules()
    longest = max(
        task.time_limit or django_settings.CELERY_TASK_TIME_LIMIT
        for name, task in current_app.tasks.items()
        if not name.startswith("celery.")
    )
    assert longest == django_settings.CELERY_LONG_TASK_TIME_LIMIT  # the nightly rematch
    assert django_settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] >= longest + 60


def test_long_nightly_jobs_go_through_the_outbox_and_are_tracked(db):
    from hrportal.jobs.tasks import job_schedule

    job_schedule.apply(args=["mobility.marketplace.tasks.match_rematch_all"])
    message = OutboxMessage.objects.get(task_name="mobility.marketplace.tasks.match_rematch_all")
    assert message.started_at and message.done_at and message.run_attempts == 1
    assert {e["task"] for e in django_settings.CELERY_BEAT_SCHEDULE.values()} >= {
        "hrportal.jobs.tasks.job_schedule",
        "hrportal.jobs.tasks.outbox_relay",
        "hrportal.jobs.tasks.stale_runs_fail",
    }


def test_a_long_job_whose_worker_died_is_failed_with_the_reason(settings):
    message = OutboxMessage.objects.create(task_name="mobility.marketplace.tasks.match_rematch_all")
    stale = timezone.now() - timedelta(seconds=settings.REPORT_RUN_FAIL_SECONDS + 1)
    OutboxMessage.objects.filter(pk=message.pk).update(started_at=stale, heartbeat_at=stale, sent_at=stale)
    assert outbox_fail_stale() == 1
    message.refresh_from_db()
    assert message.failed_at and "stopped" in message.error


# Report runs


def test_identical_report_requests_while_one_is_pending_reuse_it(central_hr, monkeypatch):
    monkeypatch.setattr("hrportal.reports.services.job_enqueue", lambda *a: None)  # keep them queued
    first = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    again = [report_run_request(kind="portfolio_progress", requested_by=central_hr).pk for _ in range(19)]
    assert set(again) == {first.pk} and ReportRun.objects.count() == 1
    ReportRun.objects.filter(pk=first.pk).update(status=ReportRun.Status.RUNNING)
    assert report_run_request(kind="portfolio_progress", requested_by=central_hr).pk == first.pk
    ReportRun.objects.filter(pk=first.pk).update(status=ReportRun.Status.DONE)
    assert report_run_request(kind="portfolio_progress", requested_by=central_hr).pk != first.pk


def test_a_report_in_another_language_is_another_request(central_hr, monkeypatch):
    from django.utils import translation

    monkeypatch.setattr("hrportal.reports.services.job_enqueue", lambda *a: None)
    with translation.override("nl"):
        dutch = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    with translation.override("en"):
        english = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    assert dutch.pk != english.pk


def _running(run, *, seconds_ago: int):
    beat = timezone.now() - timedelta(seconds=seconds_ago)
    ReportRun.objects.filter(pk=run.pk).update(
        status=ReportRun.Status.RUNNING, heartbeat_at=beat, started_at=beat, attempts=1, progress=5
    )


def test_a_redelivered_run_with_a_live_worker_is_left_alone(central_hr, monkeypatch):
    monkeypatch.setattr("hrportal.reports.services.job_enqueue", lambda *a: None)
    run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    _running(run, seconds_ago=5)
    assert report_run_execute(run_id=run.pk) == RunOutcome.BUSY_ELSEWHERE
    run.refresh_from_db()
    assert run.status == ReportRun.Status.RUNNING and run.attempts == 1


def test_a_redelivered_run_whose_worker_died_is_built_again_once(central_hr, settings, monkeypatch):
    monkeypatch.setattr("hrportal.reports.services.job_enqueue", lambda *a: None)
    run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    _running(run, seconds_ago=settings.REPORT_RUN_STALE_SECONDS + 1)
    assert report_run_execute(run_id=run.pk) == RunOutcome.DONE
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE and run.attempts == 2 and run.progress == 100
    assert report_run_execute(run_id=run.pk) == RunOutcome.NOTHING_TO_DO


def test_the_dead_workers_late_result_is_not_written_over_the_new_one(central_hr, settings, monkeypatch):
    monkeypatch.setattr("hrportal.reports.services.job_enqueue", lambda *a: None)
    run = report_run_request(kind="portfolio_progress", requested_by=central_hr)
    _running(run, seconds_ago=settings.REPORT_RUN_STALE_SECONDS + 1)
    ReportRun.objects.filter(pk=run.pk).update(claim="00000000-0000-0000-0000-000000000001")
    old_holder = ReportRun.objects.filter(pk=run.pk, claim="00000000-0000-0000-0000-000000000001")
    report_run_execute(run_id=run.pk)
    assert old_holder.update(status=ReportRun.Status.FAILED) == 0  # the old claim no longer writes


def test_a_stale_run_is_failed_with_the_reason_and_rerun_from_its_page(central_hr, settings):
    run = ReportRun.objects.create(kind="portfolio_progress", requested_by=central_hr, parameters={"language": "nl"})
    _running(run, seconds_ago=settings.REPORT_RUN_FAIL_SECONDS + 1)
    fresh = ReportRun.objects.create(kind="portfolio_progress", requested_by=central_hr)
    _running(fresh, seconds_ago=10)
    assert report_runs_fail_stale() == 1
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED and run.error == STALE_REASON
    client = Client()
    client.force_login(central_hr)
    page = client.get(f"/reports/{run.pk}/").content.decode()
    assert "Opnieuw uitvoeren" in page and "stopte" in page
    assert 'http-equiv="refresh"' not in page
    response = client.post(f"/reports/{run.pk}/rerun/")
    new_run = ReportRun.objects.exclude(pk__in=[run.pk, fresh.pk]).get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{new_run.pk}/"
    assert new_run.status == ReportRun.Status.DONE  # eager in-process job
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED  # the failed run stays as it was, for the record


def test_only_a_failed_run_can_be_rerun(central_hr):
    run = ReportRun.objects.create(kind="portfolio_progress", requested_by=central_hr, status="done")
    with pytest.raises(ValidationError, match="Alleen een mislukt rapport"):
        report_run_rerun(run_id=run.pk, requested_by=central_hr)


def test_rerun_is_also_an_api_action_and_out_of_scope_is_404(central_hr, staff_member, settings):
    from rest_framework.test import APIClient

    run = ReportRun.objects.create(kind="portfolio_progress", requested_by=central_hr, status="failed")
    api = APIClient()
    api.force_authenticate(central_hr)
    response = api.post(f"/api/reports/{run.pk}/rerun/")
    assert response.status_code == 201 and response.json()["id"] != run.pk
    other = APIClient()
    other.force_authenticate(staff_member.user)
    assert other.post(f"/api/reports/{run.pk}/rerun/").status_code == 404
