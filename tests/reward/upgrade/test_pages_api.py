"""The grant form and the API call the same service: field errors in the form, 400 with field errors in the API."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from reward.upgrade.models import UpgradeAllowance

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _form(holder, function, start, end, **extra):
    return {
        "holder": holder.personnel_number,
        "function": function.pk,
        "tasks": "Meewerken aan het project",
        "percentage": "7.5",
        "regime": "unknown",
        "start": start.isoformat(),
        "end": end.isoformat(),
        **extra,
    }


def test_a_manager_grants_through_the_form_and_the_holder_sees_it(line_manager, holder, heavier_function):
    start = timezone.localdate()
    response = _client(line_manager.user).post(
        "/reward/upgrade/grant/", _form(holder, heavier_function, start, start + timedelta(days=89))
    )
    allowance = UpgradeAllowance.objects.get()
    assert response.status_code == 302 and response.url == f"/reward/upgrade/{allowance.pk}/"
    page = _client(holder.user).get("/reward/upgrade/").content.decode()
    assert heavier_function.name in page
    detail = _client(holder.user).get(f"/reward/upgrade/{allowance.pk}/").content.decode()
    assert f'action="/reward/upgrade/{allowance.pk}/extend/"' not in detail  # the holder cannot extend their own


def test_29_days_shows_the_rule_on_the_form_and_stores_nothing(line_manager, holder, heavier_function):
    start = date(2026, 3, 1)
    response = _client(line_manager.user).post(
        "/reward/upgrade/grant/", _form(holder, heavier_function, start, start + timedelta(days=28))
    )
    assert response.status_code == 200
    assert "30" in response.context["form"].errors["end"][0]
    assert not UpgradeAllowance.objects.exists()


def test_someone_outside_the_scope_reads_as_unknown_on_the_form(line_manager, holder, outsider, heavier_function):
    response = _client(line_manager.user).post(
        "/reward/upgrade/grant/", _form(outsider, heavier_function, date(2026, 3, 1), date(2026, 5, 31))
    )
    assert response.status_code == 200
    assert "holder" in response.context["form"].errors


def test_the_api_answers_400_with_field_errors(line_manager, holder, same_class_function):
    body = {
        "holder": holder.pk,
        "function": same_class_function.pk,
        "tasks": "x",
        "percentage": "5",
        "start": "2026-03-01",
        "end": "2026-03-29",
    }
    response = _client(line_manager.user).post("/api/reward/upgrade/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert {"function", "end"} <= set(response.json())
    bad = {**body, "start": "not a date", "percentage": "1e999"}
    response = _client(line_manager.user).post("/api/reward/upgrade/", data=bad, content_type="application/json")
    assert response.status_code == 400
    assert not UpgradeAllowance.objects.exists()


def test_the_api_grants_extends_and_ends(line_manager, holder, heavier_function):
    client = _client(line_manager.user)
    today = timezone.localdate()
    body = {
        "holder": holder.pk,
        "function": heavier_function.pk,
        "tasks": "Projectwerk",
        "percentage": "10",
        "start": today.isoformat(),
        "end": (today + timedelta(days=99)).isoformat(),
    }
    created = client.post("/api/reward/upgrade/", data=body, content_type="application/json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    extended = client.post(
        f"/api/reward/upgrade/{pk}/extend/",
        data={"end": (today + timedelta(days=199)).isoformat()},
        content_type="application/json",
    )
    assert extended.status_code == 200 and len(extended.json()["periods"]) == 2
    ended = client.post(
        f"/api/reward/upgrade/{pk}/end/",
        data={"ended_on": (today + timedelta(days=50)).isoformat(), "reason": "Project klaar"},
        content_type="application/json",
    )
    assert ended.status_code == 200 and ended.json()["status"] == "ended_early"
