"""Function families kept by central HR: add, rename, order, take out of use (only when no function sits in
it) and back; audited; pages and API for central HR and admins only (others 404)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrportal.audit.models import AuditEvent
from hrportal.models import FunctionFamily
from reward.matrix.selectors import active_families, matrix_grid, neighbouring_families
from reward.matrix.services import (
    family_create,
    family_deactivate,
    family_move,
    family_reactivate,
    family_update,
    function_create,
)
from tests.factories import FunctionFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _order():
    return list(FunctionFamily.objects.order_by("position", "id").values_list("code", flat=True))


def test_central_hr_adds_a_family_as_the_last_column(central_hr):
    family = family_create(actor=central_hr, code="data", name="Data", name_en="Data")
    assert _order()[-1] == "data"
    assert matrix_grid().families[-2] == family  # before top management
    assert AuditEvent.objects.filter(action="reward.family.created", target_id=str(family.pk)).exists()


def test_a_family_needs_names_and_a_unique_code_and_name(central_hr):
    first = FunctionFamily.objects.order_by("position").first()
    with pytest.raises(ValidationError) as error:
        family_create(actor=central_hr, code=first.code, name=first.name.upper(), name_en="")
    assert set(error.value.message_dict) == {"code", "name", "name_en"}
    with pytest.raises(ValidationError) as error:
        family_create(actor=central_hr, code="bad code!", name="x" * 121, name_en="X")
    assert set(error.value.message_dict) == {"code", "name"}
    assert family_create(actor=central_hr, code="c" * 50, name="x" * 120, name_en="X").pk


def test_rename_is_audited_with_before_and_after(central_hr):
    family = FunctionFamily.objects.order_by("position").first()
    old = family.name
    family_update(actor=central_hr, family_id=family.pk, name="Nieuwe naam", name_en="New name", is_management=False)
    family.refresh_from_db()
    assert (family.name, family.name_en) == ("Nieuwe naam", "New name")
    event = AuditEvent.objects.get(action="reward.family.changed")
    assert event.before["name"] == old and event.after["name"] == "Nieuwe naam"


def test_move_up_and_down_and_not_past_either_end(central_hr):
    codes = _order()
    second = FunctionFamily.objects.get(code=codes[1])
    family_move(actor=central_hr, family_id=second.pk, direction="up")
    assert _order()[:2] == [codes[1], codes[0]]
    with pytest.raises(ValidationError):
        family_move(actor=central_hr, family_id=second.pk, direction="up")  # already first
    last = FunctionFamily.objects.get(code=codes[-1])
    with pytest.raises(ValidationError):
        family_move(actor=central_hr, family_id=last.pk, direction="down")
    family_move(actor=central_hr, family_id=last.pk, direction="up")
    assert _order()[-2:] == [codes[-1], codes[-2]]
    assert list(FunctionFamily.objects.order_by("position").values_list("position", flat=True)) == list(
        range(1, len(codes) + 1)
    )
    assert AuditEvent.objects.filter(action="reward.family.moved").count() == 2


def test_a_family_with_one_function_cannot_be_deactivated_one_without_can(central_hr):
    family = family_create(actor=central_hr, code="data", name="Data", name_en="Data")
    function = FunctionFactory(family=family, function_class=10)
    with pytest.raises(ValidationError) as error:
        family_deactivate(actor=central_hr, family_id=family.pk, reason="Niet meer nodig")
    assert "1 functi" in str(error.value)  # "1 function sits …" / "1 functie zit …"
    function.delete()
    with pytest.raises(ValidationError):
        family_deactivate(actor=central_hr, family_id=family.pk, reason="  ")  # a reason is needed
    family_deactivate(actor=central_hr, family_id=family.pk, reason="Niet meer nodig")
    assert family not in active_families()
    assert family not in matrix_grid().families
    with pytest.raises(ValidationError) as error:
        function_create(actor=central_hr, name="Analist", family=family, function_class=10)
    assert "family" in error.value.message_dict
    with pytest.raises(ValidationError):
        family_deactivate(actor=central_hr, family_id=family.pk, reason="nog eens")
    family_reactivate(actor=central_hr, family_id=family.pk)
    assert family in active_families()
    actions = set(AuditEvent.objects.filter(target_id=str(family.pk)).values_list("action", flat=True))
    assert {"reward.family.deactivated", "reward.family.reactivated"} <= actions


def test_neighbours_skip_a_deactivated_family(central_hr):
    one, two, three = (family_create(actor=central_hr, code=f"f{i}", name=f"F{i}", name_en=f"F{i}") for i in range(3))
    family_deactivate(actor=central_hr, family_id=two.pk, reason="test")
    assert neighbouring_families(family=one)[1:] == [one, three]
    assert neighbouring_families(family=two) == [two]


def test_only_central_hr_and_admins_maintain_families(central_hr, admin_user, hr_officer, line_manager, staff_member):
    for user in (hr_officer, line_manager.user, staff_member.user):
        with pytest.raises(PermissionDenied):
            family_create(actor=user, code="x", name="X", name_en="X")
    family = FunctionFamily.objects.order_by("position").first()
    pages = [
        "/reward/matrix/families/",
        "/reward/matrix/families/new/",
        f"/reward/matrix/families/{family.pk}/",
    ]
    for user in (hr_officer, line_manager.user, staff_member.user):
        client = _client(user)
        for url in pages:
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(f"/reward/matrix/families/{family.pk}/move/", {"direction": "down"}).status_code == 404
        assert client.post("/api/reward/matrix/families/", {"code": "x"}).status_code == 404
        assert client.post(f"/api/reward/matrix/families/{family.pk}/", {}).status_code == 404
        assert client.post(f"/api/reward/matrix/families/{family.pk}/deactivate/", {}).status_code == 404
        assert client.get("/api/reward/matrix/families/").status_code == 200  # reading is for everyone
    for user in (central_hr, admin_user):
        client = _client(user)
        for url in pages:
            assert client.get(url).status_code == 200, (user, url)
    assert "/reward/matrix/families/" in _client(central_hr).get("/reward/matrix/").content.decode()
    assert _client(central_hr).get("/reward/matrix/families/999999/").status_code == 404


def test_the_pages_add_rename_move_and_deactivate(central_hr):
    client = _client(central_hr)
    response = client.post("/reward/matrix/families/new/", {"code": "", "name": "", "name_en": ""})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post("/reward/matrix/families/new/", {"code": "data", "name": "Data", "name_en": "Data"})
    family = FunctionFamily.objects.get(code="data")
    assert response.status_code == 302
    url = f"/reward/matrix/families/{family.pk}/"
    client.post(url, {"action": "update", "name": "Gegevens", "name_en": "Data"})
    family.refresh_from_db()
    assert family.name == "Gegevens"
    assert client.post(f"{url}move/", {"direction": "up"}).status_code == 302
    assert _order()[-2] == "data"
    assert client.post(f"{url}move/", {"direction": "sideways"}).status_code == 302  # a message, no change
    response = client.post(url, {"action": "deactivate", "reason": ""})
    assert response.status_code == 200 and response.context["deactivate_form"].errors
    assert client.post(url, {"action": "deactivate", "reason": "Samengevoegd"}).status_code == 302
    assert "Samengevoegd" in client.get(url).content.decode()
    assert client.post(url, {"action": "reactivate"}).status_code == 302
    assert family in active_families()


def test_the_api_answers_field_errors(central_hr):
    client = _client(central_hr)
    response = client.post(
        "/api/reward/matrix/families/",
        {"code": "data", "name": "Data", "name_en": "Data"},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["active"] is True
    family_id = response.json()["id"]
    response = client.post(
        "/api/reward/matrix/families/",
        {"code": "data", "name": "Data", "name_en": "Data"},
        content_type="application/json",
    )
    assert response.status_code == 400 and {"code", "name"} <= set(response.json())
    response = client.post(
        f"/api/reward/matrix/families/{family_id}/move/", {"direction": "down"}, content_type="application/json"
    )
    assert response.status_code == 400 and "direction" in response.json()
    FunctionFactory(family_id=family_id, function_class=9)
    response = client.post(
        f"/api/reward/matrix/families/{family_id}/deactivate/", {"reason": "weg"}, content_type="application/json"
    )
    assert response.status_code == 400 and "reason" in response.json()
