"""The function-level matrix: central HR's functions and dated reclassifications, each person's class on a
date, the aggregated matrix page, the own cell, and who may see what."""

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrportal.audit.models import AuditEvent
from hrportal.models import FunctionFamily
from reward.matrix.models import StaffFunctionHistory
from reward.matrix.selectors import (
    function_class_of,
    function_class_on,
    functions_one_class_up,
    matrix_cells,
    neighbouring_families,
)
from reward.matrix.services import function_create, function_reclassify, staff_function_set
from tests.factories import FunctionFactory, HrOfficerScopeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def families(db):
    return list(FunctionFamily.objects.order_by("position"))


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_central_hr_creates_a_function_in_classes_7_to_20_only(central_hr, families, hr_officer):
    assert function_create(actor=central_hr, name="Jurist", family=families[0], function_class=20).pk
    for wrong in (6, 21):
        with pytest.raises(ValidationError) as excinfo:
            function_create(actor=central_hr, name="Jurist", family=families[0], function_class=wrong)
        assert "function_class" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        function_create(actor=central_hr, name="Jurist", family=families[0], function_class=20)
    with pytest.raises(PermissionDenied):
        function_create(actor=hr_officer, name="Andere", family=families[0], function_class=10)


def test_a_reclassification_is_dated_audited_and_kept_in_each_persons_history(central_hr, entity, families):
    function = FunctionFactory(name="Dossierbeheerder", family=families[1], function_class=10)
    person = StaffFactory(entity=entity, function=function, entity_start=date(2015, 1, 1))
    function_reclassify(
        actor=central_hr,
        function_id=function.pk,
        to_class=11,
        effective_date=date(2025, 1, 1),
        reason="Functieweging",
        today=date(2026, 1, 1),
    )
    function.refresh_from_db()
    assert function.function_class == 11
    assert function_class_on(staff=person, on=date(2024, 12, 31)) == 10
    assert function_class_on(staff=person, on=date(2025, 1, 1)) == 11
    assert function_class_of(function=function, on=date(2024, 12, 31)) == 10
    assert StaffFunctionHistory.objects.filter(staff=person).count() == 2
    event = AuditEvent.objects.get(action="reward.function.reclassified")
    assert event.before["function_class"] == 10 and event.after["function_class"] == 11
    # a second one on the same date is refused; a later one moves the open row again
    with pytest.raises(ValidationError):
        function_reclassify(
            actor=central_hr,
            function_id=function.pk,
            to_class=12,
            effective_date=date(2025, 1, 1),
            reason="x",
            today=date(2026, 1, 1),
        )
    function_reclassify(
        actor=central_hr,
        function_id=function.pk,
        to_class=12,
        effective_date=date(2025, 7, 1),
        reason="x",
        today=date(2026, 1, 1),
    )
    assert function_class_on(staff=person, on=date(2025, 6, 30)) == 11
    assert function_class_on(staff=person, on=date(2025, 7, 1)) == 12


def test_a_reclassification_in_the_future_or_to_the_same_cell_is_refused(central_hr, families):
    function = FunctionFactory(family=families[1], function_class=10)
    with pytest.raises(ValidationError) as excinfo:
        function_reclassify(
            actor=central_hr,
            function_id=function.pk,
            to_class=11,
            effective_date=date(2026, 1, 2),
            reason="x",
            today=date(2026, 1, 1),
        )
    assert "effective_date" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        function_reclassify(
            actor=central_hr,
            function_id=function.pk,
            to_class=10,
            effective_date=date(2026, 1, 1),
            reason="x",
            today=date(2026, 1, 1),
        )
    assert "to_class" in excinfo.value.message_dict


def test_hr_records_a_new_function_with_history(hr_officer, staff_member, families):
    old = FunctionFactory(family=families[1], function_class=10)
    new = FunctionFactory(family=families[1], function_class=12)
    staff_member.function = old
    staff_member.save()
    staff_function_set(actor=hr_officer, staff=staff_member, function=new, on=date(2026, 1, 1))
    assert function_class_on(staff=staff_member, on=date(2025, 12, 31)) == 10
    assert function_class_on(staff=staff_member, on=date(2026, 1, 1)) == 12


def test_neighbouring_families_are_adjacent_by_position(families):
    middle = families[5]
    assert neighbouring_families(family=middle) == families[4:7]
    assert neighbouring_families(family=families[0]) == families[0:2]


def test_one_class_up_in_own_and_neighbouring_families(staff_member, families):
    own = FunctionFactory(name="Eigen", family=families[5], function_class=10)
    up_same = FunctionFactory(name="Hoger eigen", family=families[5], function_class=11)
    up_next = FunctionFactory(name="Hoger buur", family=families[6], function_class=11)
    FunctionFactory(name="Hoger ver", family=families[9], function_class=11)
    FunctionFactory(name="Twee hoger", family=families[5], function_class=12)
    staff_member.function = own
    staff_member.save()
    assert set(functions_one_class_up(staff=staff_member)) == {up_same, up_next}
    page = _client(staff_member.user).get("/reward/matrix/mine/").content.decode()
    assert "Hoger buur" in page and "Hoger ver" not in page


