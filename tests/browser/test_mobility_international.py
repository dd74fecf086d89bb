"""Central HR opens a call, a staff member applies, the manager agrees, HR records the host's green light,
the staff member files an expense claim and the totals per call show the 50% reimbursed centrally."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", staff=300)
    return live_server.url


def logout(page, base):
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(f"{base}/**")


def test_call_application_agreement_green_light_claim_and_totals(page, demo_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()
    start = today + timedelta(days=60)
    title = "Uitwisseling browsertest"

    # central HR opens a call
    login(page, demo_site, "demo-central")
    page.goto(f"{demo_site}/mobility/international/")
    page.get_by_role("link", name="Oproep openen").first.click()
    page.get_by_label("Titel").fill(title)
    page.locator("#id_kind").select_option("exchange")
    page.get_by_label("Kandidaatstelling open vanaf").fill(today.isoformat())
    page.get_by_label("Kandidaatstelling sluit op").fill((today + timedelta(days=20)).isoformat())
    for level in ("A (master)", "B (bachelor)", "C (secundair)", "D (geen)"):
        page.get_by_label(level).check()
    page.get_by_label("Gastorganisaties").fill("Ministerie van BZK\nRijkswaterstaat")
    page.get_by_role("button", name="Oproep openen").click()
    page.get_by_role("heading", level=1, name=title).wait_for()
    call_url = page.url
    logout(page, demo_site)

    # the staff member applies for a six-month stay
    login(page, demo_site, "demo-staff")
    page.goto(call_url)
    page.get_by_label("Voorkeur gastorganisatie").select_option(label="Rijkswaterstaat")
    page.get_by_label("Begin van het verblijf").fill(start.isoformat())
    page.get_by_label("Einde van het verblijf").fill((start + timedelta(days=40)).isoformat())
    page.get_by_role("button", name="Kandidatuur versturen").click()
    page.get_by_text("wacht op akkoord leidinggevende").first.wait_for()
    application_url = page.url
    assert "/mobility/international/applications/" in application_url
    logout(page, demo_site)

    # the line manager agrees
    login(page, demo_site, "demo-manager")
    page.goto(application_url)
    page.get_by_label("Ik ga akkoord").check()
    page.get_by_role("button", name="Beslissing registreren").click()
    page.get_by_text("wacht op groen licht gastorganisatie").first.wait_for()
    logout(page, demo_site)

    # HR records the host's green light
    login(page, demo_site, "demo-hr")
    page.goto(application_url)
    page.get_by_role("radio", name="groen licht", exact=True).check()
    page.get_by_role("button", name="Antwoord registreren").click()
    page.get_by_text("groen licht: verblijf gepland").first.wait_for()
    logout(page, demo_site)

    # the staff member files an expense claim
    login(page, demo_site, "demo-staff")
    page.goto(application_url)
    page.get_by_label("Soort kosten").select_option("travel")
    page.get_by_label("Bedrag (EUR)").fill("480.50")
    page.get_by_role("button", name="Aangifte indienen").click()
    page.get_by_role("cell", name="240,25").first.wait_for()
    page.screenshot(path=SCREENSHOTS / "mobility-international-application.png", full_page=True)

    # the totals per call show half reimbursed centrally
    page.goto(f"{demo_site}/mobility/international/totals/")
    row = page.get_by_role("row").filter(has_text=title)
    assert row.get_by_role("cell", name="480,50").first.is_visible()
    assert row.get_by_role("cell", name="240,25").count() == 2  # reimbursed centrally, and borne by the entity
    page.screenshot(path=SCREENSHOTS / "mobility-international-totals.png", full_page=True)
