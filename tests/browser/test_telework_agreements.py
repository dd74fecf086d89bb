"""In Chromium: a staff member asks for telework, the manager approves, the inventory and occupancy show it."""

import os
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.conftest import login
from tests.factories import EntityFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))


@pytest.fixture
def team(live_server):
    from django.apps import apps

    from hrportal.data.reference import load_reference_data

    load_reference_data(apps)  # a transactional test starts from a flushed database
    entity = EntityFactory(name="Agentschap Telewerk", desks=4)
    manager = StaffFactory(entity=entity, with_user=True, middle_manager=True, user__username="tw-manager")
    member = StaffFactory(
        entity=entity, line_manager=manager, with_user=True, user__username="tw-member", first_name="Saar"
    )
    for _ in range(3):
        StaffFactory(entity=entity, line_manager=manager)
    UserFactory(username="tw-central", central=True)
    return {"url": live_server.url, "entity": entity, "member": member}


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"telework-{name}.png", full_page=True)


def test_staff_asks_manager_approves_and_inventory_and_occupancy_show_it(browser, team):
    base = team["url"]
    today = timezone.localdate().isoformat()

    # the staff member asks for Wednesdays from today
    member = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900}).new_page()
    login(member, base, "tw-member", "pw")
    member.goto(f"{base}/telework/")
    member.get_by_role("link", name="Telewerk aanvragen").click()
    member.get_by_label("Dagen per week").select_option("1")
    member.get_by_label("woensdag", exact=True).check()
    # with fixed weekdays the preferred day is not asked (the first fixed day counts)
    assert not member.get_by_label("Voorkeurdag").is_visible()
    member.get_by_label("Begin").fill(today)
    member.get_by_label("Motivatie").fill("Geconcentreerd werken aan rapporten")
    member.get_by_role("button", name="Aanvraag versturen").click()
    member.get_by_text("je leidinggevende, die erover beslist").wait_for()  # says to whom it went
    assert member.get_by_text("aangevraagd").first.is_visible()
    shot(member, "requested")

    # the manager sees it waiting on the home page and approves it
    manager = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900}).new_page()
    login(manager, base, "tw-manager", "pw")
    manager.get_by_role("link", name="Telewerkaanvragen om te beslissen").click()
    manager.get_by_role("link", name="Beslis over de aanvraag van Saar").click()
    manager.get_by_role("button", name="Goedkeuren").click()
    manager.get_by_text("De overeenkomst is goedgekeurd.").wait_for()
    assert manager.get_by_text("goedgekeurd").first.is_visible()
    shot(manager, "approved")

    # central HR builds the inventory and looks at the occupancy
    central = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900}).new_page()
    login(central, base, "tw-central", "pw")
    central.goto(f"{base}/telework/inventory/")
    central.get_by_role("button", name="Inventaris nu opmaken").click()
    central.get_by_role("link", name="CSV downloaden").wait_for()
    central.goto(f"{base}/telework/inventory/")
    assert central.get_by_text("20,0%").first.is_visible()  # 1 of 5 staff
    assert central.get_by_role("figure").first.is_visible()
    shot(central, "inventory")
    central.goto(f"{base}/telework/occupancy/")
    row = central.get_by_role("row", name="Agentschap Telewerk")
    cells = row.get_by_role("cell")
    # 5 staff and 4 desks; present = (staff - teleworkers) x 85% (15% away for leave, sickness, part-time)
    assert cells.nth(4).inner_text().split() == ["3", "1", "vrij"]  # Wednesday: 1 teleworks -> 3 in, 1 desk free
    assert cells.nth(3).inner_text().split() == ["4", "0", "vrij"]  # Tuesday: nobody teleworks -> 4 in, none free
    shot(central, "occupancy")
