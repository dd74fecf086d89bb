"""Who may open what: every role against every page and API endpoint of the foundation, including
records of another entity. Out of scope answers 404, never the data."""

import json

import pytest
from django.test import Client

from hrportal.reports.models import ReportRun
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider"]


@pytest.fixture
def world(staff_member, line_manager, hr_officer, central_hr, admin_user, outsider):
    run = ReportRun.objects.create(
        kind="portfolio_progress",
        status=ReportRun.Status.DONE,
        progress=100,
        result={"columns": [], "rows": [], "charts": []},
        csv_file=b"a;b\n",
    )
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
        },
        "ids": {"member": staff_member.pk, "outsider": outsider.pk, "manager": line_manager.pk, "run": run.pk},
    }


def client_for(world, role):
    client = Client()
    client.force_login(world["users"][role])
    return client


# (method, url template, expected status per role in ROLES order)
MATRIX = [
    ("get", "/", [200, 200, 200, 200, 200, 200]),
    ("get", "/staff/", [302, 200, 200, 200, 200, 302]),  # staff only: their own profile instead
    ("get", "/staff/{member}/", [200, 200, 200, 200, 200, 404]),
    ("get", "/staff/{outsider}/", [404, 404, 404, 200, 200, 200]),
    ("get", "/staff/{manager}/", [404, 200, 200, 200, 200, 404]),
    ("get", "/staff/{member}/edit/", [200, 404, 200, 200, 200, 404]),
    ("get", "/staff/{outsider}/edit/", [404, 404, 404, 200, 200, 200]),
    ("get", "/audit/", [404, 404, 200, 200, 200, 404]),
    ("get", "/reports/", [200, 200, 200, 200, 200, 200]),
    ("get", "/reports/{run}/", [404, 200, 200, 200, 200, 404]),
    ("get", "/reports/{run}/download.csv", [404, 200, 200, 200, 200, 404]),
    ("get", "/parameters/", [200, 200, 200, 200, 200, 200]),
    ("get", "/portfolio/", [200, 200, 200, 200, 200, 200]),
    ("get", "/entities/", [200, 200, 200, 200, 200, 200]),
    ("get", "/mobility/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/staff/{member}/", [200, 200, 200, 200, 200, 404]),
    ("get", "/api/staff/{outsider}/", [404, 404, 404, 200, 200, 200]),
    ("get", "/api/audit/", [404, 404, 200, 200, 200, 404]),
    ("get", "/api/reports/{run}/", [404, 200, 200, 200, 200, 404]),
    ("get", "/api/reports/{run}/download.csv", [404, 200, 200, 200, 200, 404]),
    ("get", "/api/portfolio/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/parameters/", [200, 200, 200, 200, 200, 200]),
    ("put", "/api/staff/{outsider}/profile/", [404, 404, 404, 200, 200, 200]),
    ("put", "/api/staff/{member}/profile/", [200, 404, 200, 200, 200, 404]),
    # admin comes after central HR, who recorded the value from that date: one value per key and date
    ("post", "/api/parameters/", [404, 404, 404, 201, 400, 404]),
    ("post", "/api/reports/", [404, 201, 201, 201, 201, 404]),
]

BODIES = {
    "/api/staff/{outsider}/profile/": {"languages": [{"language": "nl", "proficiency": "native"}], "competencies": []},
    "/api/staff/{member}/profile/": {"languages": [{"language": "nl", "proficiency": "native"}], "competencies": []},
    "/api/parameters/": {"key": "telework.office_norm_percent", "value": 50, "valid_from": "2030-01-01"},
    "/api/reports/": {"kind": "portfolio_progress"},
}


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_role_matrix(world, method, template, expected):
    url = template.format(**world["ids"])
    for role, status in zip(ROLES, expected, strict=True):
        client = client_for(world, role)
        body = BODIES.get(template)
        if method == "get":
            response = client.get(url)
        else:
            response = getattr(client, method)(url, data=json.dumps(body), content_type="application/json")
        assert response.status_code == status, f"{role} {method.upper()} {url}: {response.status_code}"
        if status == 404:
            assert b"@vlaanderen.example" not in response.content


def test_anonymous_is_sent_to_login_on_pages_and_refused_by_the_api(world):
    client = Client()
    for url in ["/", "/staff/", f"/staff/{world['ids']['member']}/", "/audit/", "/reports/"]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/login/"), url
    for url in ["/api/staff/", f"/api/staff/{world['ids']['member']}/", "/api/audit/"]:
        assert client.get(url).status_code in (401, 403), url


def test_lists_are_scoped_in_the_queryset(world):
    def ids(role):
        response = client_for(world, role).get("/api/staff/?page_size=1000")
        return {row["id"] for row in response.json()["results"]}

    assert ids("member") == {world["ids"]["member"]}
    assert world["ids"]["outsider"] not in ids("manager")
    assert world["ids"]["outsider"] not in ids("hr")
    assert world["ids"]["outsider"] in ids("central")


def test_user_without_any_role_sees_no_staff(world):
    client = Client()
    client.force_login(UserFactory(username="nobody"))
    assert client.get("/api/staff/").json()["count"] == 0
    assert client.get(f"/staff/{world['ids']['member']}/").status_code == 404


# Issue 14 §4: the matrix checks fields, not only status codes. Pay and gender: the person, HR of their
# entity and central HR (and admins); line managers see the work data only. One rule for page and API.
PAY_AND_GENDER = {"salary_scale", "gross_monthly_salary", "gender"}
FIELD_MATRIX = {  # role -> does it see the member's pay and gender?
    "member": True,
    "manager": False,  # indirect line manager
    "hr": True,
    "central": True,
    "admin": True,
}


@pytest.mark.parametrize(("role", "sees"), FIELD_MATRIX.items())
def test_pay_and_gender_fields_per_role_in_the_api_and_on_the_page(world, role, sees):
    from hrportal.models import Staff

    member = Staff.objects.get(pk=world["ids"]["member"])
    Staff.objects.filter(pk=member.pk).update(gross_monthly_salary="4321.09", salary_scale="B112")
    client = client_for(world, role)
    body = client.get(f"/api/staff/{member.pk}/").json()
    assert (body.keys() >= PAY_AND_GENDER) is sees, sorted(body)
    assert not sees or (body["salary_scale"], body["gross_monthly_salary"]) == ("B112", "4321.09")
    assert {"level", "grade", "function", "service_start"} <= body.keys()  # the work data, for everyone in scope
    page = client.get(f"/staff/{member.pk}/").content.decode()
    assert ("B112" in page and "4.321,09" in page) is sees  # the salary as the Dutch page writes it
    assert ("Geslacht" in page) is sees


def test_the_direct_line_manager_sees_no_pay_either(world, team_leader):
    client = Client()
    client.force_login(team_leader.user)
    body = client.get(f"/api/staff/{world['ids']['member']}/").json()
    assert not (PAY_AND_GENDER & body.keys())


def test_own_record_through_me_shows_own_pay(world):
    body = client_for(world, "member").get("/api/staff/me/").json()
    assert body.keys() >= PAY_AND_GENDER


def test_functions_api_family_is_null_for_top_management_and_nullable_in_the_schema(world):
    from hrportal.models import Function

    Function.objects.create(name="Leidend ambtenaar", family=None, function_class=7, weight=1)
    client = client_for(world, "member")
    rows = client.get("/api/functions/?page_size=1000").json()["results"]
    assert any(row["family"] is None for row in rows)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert schema["components"]["schemas"]["Function"]["properties"]["family"].get("nullable") is True
