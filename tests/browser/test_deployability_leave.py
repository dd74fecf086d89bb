"""In Chromium: a staff member requests favour leave, the line manager approves it from the home page, the
team calendar shows it and the staff member's balance counts it."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.conftest import login
from tests.factories import EntityFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))


@pytest.fixture
def team(live_server):
    from django.apps import apps

    from deployability.leave.services import leave_catalogue_load
    from hrportal.data.reference import load_reference_data

    load_reference_data(apps)  # a transactional test starts from a flushed database
    leave_catalogue_load()
    entity = EntityFactory(name="Agentschap Verlof")
    manager = StaffFactory(entity=entity, with_user=True, middle_manager=True, user__username="lv-manager")
    member = StaffFactory(
        entity=entity, line_manager=manager, with_user=True, user__username="lv-member", first_name="Saar"
    )
    return {"url": live_server.url, "member": member}


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"deployability-leave-{name}.png", full_page=True)


def _next_monday():
    today = timezone.localdate()
    monday = today + timedelta(days=(7 - today.weekday()) or 7)
    if monday.month == 12 and monday.day > 29:
        monday += timedelta(days=7)
    return monday


def test_staff_requests_favour_leave_and_the_manager_approves_it(browser, team):
    base = team["url"]
    monday = _next_monday()

    member = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900}).new_page()
    login(member, base, "lv-member", "pw")
    member.goto(f"{base}/deployability/")
    member.get_by_role("link", name="Verlof aanvragen").first.click()
    member.get_by_label("Soort verlof").select_option(label="Gestandaardiseerd gunstverlof")
    member.get_by_label("Eerste dag").fill(monday.isoformat())
    member.get_by_label("Laatste dag").fill(monday.isoformat())
    member.get_by_label("Halve dag").check()
    member.get_by_role("button", name="Aanvraag versturen").click()
    # favour leave is taken in whole days: the form says so and keeps what was typed
    member.get_by_text("Gunstverlof wordt alleen in hele dagen opgenomen.").first.wait_for()
    shot(member, "half-day-refused")
    member.get_by_label("Halve dag").uncheck()
    member.get_by_label("Laatste dag").fill((monday + timedelta(days=1)).isoformat())
    member.get_by_role("button", name="Aanvraag versturen").click()
    member.get_by_text("die erover beslist").wait_for()
    assert member.get_by_text("aangevraagd").first.is_visible()
    shot(member, "requested")

    manager = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900}).new_page()
    login(manager, base, "lv-manager", "pw")
    manager.get_by_role("link", name="Verlofaanvragen die op je beslissing wachten").click()
    manager.get_by_role("link", name="#").first.click()
    manager.get_by_role("button", name="Goedkeuren").click()
    manager.get_by_text("Het verlof is goedgekeurd.").wait_for()
    assert manager.get_by_text("goedgekeurd").first.is_visible()
    shot(manager, "approved")
    manager.goto(f"{base}/deployability/leave/calendar/?month={monday:%Y-%m}")
    assert manager.get_by_role("link", name=team["member"].full_name).first.is_visible()
    manager.set_viewport_size({"width": 320, "height": 800})
    assert manager.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(manager, "calendar-320")

    member.goto(f"{base}/deployability/leave/?year={monday.year}")
    row = member.get_by_role("row", name="Gestandaardiseerd gunstverlof niet begrensd")
    assert "2" in row.inner_text() and "niet begrensd" in row.inner_text()
