"""hrportal.scoping.can_see_medical and every road to a case's medical details: the page, the API.
The person, the team and HR of the entity read them; the line manager, HR of another entity, central HR
and an admin do not (central HR sees the case for figures)."""

import pytest
from django.test import Client

from deployability.models import ReintegrationCase
from hrportal.scoping import can_see_medical
from tests.factories import HrOfficerScopeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Burn-out; behandeling loopt"
SHARED = "Start halftijds in april"


@pytest.fixture
def readers(
    staff_member, line_manager, team_leader, hr_officer, central_hr, admin_user, outsider, physician, other_entity
):
    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="other-hr")).user
    StaffFactory(entity=other_entity, user=other_hr)
    return {
        "self": (staff_member.user, True, 200),
        "team": (physician.user, True, 200),
        "hr": (hr_officer, True, 200),
        "manager": (line_manager.user, False, 200),
        "direct manager": (team_leader.user, False, 200),
        "other hr": (other_hr, False, 404),
        "central": (central_hr, False, 200),
        "admin": (admin_user, False, 200),
        "outsider": (outsider.user, False, 404),
    }


def test_can_see_medical_matrix(case, readers):
    team = list(case.team.values_list("staff_id", flat=True))
    got = {
        role: can_see_medical(user=user, staff=case.staff, team_staff_ids=team)
        for role, (user, _, _) in readers.items()
    }
    assert got == {role: sees for role, (_, sees, _) in readers.items()}


def test_case_page_shows_medical_details_only_to_those_allowed(case, readers):
    for role, (user, sees, status) in readers.items():
        client = Client()
        client.force_login(user)
        response = client.get(f"/deployability/reintegration/{case.pk}/")
        assert response.status_code == status, role
        if status == 200:
            page = response.content.decode()
            assert (SECRET in page) is sees, role
            assert SHARED in page, role


def test_case_api_hides_medical_details_from_others(case, readers):
    for role, (user, sees, status) in readers.items():
        client = Client()
        client.force_login(user)
        response = client.get(f"/api/deployability/reintegration/cases/{case.pk}/")
        assert response.status_code == status, role
        if status == 200:
            assert (response.json()["medical_details"] == SECRET) is sees, role
            assert response.json()["shared_summary"] == SHARED
        listed = client.get("/api/deployability/reintegration/cases/").json()["results"]
        assert SECRET not in str(listed) or sees, role


def test_medical_details_never_reach_the_audit_trail_nor_the_managers_mail(
    case, hr_officer, django_capture_on_commit_callbacks
):
    from django.core import mail

    from deployability.reintegration import services
    from hrportal.models import AuditEvent

    with django_capture_on_commit_callbacks(execute=True):
        services.case_notes_save(
            actor=hr_officer, case_id=case.pk, medical_details="Nieuwe diagnose X", shared_summary="Aangepast werk"
        )
    events = AuditEvent.objects.filter(target_id=str(case.pk))
    assert events.exists()
    assert all("diagnose" not in str(e.after) + str(e.before) + e.note for e in events)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [case.staff.line_manager.email]
    assert "diagnose" not in mail.outbox[0].body


def test_hr_of_another_entity_cannot_open_a_case(staff_member, other_entity):
    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="other-hr2")).user
    client = Client()
    client.force_login(other_hr)
    response = client.post(
        "/api/deployability/reintegration/cases/",
        {"personnel_number": staff_member.personnel_number, "intake_on": "2026-02-02"},
        content_type="application/json",
    )
    assert response.status_code == 400  # not in their scope: unknown number
    assert not ReintegrationCase.objects.exists()
