"""Experience requests through the pages and the API, and who sees what (another entity's ids answer 404;
the recognised seniority is pay-like: the person and HR only, not the line manager)."""

import json
from datetime import date

import pytest
from django.test import Client

from reward.experience.models import ExperienceRequest
from tests.factories import HrOfficerScopeFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _formset(**rows):
    data = {
        "periods-TOTAL_FORMS": "3",
        "periods-INITIAL_FORMS": "0",
        "periods-MIN_NUM_FORMS": "1",
        "periods-MAX_NUM_FORMS": "40",
    }
    # the empty rows as a browser sends them: the initial working-time fraction, no sector
    data.update({"periods-1-part_time_fraction": "1", "periods-2-part_time_fraction": "1", "periods-1-sector": ""})
    data.update(rows)
    return data


def test_the_full_flow_through_the_pages(staff_member, team_leader, hr_officer):
    data = _formset(
        **{
            "periods-0-employer": "Bakkerij Peeters",
            "periods-0-sector": "private",
            "periods-0-job": "Boekhouder",
            "periods-0-start": "2010-01-01",
            "periods-0-end": "2010-12-31",
            "periods-0-part_time_fraction": "1",
        }
    )
    response = _client(staff_member.user).post("/reward/experience/new/", data)
    request = ExperienceRequest.objects.get()
    assert response.status_code == 302
    period = request.periods.get()
    url = f"/reward/experience/requests/{request.pk}/"
    assert f"relevant_{period.pk}" in _client(team_leader.user).get(url).content.decode()
    response = _client(team_leader.user).post(url, {"action": "judge", f"relevant_{period.pk}": "yes"})
    assert response.status_code == 302
    response = _client(hr_officer).post(url, {"action": "decide", f"recognised_{period.pk}": "yes"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "decided"
    staff_page = _client(staff_member.user).get(f"/reward/experience/staff/{staff_member.pk}/")
    assert staff_page.status_code == 200 and staff_page.context["recognised"].years == 1


def test_a_bad_row_shows_its_error_on_the_form(staff_member):
    data = _formset(
        **{
            "periods-0-employer": "X",
            "periods-0-sector": "private",
            "periods-0-job": "Y",
            "periods-0-start": "2010-02-01",
            "periods-0-end": "2010-01-01",
            "periods-0-part_time_fraction": "1",
        }
    )
    response = _client(staff_member.user).post("/reward/experience/new/", data)
    assert response.status_code == 200
    assert "end" in response.context["formset"].forms[0].errors
    assert not ExperienceRequest.objects.exists()


def test_permission_matrix_with_another_entitys_ids(
    staff_member, team_leader, line_manager, hr_officer, central_hr, outsider, other_entity
):
    request = ExperienceRequest.objects.create(staff=staff_member)
    other_request = ExperienceRequest.objects.create(staff=outsider)
    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="otherhr")).user
    users = [staff_member.user, team_leader.user, hr_officer, other_hr, central_hr, outsider.user]
    matrix = [
        ("/reward/experience/", [200, 200, 200, 200, 200, 200]),
        ("/reward/experience/new/", [200, 200, 200, 404, 404, 200]),
        (f"/reward/experience/requests/{request.pk}/", [200, 200, 200, 404, 200, 404]),
        (f"/reward/experience/requests/{other_request.pk}/", [404, 404, 404, 200, 200, 200]),
        (f"/reward/experience/staff/{staff_member.pk}/", [200, 404, 200, 404, 200, 404]),
        (f"/reward/experience/staff/{outsider.pk}/", [404, 404, 404, 200, 200, 200]),
        (f"/api/reward/experience/requests/{request.pk}/", [200, 200, 200, 404, 200, 404]),
        (f"/api/reward/experience/requests/{other_request.pk}/", [404, 404, 404, 200, 200, 200]),
        (f"/api/reward/experience/staff/{staff_member.pk}/", [200, 404, 200, 404, 200, 404]),
        (f"/api/reward/experience/staff/{outsider.pk}/", [404, 404, 404, 200, 200, 200]),
    ]
    for url, expected in matrix:
        got = [_client(u).get(url).status_code for u in users]
        assert got == expected, url
    # deciding another entity's request through the API: 404 before reading the body
    response = _client(hr_officer).post(
        f"/api/reward/experience/requests/{other_request.pk}/decide/",
        data=json.dumps({}),
        content_type="application/json",
    )
    assert response.status_code == 404


def test_the_api_asks_and_answers_400_with_field_errors(staff_member, team_leader):
    client = _client(staff_member.user)
    bad = {"periods": [{"employer": "", "sector": "moon", "job": "x", "start": "2010-01-01", "end": "2010-12-31"}]}
    response = client.post("/api/reward/experience/requests/", data=json.dumps(bad), content_type="application/json")
    assert response.status_code == 400 and "periods" in response.json()
    order = {"periods": [{"employer": "A", "sector": "public", "job": "x", "start": "2010-02-01", "end": "2010-01-01"}]}
    response = client.post("/api/reward/experience/requests/", data=json.dumps(order), content_type="application/json")
    assert response.status_code == 400 and "periods[0].end" in response.json()
    good = {"periods": [{"employer": "A", "sector": "public", "job": "x", "start": "2010-01-01", "end": "2010-12-31"}]}
    response = client.post("/api/reward/experience/requests/", data=json.dumps(good), content_type="application/json")
    assert response.status_code == 201
    pk, period = response.json()["id"], response.json()["periods"][0]["id"]
    judged = _client(team_leader.user).post(
        f"/api/reward/experience/requests/{pk}/judge/",
        data=json.dumps({"judgements": [{"period": period, "relevant": True}]}),
        content_type="application/json",
    )
    assert judged.status_code == 200 and judged.json()["status"] == "judged"


def test_home_items_for_the_manager_and_hr(staff_member, team_leader, hr_officer):
    from hrportal.home import action_items_for
    from reward.experience.services import experience_request_judge, experience_request_submit

    request = experience_request_submit(
        actor=staff_member.user,
        periods=[
            {"employer": "A", "sector": "private", "job": "x", "start": date(2010, 1, 1), "end": date(2010, 6, 30)}
        ],
    )

    def count(user, label):
        return sum(i.count for i in action_items_for(user) if i.label == label)

    assert count(team_leader.user, "Aanvragen erkenning ervaring te beoordelen") == 1
    assert count(hr_officer, "Aanvragen erkenning ervaring te beslissen") == 0
    pid = request.periods.get().pk
    experience_request_judge(actor=team_leader.user, request_id=request.pk, judgements={pid: (True, "")})
    assert count(team_leader.user, "Aanvragen erkenning ervaring te beoordelen") == 0
    assert count(hr_officer, "Aanvragen erkenning ervaring te beslissen") == 1
    assert count(staff_member.user, "Aanvragen erkenning ervaring te beslissen") == 0


def test_the_landing_page_shows_each_role_its_links(staff_member, team_leader, central_hr):
    staff_page = _client(staff_member.user).get("/reward/").content.decode()
    assert "/reward/matrix/mine/" in staff_page and "/reward/upgrade/published/" in staff_page
    assert "/reward/upgrade/grant/" not in staff_page and 'href="/reward/matrix/"' not in staff_page
    central_page = _client(central_hr).get("/reward/").content.decode()
    assert "/reward/matrix/functions/" in central_page and "/reward/upgrade/grant/" in central_page
