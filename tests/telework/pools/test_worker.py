"""A real Celery worker on Redis sends the coordinator's e-mail about a new support request."""

import time

import pytest

from hrportal.celery import app as celery_app
from telework.models import SupportRequest
from tests.hrportal.test_worker import (
    worker,  # noqa: F401  (the real-worker fixture)
)
from tests.telework.pools.factories import SupportRequestFactory

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    # The worker is a separate process: it writes its e-mails as files we can read.
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    return tmp_path


def test_new_request_mail_is_sent_by_a_real_worker(mail_dir, worker, coordinator):  # noqa: F811
    request = SupportRequestFactory(pool=coordinator.pool)
    assert request.status == SupportRequest.Status.OPEN
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = False
    with celery_app.connection_for_write(worker) as conn:
        celery_app.send_task("telework.pools.tasks.notify_support_requested", args=[request.pk], connection=conn)
    deadline = time.monotonic() + 60
    files = []
    while time.monotonic() < deadline and not files:
        files = list(mail_dir.glob("*.log"))
        time.sleep(0.5)
    assert files, "the worker sent no e-mail"
    message = files[0].read_text()
    assert coordinator.staff.email in message
    assert f"/telework/pools/requests/{request.pk}/" in message
