from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from hrportal.audit.models import AuditEvent
from mobility.international import services as svc
from tests.mobility.international.factories import ApplicationFactory, CallFactory, today


def _change(call, actor, **changes):
    values = {
        "title": call.title,
        "description": call.description,
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "eligible_levels": list(call.eligible_levels),
        "min_months": call.min_months,
        "max_months": call.max_months,
        "hosts": list(call.hosts.values_list("name", flat=True)),
    }
    return svc.call_update(actor=actor, call_id=call.pk, **{**values, **changes})


def test_central_hr_extends_the_window_and_opens_the_call_to_more_levels(central_hr):
    call = CallFactory()
    _change(call, central_hr, closes_on=today() + timedelta(days=30), eligible_levels=["A", "B"], hosts=["X", "Y"])
    call.refresh_from_db()
    assert call.closes_on == today() + timedelta(days=30)
    assert call.eligible_levels == "AB"
    assert sorted(call.hosts.values_list("name", flat=True)) == ["X", "Y"]
    event = AuditEvent.objects.get(action="mobility.international.call_changed")
    assert event.before["eligible_levels"] == "A" and event.after["eligible_levels"] == "AB"


def test_once_people_applied_levels_and_stay_limits_stay_and_a_chosen_host_cannot_go(central_hr, staff_member):
    call = CallFactory()
    ApplicationFactory(call=call, staff=staff_member, host=call.hosts.get())
    with pytest.raises(ValidationError) as error:
        _change(call, central_hr, max_months=3)
    assert "max_months" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _change(call, central_hr, hosts=["Another host"])
    assert "hosts" in error.value.message_dict
    _change(call, central_hr, closes_on=call.closes_on + timedelta(days=7))  # the window may still move
    call.refresh_from_db()
    assert call.max_months == 6 and call.hosts.count() == 1


def test_only_central_hr_changes_a_call(hr_officer, staff_member):
    call = CallFactory()
    for actor in (hr_officer, staff_member.user):
        with pytest.raises(PermissionDenied):
            _change(call, actor, title="Nieuw")


def test_the_edit_page_and_the_api_answer_for_central_hr_only(client, central_hr, staff_member):
    call = CallFactory()
    client.force_login(staff_member.user)
    assert client.get(f"/mobility/international/calls/{call.pk}/edit/").status_code in (403, 404)
    client.force_login(central_hr)
    page = client.get(f"/mobility/international/calls/{call.pk}/edit/")
    assert page.status_code == 200 and call.title in page.content.decode()
    api = APIClient()
    api.force_authenticate(staff_member.user)
    body = {
        "title": "Gewijzigd",
        "opens_on": call.opens_on.isoformat(),
        "closes_on": call.closes_on.isoformat(),
        "eligible_levels": ["A"],
        "hosts": ["Ministerie van BZK"],
    }
    assert api.put(f"/api/mobility/international/calls/{call.pk}/", body, format="json").status_code == 404
    api.force_authenticate(central_hr)
    assert api.put(f"/api/mobility/international/calls/{call.pk}/", body, format="json").json()["title"] == "Gewijzigd"
    bad = {**body, "closes_on": (call.opens_on - timedelta(days=1)).isoformat()}
    response = api.put(f"/api/mobility/international/calls/{call.pk}/", bad, format="json")
    assert response.status_code == 400 and "closes_on" in response.json()
