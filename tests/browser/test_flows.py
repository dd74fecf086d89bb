"""The five flows of issue 12's "Done when", as a person does them in Chromium: by the visible labels,
checking that each button used is visible and readable (its own contrast, not only its selector)."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from telework.models import TeleworkAgreement
from tests.browser.conftest import login
from tests.browser.crawl import BUTTON_CONTRAST_JS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", staff=300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return live_server.url


def assert_readable(page, button) -> None:
    """The button is on screen and its text stands out from its background (WCAG 1.4.3)."""
    assert button.is_visible()
    name = button.inner_text().strip()
    readings = [b for b in page.evaluate(BUTTON_CONTRAST_JS) if b["text"] == name]
    assert readings and all(b["ratio"] and b["ratio"] >= b["needed"] for b in readings), readings


def test_a_manager_refuses_a_telework_request_with_a_reason(page, demo_site):
    login(page, demo_site, "demo-manager")
    page.get_by_role("link", name="Telewerkaanvragen om te beslissen").click()
    page.locator("main table a").first.click()
    page.get_by_label("Reden").fill("Op dinsdag is het team al te klein; vraag een andere dag aan.")
    refuse = page.get_by_role("button", name="Weigeren")
    assert_readable(page, refuse)
    refuse.click()
    page.wait_for_load_state()
    assert page.get_by_text("Op dinsdag is het team al te klein").first.is_visible()
    assert page.locator("h1 .govuk-tag").inner_text().strip().lower() == "geweigerd"
    agreement = TeleworkAgreement.objects.get(decision_reason__startswith="Op dinsdag")
    assert agreement.status == TeleworkAgreement.Status.REFUSED
    page.screenshot(path=SCREENSHOTS / "flow-manager-refuses.png", full_page=True)


def test_a_refusal_without_a_reason_is_an_error_in_the_summary_that_takes_focus(page, demo_site):
    login(page, demo_site, "demo-manager")
    page.get_by_role("link", name="Telewerkaanvragen om te beslissen").click()
    page.locator("main table a").first.click()
    page.get_by_role("button", name="Weigeren").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert summary.evaluate("el => el === document.activeElement || el.contains(document.activeElement)")
    assert "Reden" in summary.inner_text()
    assert not TeleworkAgreement.objects.filter(status=TeleworkAgreement.Status.REFUSED, decided_at__isnull=False)


def test_a_staff_member_withdraws_a_request(page, demo_site):
    login(page, demo_site, "demo-staff")
    page.get_by_role("link", name="Telewerk", exact=True).first.click()
    page.locator("main a", has_text="#").first.click()
    withdraw = page.get_by_role("button", name="Aanvraag intrekken")
    assert_readable(page, withdraw)
    withdraw.click()
    page.wait_for_load_state()
    assert page.locator("h1 .govuk-tag").inner_text().strip().lower() == "ingetrokken"
    assert TeleworkAgreement.objects.filter(
        staff__user__username="demo-staff", status=TeleworkAgreement.Status.WITHDRAWN
    ).exists()
    page.screenshot(path=SCREENSHOTS / "flow-staff-withdraws.png", full_page=True)


def test_a_staff_member_saves_the_profile_unchanged_and_with_one_changed_level(page, demo_site):
    login(page, demo_site, "demo-staff")
    page.locator("main a", has_text="Competenties en talen bewerken").first.click()
    save = page.get_by_role("button", name="Opslaan")
    assert_readable(page, save)
    save.click()
    page.wait_for_load_state()
    assert page.get_by_text("Jouw profiel is opgeslagen.").is_visible(), page.content()[:2000]
    # once more, changing one level
    page.locator("main a", has_text="Competenties en talen bewerken").first.click()
    first_level = page.locator("select[name='comp-0-level']")
    competency = page.locator("select[name='comp-0-competency'] option:checked").inner_text()
    new_level = "4" if first_level.input_value() != "4" else "1"
    first_level.select_option(new_level)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Jouw profiel is opgeslagen.").is_visible()
    assert page.get_by_text(f"{competency} — niveau {new_level}").is_visible()
    page.screenshot(path=SCREENSHOTS / "flow-profile-saved.png", full_page=True)


def test_central_hr_reads_in_dutch_a_report_that_was_run_in_english(page, demo_site):
    login(page, demo_site, "demo-central")
    page.locator("#language-select").select_option("en")
    page.get_by_role("button", name="Wisselen").click()
    page.wait_for_load_state()
    page.goto(f"{demo_site}/reports/")
    page.get_by_label("Report", exact=True).select_option("portfolio_progress")
    page.get_by_role("button", name="Run report").click()
    page.get_by_role("link", name="Download CSV").wait_for()  # the run finished (eager in tests)
    assert page.get_by_text("Staff mobility").first.is_visible()
    report_url = page.url
    page.locator("#language-select").select_option("nl")
    page.get_by_role("button", name="Switch").click()
    page.wait_for_load_state()
    page.goto(report_url)
    text = page.locator("main").inner_text()
    assert "Personeelsmobiliteit" in text and "In voorbereiding" in text and "Doelstelling" in text
    for english in ("Staff mobility", "In preparation", "Objective", "Running", "Dropped"):
        assert english not in text, english
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.screenshot(path=SCREENSHOTS / "flow-report-in-dutch.png", full_page=True)


PEOPLE_IN_TRAIL = """() => [...document.querySelectorAll(".hr-event dt")]
    .filter(dt => dt.textContent.trim() === "Betrokken persoon").map(dt => dt.nextElementSibling.textContent.trim())"""


def test_hr_filters_the_audit_trail_to_one_person(page, demo_site):
    login(page, demo_site, "demo-hr")
    page.get_by_role("link", name="Audittrail").first.click()
    page.wait_for_url("**/audit/")
    names = page.evaluate(PEOPLE_IN_TRAIL)
    assert len(set(names)) > 1, "the demo trail should concern several people"
    person = names[0]
    page.get_by_label("Betrokken persoon").fill(person)
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**/audit/?*")
    shown = page.evaluate(PEOPLE_IN_TRAIL)
    assert shown and set(shown) == {person}
    page.screenshot(path=SCREENSHOTS / "flow-audit-one-person.png", full_page=True)
