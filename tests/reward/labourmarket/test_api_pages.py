"""The API and the pages: a grant, a refusal with field errors (400 / the form), the end, the shortage list."""

import json
from datetime import date

import pytest
from django.test import Client

from hrportal.audit.models import AuditEvent
from reward.labourmarket.home import action_items
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_api_grant_refusal_and_end(hr_officer, doctor, listing):
    client = _client(hr_officer)
    url = "/api/reward/labour-market/allowances/"
    refused = _post(
        client, url, {"personnel_number": doctor.personnel_number, "start": "2024-12-31", "end": "2025-06-30"}
    )
    assert refused.status_code == 400 and "start" in refused.json()
    bad = _post(client, url, {"personnel_number": doctor.personnel_number, "start": "nope", "end": "99999-01-01"})
    assert bad.status_code == 400 and {"start", "end"} <= set(bad.json())
    created = _post(
        client, url, {"personnel_number": doctor.personnel_number, "start": "2025-01-01", "end": "2025-12-31"}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["yearly_amount"] == "9000.00" and body["status"] == "active"
    overlap = _post(
        client, url, {"personnel_number": doctor.personnel_number, "start": "2025-12-31", "end": "2026-03-31"}
    )
    assert overlap.status_code == 400 and "start" in overlap.json()
    ended = _post(client, f"{url}{body['id']}/end/", {"end": "2025-06-30", "reason": "Vertrek"})
    assert ended.status_code == 200 and ended.json()["status"] == "ended"
    assert LabourMarketAllowance.objects.get().end == date(2025, 6, 30)


def test_api_central_hr_lists_and_delists(central_hr, doctor_function, doctor):
    client = _client(central_hr)
    url = "/api/reward/labour-market/shortage-functions/"
    both = _post(
        client,
        url,
        {"function": doctor_function.pk, "valid_from": "2025-01-01", "yearly_amount": "5", "percentage": "5"},
    )
    assert both.status_code == 400 and "yearly_amount" in both.json()
    created = _post(client, url, {"function": doctor_function.pk, "valid_from": "2025-01-01", "percentage": "7.5"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    ended = _post(client, f"{url}{pk}/end/", {"valid_until": "2025-12-31", "reason": "Geen tekort meer"})
    assert ended.status_code == 200 and ended.json()["valid_until"] == "2025-12-31"
    assert AuditEvent.objects.filter(action="reward.shortage_function.delisted").exists()


def test_pages_central_lists_hr_grants_staff_sees_it(central_hr, hr_officer, doctor, doctor_function):
    central = _client(central_hr)
    response = central.post(
        "/reward/labour-market/shortage/",
        {"function": doctor_function.pk, "valid_from": "2025-01-01", "yearly_amount": "9000"},
    )
    assert response.status_code == 302
    listing = ShortageFunction.objects.get()
    hr = _client(hr_officer)
    form = hr.post(
        "/reward/labour-market/allowances/new/",
        {"staff": doctor.personnel_number, "start": "2024-06-01", "end": "2025-05-31"},
    )
    assert form.status_code == 200 and "govuk-error-summary" in form.content.decode()
    assert not LabourMarketAllowance.objects.exists()
    done = hr.post(
        "/reward/labour-market/allowances/new/",
        {"staff": doctor.personnel_number, "start": "2025-06-01", "end": "2026-05-31"},
    )
    assert done.status_code == 302
    allowance = LabourMarketAllowance.objects.get()
    assert allowance.listing == listing
    assert doctor_function.name in hr.get("/reward/labour-market/allowances/").content.decode()
    mine = _client(doctor.user).get("/reward/labour-market/")
    assert mine.status_code == 200 and f"/reward/labour-market/allowances/{allowance.pk}/" in mine.content.decode()
    ended = central.post(
        f"/reward/labour-market/shortage/{listing.pk}/end/", {"valid_until": "2025-12-31", "reason": "Geen tekort"}
    )
    assert ended.status_code == 302
    allowance.refresh_from_db()
    assert allowance.status == "delisted" and allowance.end == date(2025, 12, 31)
    items = action_items(hr_officer)
    assert items[0].count == 1 and items[0].url.endswith("?status=delisted")
