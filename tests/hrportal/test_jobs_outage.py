"""Issue 14 §1: Redis stops. Writes still succeed, every job they imply is kept in the outbox, lists work
without the cache, and once Redis and a worker are back the e-mail and the matching happen exactly once."""

from datetime import timedelta

import pytest
import redis
from django.core.cache import caches
from rest_framework.test import APIClient

from hrportal.jobs.models import OutboxMessage
from hrportal.jobs.services import job_task, outbox_relay
from mobility.models import Match, TalentOffer
from telework.models import TeleworkAgreement
from tests.mobility.marketplace.factories import request_with, today
from tests.telework.agreements.factories import TeleworkAgreementFactory
from tests.workers import Worker, celery_broker, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _mails_to(mail_dir, address: str) -> int:
    return sum(path.read_text().count(f"To: {address}") for path in mail_dir.glob("*.log"))


def test_redis_outage_loses_nothing_and_runs_each_job_once(
    own_redis,
    settings,
    tmp_path,
    staff_member,
    line_manager,
    colleague,
    requester,
    other_entity,
    skills,
):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    settings.CELERY_BROKER_URL = own_redis.url(0)
    settings.CACHES = {"default": {"BACKEND": "hrportal.cache.ResilientRedisCache", "LOCATION": own_redis.url(1)}}
    caches["default"].set("probe", 1)
    assert caches["default"].get("probe") == 1  # the cache really is this Redis
    agreement = TeleworkAgreementFactory(staff=staff_member)
    wanted = request_with({skills["analyseren"]: 2}, owner=requester, entity=other_entity)

    with celery_broker(own_redis.url(0)):
        # given: Redis stops
        own_redis.stop()
        # when: a manager approves, a colleague offers time, someone lists staff
        approved = api(line_manager.user).post(f"/api/telework/agreements/{agreement.pk}/approve/", {}, format="json")
        offered = api(staff_member.user).post(
            "/api/mobility/marketplace/offers/",
            {
                "title": "Analyses",
                "time_share_percent": 40,
                "start": today().isoformat(),
                "end": (today() + timedelta(days=200)).isoformat(),
                "languages": ["nl"],
                "competencies": [{"competency": skills["analyseren"].pk, "level": 3}],
            },
            format="json",
        )
        listed = api(line_manager.user).get("/api/staff/")
        page = APIClient()
        page.force_login(line_manager.user)
        directory = page.get("/staff/")
        health = page.get("/healthz")

    # then: every write answered success and is saved; lists work without the cache
    assert approved.status_code == 200, approved.content
    assert TeleworkAgreement.objects.get(pk=agreement.pk).status == TeleworkAgreement.Status.APPROVED
    assert offered.status_code == 201, offered.content
    offer = TalentOffer.objects.get(pk=offered.json()["id"])
    assert listed.status_code == 200 and listed.json()["count"] >= 3
    assert directory.status_code == 200
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    assert health.json()["broker"].startswith("error") and health.json()["cache"].startswith("error")
    # and the jobs wait in the outbox, unsent
    waiting = OutboxMessage.objects.filter(sent_at__isnull=True, done_at__isnull=True)
    names = sorted(waiting.values_list("task_name", flat=True))
    assert "telework.agreements.tasks.telework_notify_decision" in names
    assert "mobility.marketplace.tasks.match_refresh_offer" in names
    assert not Match.objects.filter(offer=offer).exists()
    assert _mails_to(mail_dir, staff_member.email) == 0

    # when: Redis and a worker come back (the worker sends what waits as it starts)
    OutboxMessage.objects.update(created_at=OutboxMessage.objects.first().created_at - timedelta(minutes=1))
    own_redis.start()
    worker = Worker(own_redis.url(0), mail_dir=mail_dir).start()
    try:
        assert wait_for(lambda: not OutboxMessage.objects.filter(done_at__isnull=True).exists(), seconds=90), list(
            OutboxMessage.objects.values("task_name", "sent_at", "done_at", "error")
        )
        # then: the e-mail was sent and the matching ran, each exactly once
        assert wait_for(lambda: _mails_to(mail_dir, staff_member.email) >= 1)
        assert Match.objects.filter(offer=offer, request=wanted).count() == 1
        assert set(OutboxMessage.objects.values_list("run_attempts", flat=True)) == {1}

        # a second delivery of every message (a relay after a lost acknowledgement) changes nothing
        with celery_broker(own_redis.url(0)):
            assert outbox_relay()["waiting"] == 0
            for message in OutboxMessage.objects.all():
                job_task(message.task_name).apply_async(args=message.args, task_id=str(message.pk))
        broker = redis.Redis.from_url(own_redis.url(0))
        assert wait_for(lambda: broker.llen("celery") == 0 and broker.hlen("unacked") == 0, seconds=30)
        assert _mails_to(mail_dir, staff_member.email) == 1
        assert Match.objects.filter(offer=offer, request=wanted).count() == 1
        assert set(OutboxMessage.objects.values_list("run_attempts", flat=True)) == {1}
    finally:
        worker.stop()
