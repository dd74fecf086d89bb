"""A real Celery worker on Redis picks up a report run queued by the portal and finishes it."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from hrportal.celery import app as celery_app
from hrportal.reports.models import ReportRun
from tests.services import redis_url, require

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]
ROOT = Path(__file__).resolve().parents[2]


def database_url_of_test_db() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{auth}@{host}:{port}/{settings['NAME']}"


@pytest.fixture
def worker():
    url = redis_url()
    require(url is not None, "Redis")
    env = {
        **os.environ,
        "DATABASE_URL": database_url_of_test_db(),
        "CELERY_BROKER_URL": url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "SECRET_KEY": "worker-test",
        "DEBUG": "false",
    }
    process = subprocess.Popen(
        [
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
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield url
    process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    print(output[-3000:])


def test_report_run_is_finished_by_a_real_worker(worker, central_hr):
    run = ReportRun.objects.create(kind="portfolio_progress", requested_by=central_hr)
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = False  # this test talks to the real worker
    with celery_app.connection_for_write(worker) as conn:
        celery_app.send_task("hrportal.reports.tasks.report_run_execute", args=[run.pk], connection=conn)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status in (ReportRun.Status.DONE, ReportRun.Status.FAILED):
            break
        time.sleep(0.5)
    assert run.status == ReportRun.Status.DONE, run.error
    assert run.progress == 100
    client = Client()
    client.force_login(central_hr)
    assert client.get(f"/reports/{run.pk}/download.csv").content.decode("utf-8-sig").startswith("Doelstelling")
