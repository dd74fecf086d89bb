"""Every role against every page and endpoint of the international part, including another entity's ids."""

import json
from datetime import timedelta

import pytest
from django.test import Client

from tests.mobility.international.factories import (
    ApplicationFactory,
    DetachmentFactory,
    ExternalApplicantFactory,
    VacancyFactory,
    today,
)

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider"]
ALL_200 = [200] * 6
CENTRAL_ONLY = [404, 404, 404, 200, 200, 404]


@pytest.fixture
def world(call, staff_member, line_manager, hr_officer, central_hr, admin_user, outsider, entity, other_entity):
    ids = {
        "call": call.pk,
        "app_member": ApplicationFactory(call=call, staff=staff_member).pk,
        "app_outsider": ApplicationFactory(call=call, staff=outsider, approved=True).pk,
        "app_outsider_agreed": ApplicationFactory(staff=outsider, agreed=True).pk,
        "vacancy_own": VacancyFactory(entity=entity).pk,
        "vacancy_other": (vacancy_other := VacancyFactory(entity=other_entity)).pk,
        "applicant_other": ExternalApplicantFactory(vacancy=vacancy_other).pk,
        "det_member": DetachmentFactory(staff=staff_member, end=today() + timedelta(days=100)).pk,
        "det_outsider": DetachmentFactory(staff=outsider).pk,
        "member": staff_member.pk,
        "entity": entity.pk,
    }
    users = {
        "member": staff_member.user,
        "manager": line_manager.user,
        "hr": hr_officer,
        "central": central_hr,
        "admin": admin_user,
        "outsider": outsider.user,
    }
    return {"ids": ids, "users": users}


def client_for(world, role):
    client = Client()
    client.force_login(world["users"][role])
    return client


PAGES = [
    ("/mobility/international/", ALL_200),
    ("/mobility/international/calls/", ALL_200),
    ("/mobility/international/calls/new/", CENTRAL_ONLY),
    ("/mobility/international/calls/{call}/", ALL_200),
    ("/mobility/international/calls/999999/", [404] * 6),
    ("/mobility/international/applications/", ALL_200),
    ("/mobility/international/applications/{app_member}/", [200, 200, 200, 200, 200, 404]),
    ("/mobility/international/applications/{app_outsider}/", [404, 404, 404, 200, 200, 200]),
    ("/mobility/international/totals/", ALL_200),
    ("/mobility/external/", [404, 404, 200, 200, 200, 404]),
    ("/mobility/external/new/", CENTRAL_ONLY),
    ("/mobility/external/{vacancy_own}/", [404, 404, 200, 200, 200, 404]),
    ("/mobility/external/{vacancy_other}/", CENTRAL_ONLY),
    ("/mobility/detachments/", ALL_200),
    ("/mobility/detachments/new/", CENTRAL_ONLY),
    ("/api/mobility/international/calls/", ALL_200),
    ("/api/mobility/international/calls/{call}/", ALL_200),
    ("/api/mobility/international/totals/", ALL_200),
    ("/api/mobility/international/applications/", ALL_200),
    ("/api/mobility/international/applications/{app_member}/", [200, 200, 200, 200, 200, 404]),
    ("/api/mobility/international/applications/{app_outsider}/", [404, 404, 404, 200, 200, 200]),
    ("/api/mobility/international/applications/{app_outsider}/claims/", [404, 404, 404, 200, 200, 200]),
    ("/api/mobility/external/vacancies/", [404, 404, 200, 200, 200, 404]),
    ("/api/mobility/external/vacancies/{vacancy_own}/", [404, 404, 200, 200, 200, 404]),
    ("/api/mobility/external/vacancies/{vacancy_other}/", CENTRAL_ONLY),
    ("/api/mobility/external/vacancies/{vacancy_other}/applicants/", CENTRAL_ONLY),
    ("/api/mobility/detachments/", ALL_200),
    ("/api/mobility/detachments/{det_member}/", [200, 404, 200, 200, 200, 404]),
    ("/api/mobility/detachments/{det_outsider}/", [404, 404, 404, 200, 200, 200]),
]


@pytest.mark.parametrize(("template", "expected"), PAGES, ids=[t for t, _ in PAGES])
def test_who_may_read_what(world, template, expected):
    url = template.format(**world["ids"])
    for role, status in zip(ROLES, expected, strict=True):
        response = client_for(world, role).get(url)
        assert response.status_code == status, f"{role} GET {url}: {response.status_code}"
        if status == 404:
            assert b"@vlaanderen.example" not in response.content


def _later(days):
    return (today() + timedelta(days=days)).isoformat()


