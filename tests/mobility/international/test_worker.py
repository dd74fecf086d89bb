"""A real Celery worker on Redis sends the notification that a service queued after commit."""

import time
from datetime import timedelta

import pytest

from hrportal.celery import app as celery_app
from mobility.international import services as svc
from tests.hrportal.test_worker import (
    worker,  # noqa: F401 - the fixture that starts the worker
)
from tests.mobility.international.factories import CallFactory, today

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    return tmp_path


def test_the_line_manager_is_mailed_by_a_real_worker(mail_dir, request, staff_member, team_leader):
    broker = request.getfixturevalue("worker")
    call = CallFactory()
    start = today() + timedelta(days=30)
    application = svc.application_submit(  # queues the mail in-process (eager) on commit
        actor=staff_member.user, call_id=call.pk, start=start, end=svc.stay_last_day(start, 2)
    )
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = False  # from here on, talk to the real worker
    with celery_app.connection_for_write(broker) as conn:
        celery_app.send_task(
            "mobility.international.tasks.notify_application_submitted", args=[application.pk], connection=conn
        )
    deadline = time.monotonic() + 60
    messages = []
    while time.monotonic() < deadline and not messages:
        messages = list(mail_dir.glob("*.log"))
        time.sleep(0.5)
    assert messages, "the worker sent no mail"
    body = messages[0].read_text()
    assert team_leader.email in body
    assert f"/mobility/international/applications/{application.pk}/" in body
