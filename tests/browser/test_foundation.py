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


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("demo-staff", "Mijn gegevens"),
        ("demo-manager", "Mijn team"),
        ("demo-hr", "Mijn entiteiten"),
        ("demo-central", "Organisatie"),
        ("admin", "Wacht op jou"),
    ],
)
def test_each_demo_role_logs_in_and_sees_its_home_page(page, demo_site, username, expected):
    login(page, demo_site, username)
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_role("heading", name=expected).is_visible()
    assert page.get_by_role("navigation", name="Hoofdnavigatie").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"home-{username}.png", full_page=True)


def test_keyboard_user_reaches_content_through_the_skip_link(page, demo_site):
    login(page, demo_site, "demo-staff")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_central_hr_runs_the_portfolio_report_and_sees_it_done(page, demo_site):
    login(page, demo_site, "demo-central")
    page.goto(f"{demo_site}/reports/")
    page.get_by_role("button", name="Rapport uitvoeren").click()
    page.get_by_role("link", name="CSV downloaden").wait_for()
    assert page.get_by_text("klaar").first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "report-done.png", full_page=True)


def test_directory_search_by_name_in_the_browser(page, demo_site):
    login(page, demo_site, "demo-hr")
    page.goto(f"{demo_site}/staff/")
    first_row_name = page.locator("main table tbody tr td a").first.inner_text()
    last_name = first_row_name.split(",")[0]
    page.get_by_label("Naam of e-mail").fill(last_name)
    page.get_by_role("button", name="Zoeken").click()
    rows = page.locator("main table tbody tr td:first-child a")
    assert rows.count() >= 1
    assert all(last_name in rows.nth(i).inner_text() for i in range(rows.count()))
    page.screenshot(path=SCREENSHOTS / "directory.png", full_page=True)