# (url, body for a role, expected per role). Roles act in order on the same records.
WRITES = [
    (
        "/api/mobility/international/calls/",
        lambda role, ids: {
            "title": f"Call {role}",
            "call_kind": "work_visit",
            "opens_on": _later(0),
            "closes_on": _later(10),
            "eligible_levels": ["A", "B"],
            "hosts": ["FIT New York"],
        },
        [404, 404, 404, 201, 201, 404],
    ),
    (
        "/api/mobility/international/applications/{app_member}/manager-decision/",
        lambda role, ids: {"agree": False, "reason": "Piekperiode"},
        [404, 200, 404, 404, 404, 404],
    ),
    (
        "/api/mobility/international/applications/{app_outsider_agreed}/host-decision/",
        lambda role, ids: {"outcome": "counterpart_sought"},
        [404, 404, 404, 200, 200, 404],
    ),
    (
        "/api/mobility/international/applications/{app_outsider}/claims/",
        lambda role, ids: {"cost_kind": "travel", "claim_date": _later(0), "amount": "120.00"},
        [404, 404, 404, 201, 201, 201],
    ),
    (
        "/api/mobility/international/applications/{app_outsider}/withdraw/",
        lambda role, ids: {},
        [404, 404, 404, 404, 404, 400],
    ),
    (
        "/api/mobility/external/vacancies/",
        lambda role, ids: {"title": "V", "entity": ids["entity"], "level": "B", "closes_on": _later(5)},
        [404, 404, 404, 201, 201, 404],
    ),
    (
        "/api/mobility/external/vacancies/{vacancy_other}/applicants/",
        lambda role, ids: {
            "first_name": "Jan",
            "last_name": role,
            "email": f"{role}@onderwijs.example",
            "origin": "education",
            "employer": "GO!",
            "permanently_appointed": True,
            "seniority_years": 3,
            "seniority_months": 0,
        },
        [404, 404, 404, 201, 201, 404],
    ),
    (
        "/api/mobility/external/applicants/{applicant_other}/selection/",
        lambda role, ids: {"passed": True, "selection_date": _later(0)},
        [404, 404, 404, 200, 400, 404],
    ),
    (
        "/api/mobility/detachments/",
        lambda role, ids: {
            "staff": ids["member"],
            "institution": "OESO",
            "start": _later(400 if role == "central" else 800),
            "end": _later(500 if role == "central" else 900),
            "annual_salary_cost": "70000.00",
            "institution_pays_salary": False,
        },
        [404, 404, 404, 201, 201, 404],
    ),
]


@pytest.mark.parametrize(("template", "body", "expected"), WRITES, ids=[t for t, _, _ in WRITES])
def test_who_may_act_on_what(world, template, body, expected):
    url = template.format(**world["ids"])
    for role, status in zip(ROLES, expected, strict=True):
        data = body(role, world["ids"])
        response = client_for(world, role).post(url, data=json.dumps(data), content_type="application/json")
        assert response.status_code == status, f"{role} POST {url}: {response.status_code} {response.content[:300]}"
        if status == 400:
            assert isinstance(response.json(), dict)


def test_application_lists_are_scoped_in_the_queryset(world):
    def ids(role):
        response = client_for(world, role).get("/api/mobility/international/applications/?page_size=1000")
        return {row["id"] for row in response.json()["results"]}

    w = world["ids"]
    assert ids("member") == {w["app_member"]}
    assert ids("manager") == {w["app_member"]}
    assert ids("hr") == {w["app_member"]}
    assert ids("outsider") == {w["app_outsider"], w["app_outsider_agreed"]}
    assert ids("central") == {w["app_member"], w["app_outsider"], w["app_outsider_agreed"]}


def test_lists_of_vacancies_and_detachments_are_scoped(world):
    def ids(role, url):
        return {row["id"] for row in client_for(world, role).get(url).json()["results"]}

    w = world["ids"]
    assert ids("hr", "/api/mobility/external/vacancies/") == {w["vacancy_own"]}
    assert ids("central", "/api/mobility/external/vacancies/") == {w["vacancy_own"], w["vacancy_other"]}
    assert ids("member", "/api/mobility/detachments/") == {w["det_member"]}
    assert ids("manager", "/api/mobility/detachments/") == set()
    assert ids("outsider", "/api/mobility/detachments/") == {w["det_outsider"]}


def test_anonymous_is_sent_to_login_and_refused_by_the_api(world):
    client = Client()
    for url in ["/mobility/international/", "/mobility/international/calls/", "/mobility/detachments/"]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/login/"), url
    for url in ["/api/mobility/international/applications/", "/api/mobility/detachments/"]:
        assert client.get(url).status_code in (401, 403), url
