"""After seed_demo every demo role finds something in leave, re-integration, careers and networks."""

import pytest
from django.core.management import call_command
from django.test import Client

from deployability.leave.selectors import balances_for, leave_pending_for
from deployability.models import LeaveRequest, NetworkMembership, PromotionPost, ReintegrationCase, Vacancy
from hrportal.home import action_items_for
from hrportal.models import User

pytestmark = pytest.mark.django_db


def test_demo_roles_find_something_waiting():
    call_command("seed_demo", staff=400)
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-manager", "demo-hr"])}
    assert leave_pending_for(viewer=users["demo-manager"]).filter(staff__user=users["demo-staff"]).exists()
    labels = [item.label for item in action_items_for(users["demo-manager"])]
    assert any("eave" in label or "verlof" in label.lower() for label in labels), labels
    balances = balances_for(staff=users["demo-staff"].staff, year=LeaveRequest.objects.first().start.year)
    assert any(b.approved for b in balances)
    assert ReintegrationCase.objects.count() == 2
    assert NetworkMembership.objects.filter(staff__user=users["demo-staff"]).exists()
    assert PromotionPost.objects.exists()
    # vacancies past their priority period are on the mobility marketplace, linked from the vacancy
    assert Vacancy.objects.filter(marketplace_request__isnull=False, opened_to_others_on__isnull=False).exists()
    for name, url in [
        ("demo-staff", "/deployability/leave/"),
        ("demo-staff", "/deployability/careers/paths/"),
        ("demo-manager", "/deployability/leave/calendar/"),
        ("demo-hr", "/deployability/reintegration/"),
        ("demo-staff", "/deployability/networks/"),
    ]:
        client = Client()
        client.force_login(users[name])
        assert client.get(url).status_code == 200, (name, url)
    hr = Client()
    hr.force_login(users["demo-hr"])
    case = ReintegrationCase.objects.order_by("id").first()
    assert case.medical_details in hr.get(f"/deployability/reintegration/{case.pk}/").content.decode()
    manager = Client()
    manager.force_login(users["demo-manager"])
    page = manager.get(f"/deployability/reintegration/{case.pk}/").content.decode()
    assert case.shared_summary in page and case.medical_details not in page
