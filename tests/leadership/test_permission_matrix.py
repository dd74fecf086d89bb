"""Every role against every page and API endpoint of top management and monitoring, with another entity's
ids. Out of scope answers 404, never the data."""

import json

import pytest
from django.test import Client

from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute
from leadership.models import Registration, TopSession
from tests.factories import StaffFactory
from tests.leadership.factories import MandateFactory, TopCandidateFactory, TopSessionFactory, VacancyFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider", "official", "other_official"]


@pytest.fixture
def world(staff_member, line_manager, hr_officer, central_hr, admin_user, outsider, entity, other_entity):
    official = StaffFactory(entity=entity, top_manager=True, with_user=True)
    other_official = StaffFactory(entity=other_entity, top_manager=True, with_user=True)
    own = MandateFactory(official=official)
    other = MandateFactory(official=other_official)
    vacancy = VacancyFactory(entity=other_entity)
    candidate = TopCandidateFactory(vacancy=vacancy)
    panel = TopSessionFactory()
    intervision = TopSessionFactory(kind=TopSession.Kind.INTERVISION)
    registration = Registration.objects.create(session=panel, staff=staff_member)
    run = ReportRun.objects.create(kind="leadership_gender_monitoring")
    report_run_execute(run_id=run.pk)
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
            "official": official.user,
            "other_official": other_official.user,
        },
        "ids": {
            "own": own.pk,
            "other": other.pk,
            "vacancy": vacancy.pk,
            "candidate": candidate.pk,
            "panel": panel.pk,
            "intervision": intervision.pk,
            "registration": registration.pk,
            "run": run.pk,
        },
    }


ALL = [200] * 8
CENTRAL = [404, 404, 404, 200, 200, 404, 404, 404]
#                                                    member manager hr central admin outsider official other_official
MATRIX = [
    ("get", "/leadership/", ALL),
    ("get", "/leadership/top/", ALL),
    ("get", "/leadership/top/mandates/", CENTRAL),
    ("get", "/leadership/top/mandates/new/", CENTRAL),
    ("get", "/leadership/top/mandates/ending/", CENTRAL),
    ("get", "/leadership/top/mandates/{own}/", [404, 404, 404, 200, 200, 404, 200, 404]),
    ("get", "/leadership/top/mandates/{other}/", [404, 404, 404, 200, 200, 404, 404, 200]),
    ("get", "/leadership/top/evaluations/", CENTRAL),
    ("get", "/leadership/top/mine/", ALL),
    ("get", "/leadership/top/vacancies/", CENTRAL),
    ("get", "/leadership/top/vacancies/{vacancy}/", CENTRAL),
    ("get", "/leadership/top/candidates/{candidate}/", CENTRAL),
    ("get", "/leadership/top/sessions/", ALL),
    ("get", "/leadership/top/sessions/{panel}/", ALL),
    ("get", "/leadership/top/sessions/{intervision}/", [404, 404, 404, 200, 200, 404, 200, 200]),
    ("get", "/leadership/top/mailing-list.csv", CENTRAL),
    ("get", "/leadership/monitoring/", CENTRAL),
    ("get", "/leadership/monitoring/runs/{run}/", CENTRAL),
    ("get", "/api/leadership/top/mandates/", ALL),
    ("get", "/api/leadership/top/mandates/ending/", CENTRAL),
    ("get", "/api/leadership/top/mandates/{own}/", [404, 404, 404, 200, 200, 404, 200, 404]),
    ("get", "/api/leadership/top/mandates/{other}/", [404, 404, 404, 200, 200, 404, 404, 200]),
    ("get", "/api/leadership/top/evaluations/", ALL),
    ("get", "/api/leadership/top/vacancies/", CENTRAL),
    ("get", "/api/leadership/top/vacancies/{vacancy}/candidates/", CENTRAL),
    ("get", "/api/leadership/top/candidates/{candidate}/", CENTRAL),
    ("get", "/api/leadership/top/sessions/", ALL),
    ("get", "/api/leadership/top/registrations/", ALL),
    ("get", "/api/leadership/top/mailing-list/", CENTRAL),
    ("get", "/api/leadership/monitoring/figures/", CENTRAL),
    ("get", "/api/leadership/monitoring/targets/", CENTRAL),
    # no end-of-mandate evaluation yet: central HR gets the rule's 400, everyone else 404
    ("post", "/api/leadership/top/mandates/{own}/renew/", [404, 404, 404, 400, 400, 404, 404, 404]),
    ("post", "/api/leadership/top/sessions/{intervision}/register/", [404, 404, 404, 404, 404, 404, 201, 201]),
    ("post", "/api/leadership/top/registrations/{registration}/cancel/", [204, 404, 404, 404, 404, 404, 404, 404]),
    # an empty body: central HR gets the field errors, everyone else 404
    ("post", "/api/leadership/top/sessions/{panel}/cancel/", [404, 404, 404, 400, 400, 404, 404, 404]),
    ("post", "/api/leadership/top/sessions/{panel}/attendance/", [404, 404, 404, 400, 400, 404, 404, 404]),
    ("post", "/leadership/top/sessions/{panel}/cancel/", [404, 404, 404, 200, 200, 404, 404, 404]),
    ("post", "/leadership/top/sessions/{panel}/attendance/", [404, 404, 404, 302, 302, 404, 404, 404]),
    # one's own opt-ins only; an account without a staff record has none
    ("post", "/api/leadership/top/mailing-list/unsubscribe/", [200, 200, 200, 404, 404, 200, 200, 200]),
]


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    url = template.format(**world["ids"])
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, data=json.dumps({}), content_type="application/json")
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))


def test_mandate_lists_hold_only_what_the_viewer_may_see(world):
    for role, wanted in {
        "member": set(),
        "official": {"own"},
        "other_official": {"other"},
        "central": {"own", "other"},
    }.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get("/api/leadership/top/mandates/").json()["results"]
        names = {world["ids"]["own"]: "own", world["ids"]["other"]: "other"}
        assert {names[r["id"]] for r in rows} == wanted, role


def test_anonymous_visitors_are_sent_to_login_and_the_api_refuses_them(world):
    client = Client()
    assert client.get("/leadership/top/").status_code == 302
    assert client.get("/leadership/monitoring/").status_code == 302
    assert client.get("/api/leadership/top/mandates/").status_code in (401, 403)
