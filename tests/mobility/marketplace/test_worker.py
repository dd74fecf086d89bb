"""A real Celery worker on Redis runs the matching job and the expiry job of the marketplace."""

import time

import pytest

from hrportal.celery import app as celery_app
from mobility.models import Match, TalentRequest
from tests.hrportal.test_worker import (
    worker,  # noqa: F401 - the real-worker fixture
)
from tests.mobility.marketplace.factories import offer_with, request_with

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


def _send(url, name, *args):
    with celery_app.connection_for_write(url) as conn:
        celery_app.send_task(name, args=list(args), connection=conn)


def _wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_matching_and_expiry_jobs_run_on_a_real_worker(worker, staff_member, requester, other_entity, skills):  # noqa: F811
    offer = offer_with({skills["analyseren"]: 3}, staff=staff_member)
    item = request_with({skills["analyseren"]: 2}, owner=requester, entity=other_entity)
    stale = request_with({skills["analyseren"]: 2}, owner=requester, entity=other_entity)
    TalentRequest.objects.filter(pk=stale.pk).update(end=stale.start, closing_date=stale.start.replace(year=2000))
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = False
    _send(worker, "mobility.marketplace.tasks.match_refresh_request", item.pk)
    assert _wait_for(lambda: Match.objects.filter(request=item, offer=offer).exists())
    _send(worker, "mobility.marketplace.tasks.marketplace_expire")
    assert _wait_for(lambda: TalentRequest.objects.get(pk=stale.pk).status == TalentRequest.Status.EXPIRED)
    _send(worker, "mobility.marketplace.tasks.match_rematch_all")
    assert _wait_for(lambda: Match.objects.filter(request=item).exists())
