"""A leader asks leadership coaching, the coordinating coach assigns a coach, the coach sees the assignment."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from hrportal.models import User
from telework.models import PoolAssignment, PoolMember
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", staff=300)
    return live_server.url


def _as(browser, base_url, username):
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    login(page, base_url, username)
    return context, page


def test_leader_requests_coaching_coordinator_assigns_and_coach_sees_it(browser, demo_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()
    manager = User.objects.get(username="demo-manager").staff

    # The leader asks leadership coaching for themselves.
    context, page = _as(browser, demo_site, "demo-manager")
    page.goto(f"{demo_site}/telework/pools/")
    page.get_by_role("button", name="Ondersteuning vragen").click()  # a link styled as a button
    page.get_by_label("Soort ondersteuning").select_option("leadership")
    page.get_by_label("Welke ondersteuning is nodig").fill("Coaching bij mijn nieuwe rol als afdelingshoofd")
    page.get_by_label("Geschatte uren").fill("12")
    page.get_by_label("Gewenst vanaf").fill(today.isoformat())
    page.get_by_label("Gewenst tot").fill(today.isoformat())
    page.get_by_role("button", name="Vraag versturen").click()
    page.get_by_text("Je vraag is naar de coördinator van de pool gestuurd.").wait_for()
    request_url = page.url
    assert "/telework/pools/requests/" in request_url
    context.close()

    # The coordinating coach assigns demo-staff, a certified coach.
    coach = PoolMember.objects.get(staff__user__username="demo-staff", pool__kind="coaches")
    context, page = _as(browser, demo_site, "demo-central")
    page.goto(f"{demo_site}/telework/pools/queue/")
    assert page.get_by_role("heading", name="Wachtrij").is_visible()
    page.goto(request_url)
    page.get_by_role("combobox", name="Poollid").select_option(str(coach.pk))
    page.get_by_role("button", name="Toewijzen").click()
    page.get_by_text("De vraag is toegewezen.").wait_for()
    page.screenshot(path=SCREENSHOTS / "telework-pools-assigned.png", full_page=True)
    context.close()
    assignment = PoolAssignment.objects.get(request__coachee=manager, period_start=today)
    assert assignment.member == coach and assignment.hours == 12

    # The coach sees the new assignment.
    context, page = _as(browser, demo_site, "demo-staff")
    page.goto(f"{demo_site}/telework/pools/assignments/")
    row = page.locator("main table tbody tr", has_text=manager.full_name)
    assert row.count() >= 1
    assert row.first.get_by_text("leiderschapscoaching").is_visible()
    page.screenshot(path=SCREENSHOTS / "telework-pools-coach.png", full_page=True)
    context.close()