def test_the_matrix_counts_in_two_queries_whatever_the_size(entity, other_entity, families, django_assert_num_queries):
    f1 = FunctionFactory(family=families[0], function_class=9)
    FunctionFactory(family=families[0], function_class=9)
    for _ in range(3):
        StaffFactory(entity=entity, function=f1)
    StaffFactory(entity=other_entity, function=f1)
    with django_assert_num_queries(2):  # the functions, and the active staff per function
        cells = matrix_cells()
    assert (cells[(families[0].pk, 9)].functions, cells[(families[0].pk, 9)].staff) == (2, 4)
    assert matrix_cells(entity_id=entity.pk)[(families[0].pk, 9)].staff == 3


def test_matrix_pages_and_api_per_role(staff_member, line_manager, hr_officer, central_hr, other_entity, families):
    FunctionFactory(family=families[0], function_class=9)
    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="otherhr")).user
    cell = f"/reward/matrix/cells/{families[0].pk}/9/"
    pages = [
        "/reward/matrix/",
        cell,
        "/reward/matrix/mine/",
        "/reward/matrix/functions/",
        "/reward/matrix/functions/new/",
    ]
    for user, expected in [
        (staff_member.user, [404, 404, 200, 404, 404]),
        (line_manager.user, [200, 200, 200, 404, 404]),
        (hr_officer, [200, 200, 200, 404, 404]),
        (other_hr, [200, 200, 200, 404, 404]),
        (central_hr, [200, 200, 200, 200, 200]),
    ]:
        client = _client(user)
        assert [client.get(url).status_code for url in pages] == expected, user.username
    assert _client(staff_member.user).get("/api/reward/matrix/mine/").status_code == 200
    assert _client(central_hr).get("/api/reward/matrix/mine/").status_code == 404  # no staff record
    # another entity's id in the filter: HR of this entity gets 404 from the API, the page ignores it
    assert _client(hr_officer).get(f"/api/reward/matrix/?entity={other_entity.pk}").status_code == 404
    assert _client(other_hr).get(f"/api/reward/matrix/?entity={other_entity.pk}").status_code == 200
    assert _client(hr_officer).get("/api/reward/matrix/?entity=abc").status_code == 400
    assert _client(staff_member.user).get("/api/reward/matrix/").status_code == 404


def test_the_api_creates_and_reclassifies_with_field_errors(central_hr, hr_officer, families):
    client = _client(central_hr)
    body = {"name": "Analist", "family": families[2].pk, "function_class": 21}
    response = client.post("/api/reward/matrix/functions/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and "function_class" in response.json()
    body["function_class"] = 12
    response = client.post("/api/reward/matrix/functions/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    pk = response.json()["id"]
    reclass = {"to_class": 13, "effective_date": "2025-01-01", "reason": "Weging"}
    response = client.post(
        f"/api/reward/matrix/functions/{pk}/reclassify/", data=json.dumps(reclass), content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["to_class"] == 13
    other = _client(hr_officer).post(
        f"/api/reward/matrix/functions/{pk}/reclassify/", data=json.dumps(reclass), content_type="application/json"
    )
    assert other.status_code == 404


def test_the_reclassify_form_shows_the_errors(central_hr, families):
    function = FunctionFactory(family=families[1], function_class=10)
    response = _client(central_hr).post(
        f"/reward/matrix/functions/{function.pk}/",
        {"reclassify": "1", "to_class": "10", "keep_family": "on", "effective_date": "2025-01-01", "reason": ""},
    )
    assert response.status_code == 200
    assert "reason" in response.context["reclassify_form"].errors


def test_hr_records_a_function_on_the_page_and_the_api_and_others_get_404(
    hr_officer, line_manager, staff_member, central_hr, outsider, families
):
    new = FunctionFactory(family=families[1], function_class=12)
    url = f"/reward/matrix/staff/{staff_member.pk}/"
    response = _client(hr_officer).post(url, {"function": new.pk, "on": "2026-01-01"})
    assert response.status_code == 302
    assert function_class_on(staff=staff_member, on=date(2026, 1, 1)) == 12
    assert _client(hr_officer).get(url).status_code == 200
    assert _client(line_manager.user).get(url).status_code == 404
    assert _client(staff_member.user).get(url).status_code == 404
    assert _client(hr_officer).get(f"/reward/matrix/staff/{outsider.pk}/").status_code == 404
    assert _client(central_hr).get(f"/reward/matrix/staff/{outsider.pk}/").status_code == 200
    api = f"/api/reward/matrix/staff/{staff_member.pk}/"
    again = _client(hr_officer).post(
        api, data=json.dumps({"function": new.pk, "on": "2026-02-01"}), content_type="application/json"
    )
    assert again.status_code == 400 and "function" in again.json()
    assert _client(hr_officer).get(f"/api/reward/matrix/staff/{outsider.pk}/").status_code == 404
    assert [row["function"] for row in _client(hr_officer).get(api).json()] == [new.pk]
