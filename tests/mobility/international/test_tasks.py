import pytest
from django.core import mail

from mobility.international import services as svc
from mobility.international.tasks import notify_application_decided, notify_application_submitted
from mobility.models import MobilityApplication

pytestmark = pytest.mark.django_db


def test_decision_mails_the_applicant_after_commit(application, line_manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        svc.application_manager_decide(
            actor=line_manager.user, application_id=application.pk, agree=False, reason="Nu niet"
        )
    assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.staff.email]
    assert "Nu niet" in mail.outbox[0].body


def test_tasks_are_harmless_to_rerun(application):
    assert notify_application_submitted(application.pk) is True
    MobilityApplication.objects.filter(pk=application.pk).update(status=MobilityApplication.Status.WITHDRAWN)
    assert notify_application_submitted(application.pk) is False  # no longer waiting: no reminder
    assert notify_application_decided(999999) is False
    assert len(mail.outbox) == 1


def test_hr_of_the_entity_is_asked_to_get_the_hosts_green_light(
    application, line_manager, hr_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        svc.application_manager_decide(actor=line_manager.user, application_id=application.pk, agree=True)
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients == sorted([(application.staff.email,), (hr_officer.email,)])
    hr_mail = next(m for m in mail.outbox if m.to == [hr_officer.email])
    assert application.staff.full_name in hr_mail.subject


def test_central_hr_is_asked_when_the_entity_has_no_hr_officer(outsider, central_hr):
    from mobility.international.tasks import notify_host_answer_needed
    from tests.mobility.international.factories import ApplicationFactory

    application = ApplicationFactory(staff=outsider, agreed=True)
    assert notify_host_answer_needed(application.pk) == 1
    assert mail.outbox[0].to == [central_hr.email]
