"""A real Celery worker on Redis sends the telework notification e-mails."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hrportal.celery import app as celery_app
from tests.hrportal.test_worker import ROOT, database_url_of_test_db
from tests.services import redis_url, require
from tests.telework.agreements.factories import TeleworkAgreementFactory

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


@pytest.fixture
def mail_worker(tmp_path):
    url = redis_url()
    require(url is not None, "Redis")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url_of_test_db(),
        "CELERY_BROKER_URL": url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "SECRET_KEY": "worker-test",
        "DEBUG": "false",
        "EMAIL_URL": f"filemail:///{mail_dir}",  # django-environ drops one leading slash
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "hrportal",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    yield url, mail_dir
    process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    print(output[-3000:])


def _wait_for_mail(mail_dir: Path) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        files = list(mail_dir.glob("*.log"))
        if files and files[0].stat().st_size:
            time.sleep(0.2)
            return files[0].read_text()
        time.sleep(0.5)
    return ""


def test_request_notification_is_sent_by_a_real_worker(mail_worker, staff_member, team_leader):
    url, mail_dir = mail_worker
    agreement = TeleworkAgreementFactory(staff=staff_member)
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = False
    with celery_app.connection_for_write(url) as conn:
        celery_app.send_task("telework.agreements.tasks.telework_notify_request", args=[agreement.pk], connection=conn)
    mail = _wait_for_mail(mail_dir)
    assert team_leader.email in mail
    assert staff_member.full_name in mail
