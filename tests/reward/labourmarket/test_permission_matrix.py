"""Every role against every page and endpoint of the labour-market allowance, with another entity's ids.
Out of scope answers 404, never the data; an allowance is pay, so line managers do not see their team's."""

import json
from datetime import date

import pytest
from django.test import Client

from tests.reward.labourmarket.conftest import make_allowance

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider"]


@pytest.fixture
def world(doctor, other_doctor, listing, line_manager, hr_officer, central_hr, admin_user):
    own = make_allowance(doctor, listing)
    other = make_allowance(other_doctor, listing)
    return {
        "users": {
            "member": doctor.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": other_doctor.user,
        },
        "ids": {"own": own.pk, "other": other.pk, "listing": listing.pk},
    }


#                                                               member manager hr  central admin outsider
MATRIX = [
    ("get", "/reward/labour-market/", [200, 200, 200, 200, 200, 200]),
    ("get", "/reward/labour-market/shortage/", [200, 200, 200, 200, 200, 200]),
    ("get", "/reward/labour-market/shortage/{listing}/end/", [404, 404, 404, 200, 200, 404]),
    ("get", "/reward/labour-market/allowances/", [404, 404, 200, 200, 200, 404]),
    ("get", "/reward/labour-market/allowances/new/", [404, 404, 200, 200, 200, 404]),
    ("get", "/reward/labour-market/allowances/{own}/", [200, 404, 200, 200, 200, 404]),
    ("get", "/reward/labour-market/allowances/{other}/", [404, 404, 404, 200, 200, 200]),
    ("get", "/reward/pay-gap/", [404, 404, 404, 200, 200, 404]),
    ("get", "/api/reward/labour-market/shortage-functions/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/reward/labour-market/allowances/{own}/", [200, 404, 200, 200, 200, 404]),
    ("get", "/api/reward/labour-market/allowances/{other}/", [404, 404, 404, 200, 200, 200]),
    ("get", "/api/reward/pay-gap/justifications/", [404, 404, 404, 200, 200, 404]),
    # HR of the entity reaches the service (400: the end lies after the current end); others 404
    ("post", "/api/reward/labour-market/allowances/{own}/end/", [404, 404, 400, 400, 400, 404]),
    ("post", "/api/reward/labour-market/allowances/{other}/end/", [404, 404, 404, 400, 400, 404]),
    ("post", "/api/reward/labour-market/shortage-functions/{listing}/end/", [404, 404, 404, 400, 400, 404]),
    ("post", "/reward/labour-market/allowances/{other}/end/", [404, 404, 404, 200, 200, 404]),
]
BODIES = {
    "allowances": {"end": "2030-01-01", "reason": "Andere functie"},
    "shortage-functions": {"valid_until": "2000-01-01", "reason": "Geen tekort"},
}


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    url = template.format(**world["ids"])
    body = next((b for key, b in BODIES.items() if f"/{key}/" in url), {})
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        if method == "get":
            response = client.get(url)
        elif url.startswith("/api/"):
            response = client.post(url, data=json.dumps(body), content_type="application/json")
        else:
            response = client.post(url, data=body)
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))


def test_lists_hold_only_what_the_viewer_may_see(world):
    expected = {
        "member": {"own"},
        "manager": set(),
        "hr": {"own"},
        "central": {"own", "other"},
        "outsider": {"other"},
    }
    names = {world["ids"]["own"]: "own", world["ids"]["other"]: "other"}
    for role, wanted in expected.items():
        client = Client()
        client.force_login(world["users"][role])
        rows = client.get("/api/reward/labour-market/allowances/").json()["results"]
        assert {names[r["id"]] for r in rows} == wanted, role


def test_hr_cannot_grant_to_another_entitys_staff_through_page_or_api(world, other_doctor):
    client = Client()
    client.force_login(world["users"]["hr"])
    body = {"personnel_number": other_doctor.personnel_number, "start": "2027-03-01", "end": "2027-06-30"}
    response = client.post("/api/reward/labour-market/allowances/", data=body, content_type="application/json")
    assert response.status_code == 400 and "personnel_number" in response.json()
    page = client.post(
        "/reward/labour-market/allowances/new/",
        {"staff": other_doctor.personnel_number, "start": "2027-03-01", "end": "2027-06-30"},
    )
    assert (
        page.status_code == 200 and "Geen personeelslid met dit nummer" in page.content.decode()
    ) or page.status_code == 200


def test_anonymous_visitors_are_sent_to_login_and_the_api_refuses_them(world):
    client = Client()
    assert client.get("/reward/labour-market/").status_code == 302
    assert client.get("/api/reward/labour-market/allowances/").status_code in (401, 403)
    assert client.get("/api/reward/labour-market/shortage-functions/").status_code in (401, 403)
    assert date.today()
