"""Central HR runs the gender-monitoring report and sees which cells are suppressed, and why."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", staff=300)
    return live_server.url


def test_central_hr_runs_the_monitoring_report_and_sees_suppressed_cells_marked(browser, demo_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    login(page, demo_site, "demo-central")
    page.goto(f"{demo_site}/leadership/")
    page.get_by_role("link", name="Monitoring en rapporten").click()
    page.get_by_role("button", name="Uitvoeren: Gendermonitoring van het management").click()
    page.get_by_text("Het rapport is aangevraagd.").wait_for()
    page.get_by_role("heading", name="Verborgen cijfers").wait_for()
    # the legend explains both markers in Dutch
    legend = page.locator("#suppression-legend").inner_text()
    assert "Minder dan 5 personen" in legend and "uit de totalen terug te rekenen" in legend
    # the 2014 funnel: 5 women unsuitable shown, the single man who withdrew hidden as too small
    funnel = page.locator("#section-funnel + div table")
    assert funnel.locator("td[data-suppressed='small']").count() > 0
    marker = funnel.locator("td[data-suppressed='small'] [role='img']").first
    assert marker.inner_text() == "*" and marker.get_attribute("aria-label") == "verborgen: minder dan 5"
    assert page.locator("td[data-suppressed='complementary']").count() > 0
    # the organisation-wide share of women in top management in the latest snapshot: 24%
    tier = page.locator("#section-tier + div table").inner_text()
    assert "24,0" in tier and "31,0" in tier
    page.screenshot(path=str(SCREENSHOTS / "leadership-monitoring.png"), full_page=True)
    # the same page at 320 px: the tables scroll inside themselves, the page does not
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    page.screenshot(path=str(SCREENSHOTS / "leadership-monitoring-320.png"), full_page=True)
    width, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width <= client
    context.close()
