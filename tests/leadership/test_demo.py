"""The demo gives every demo role something to find in its leadership parts."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext as _

from hrportal.home import action_items_for
from hrportal.models import User
from leadership.models import (
    Assessment,
    Mandate,
    MentoringMatch,
    Probation,
    ProfileRequirement,
    Registration,
    Selection,
)
from leadership.topmanagement.models import add_months

pytestmark = pytest.mark.django_db


def _items(user):
    return {item.label: item.count for item in action_items_for(user) if item.count}


def test_every_demo_role_finds_something_in_leadership():
    call_command("seed_demo", staff=600)
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    users["admin"] = User.objects.get(username="admin")
    assert ProfileRequirement.objects.count() > 40
    assert Selection.objects.filter(status="open").exists()
    assert Assessment.objects.filter(staff=users["demo-staff"].staff).exists()
    manager_items = _items(users["demo-manager"])
    assert manager_items.get(_("Probations of new leaders to evaluate")) == 1, manager_items
    assert manager_items.get(_("Enrolments in development trajectories to agree to"), 0) >= 1, manager_items
    assert manager_items.get(_("Mentoring matches waiting for your answer")) == 1, manager_items
    assert _items(users["demo-staff"]).get(_("Mentoring matches waiting for your answer")) == 1
    hr_items = _items(users["demo-hr"])
    assert hr_items.get(_("Probations of new leaders to evaluate")) == 1, hr_items
    assert hr_items.get(_("Mentees waiting for a mentor"), 0) >= 1, hr_items
    assert Probation.objects.filter(outcome="positive").exists()
    assert MentoringMatch.objects.filter(status="active").exists()
    pages = {
        "demo-staff": ["/leadership/potential/", "/leadership/development/", "/leadership/mentoring/"],
        "demo-manager": ["/leadership/selection/probations/", "/leadership/development/decisions/"],
        "demo-hr": ["/leadership/selection/", "/leadership/potential/talent-pool/", "/leadership/mentoring/mentees/"],
        "demo-central": ["/leadership/roles/", "/leadership/potential/talent-pool/"],
        "admin": ["/leadership/selection/", "/leadership/roles/"],
        "demo-top": ["/leadership/top/mine/"],
    }
    for name, urls in pages.items():
        client = Client()
        client.force_login(users[name])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (name, url)
            assert b"govuk-table" in response.content or b"hr-card" in response.content


def test_demo_top_holds_a_mandate_ready_for_renewal_and_an_intervision_registration():
    call_command("seed_demo", staff=600)
    top = User.objects.get(username="demo-top")
    assert top.staff.management_tier == "N"
    mandate = Mandate.objects.get(official=top.staff, status="active")
    assert mandate.end <= add_months(timezone.localdate(), 12)
    assert mandate.end_evaluation.result == "positive"
    assert Registration.objects.filter(staff=top.staff, session__kind="intervision").exists()
    client = Client()
    client.force_login(top)
    page = client.get("/leadership/top/mine/").content.decode()
    assert mandate.function_title in page
