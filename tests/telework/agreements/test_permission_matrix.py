"""Who may open what in telework: every role against every page and endpoint, with another entity's ids."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from telework.models import TeleworkAgreement
from tests.factories import StaffFactory
from tests.telework.agreements.conftest import MONDAY, approved_on
from tests.telework.agreements.factories import TeleworkAgreementFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "leader", "manager", "hr", "central", "admin", "outsider"]


@pytest.fixture
def world(staff_member, team_leader, line_manager, hr_officer, central_hr, admin_user, outsider, other_entity):
    own = TeleworkAgreementFactory(staff=staff_member)
    foreign_manager = StaffFactory(entity=other_entity, with_user=True)
    foreign = TeleworkAgreementFactory(staff=StaffFactory(entity=other_entity, line_manager=foreign_manager))
    running = approved_on(team_leader, [MONDAY], start=timezone.localdate() - timedelta(days=3))
    return {
        "users": {
            "member": staff_member.user,
            "leader": team_leader.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
        },
        "ids": {
            "own": own.pk,
            "foreign": foreign.pk,
            "leader": running.pk,
            "entity": staff_member.entity_id,
            "other_entity": other_entity.pk,
        },
    }


# (method, url, expected per role in ROLES order)
MATRIX = [
    ("get", "/telework/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/agreements/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/agreements/new/", [200, 200, 200, 200, 404, 404, 200]),
    ("get", "/telework/agreements/{own}/", [200, 200, 200, 200, 200, 200, 404]),
    ("get", "/telework/agreements/{foreign}/", [404, 404, 404, 404, 200, 200, 404]),
    ("get", "/telework/agreements/{leader}/", [404, 200, 200, 200, 200, 200, 404]),
    ("get", "/telework/agreements/new/?changes={leader}", [404, 200, 404, 404, 404, 404, 404]),
    ("post", "/telework/agreements/{foreign}/approve/", [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/telework/agreements/{own}/withdraw/", [302, 404, 404, 404, 404, 404, 404]),
    ("get", "/telework/approvals/", [404, 200, 200, 404, 404, 404, 404]),
    ("get", "/telework/occupancy/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/telework/register/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", "/telework/register/{entity}/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", "/telework/register/{other_entity}/", [404, 404, 404, 404, 200, 200, 404]),
    ("get", "/telework/inventory/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", "/api/telework/agreements/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/api/telework/agreements/{own}/", [200, 200, 200, 200, 200, 200, 404]),
    ("get", "/api/telework/agreements/{foreign}/", [404, 404, 404, 404, 200, 200, 404]),
    ("post", "/api/telework/agreements/{foreign}/approve/", [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/telework/agreements/{own}/approve/", [404, 200, 200, 404, 404, 404, 404]),
    ("post", "/api/telework/agreements/{leader}/end/", [404, 200, 200, 404, 404, 404, 404]),
    ("get", "/api/telework/approvals/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/api/telework/occupancy/", [200, 200, 200, 200, 200, 200, 200]),
    ("get", "/api/telework/register/", [404, 404, 404, 200, 200, 200, 404]),
    ("get", "/api/telework/explanations/", [404, 404, 404, 200, 200, 200, 404]),
]
BODIES = {"/api/telework/agreements/{leader}/end/": {"end": "{today}", "reason": "x"}}


def _fill(template, world):
    return template.format(**world["ids"], today=timezone.localdate().isoformat())


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _e in MATRIX])
def test_role_matrix(world, method, template, expected):
    for role, status in zip(ROLES, expected, strict=True):
        client = Client()
        client.force_login(world["users"][role])
        url = _fill(template, world)
        if method == "get":
            response = client.get(url)
        else:
            body = {k: _fill(v, world) for k, v in BODIES.get(template, {}).items()}
            response = (
                client.post(url, body, content_type="application/json" if url.startswith("/api/") else None)
                if url.startswith("/api/")
                else client.post(url, body)
            )
        assert response.status_code == status, f"{role} {method} {url}: {response.status_code}"
        if method == "post" and status in (200, 302):
            _undo(world)  # put the agreements back so the next role meets the same state


def _undo(world):
    TeleworkAgreement.objects.filter(pk=world["ids"]["own"]).update(status="requested", decided_at=None)
    TeleworkAgreement.objects.filter(pk=world["ids"]["leader"]).update(status="approved", end=None)


def test_lists_are_scoped_in_the_queryset(world):
    def ids(role):
        client = Client()
        client.force_login(world["users"][role])
        return {row["id"] for row in client.get("/api/telework/agreements/").json()["results"]}

    own, foreign, leader = world["ids"]["own"], world["ids"]["foreign"], world["ids"]["leader"]
    assert ids("member") == {own}
    assert ids("leader") == {own, leader}
    assert ids("manager") == {own, leader}
    assert ids("hr") == {own, leader}
    assert ids("central") == {own, foreign, leader}
    assert ids("outsider") == set()


def test_anonymous_is_sent_to_login_and_refused_by_the_api(world):
    client = Client()
    assert client.get("/telework/").status_code == 302
    assert client.get("/api/telework/agreements/").status_code in (401, 403)
