"""A manager grants a function-upgrade allowance; the staff member sees it; the expiry list and the yearly
published list show it."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from hrportal.models import Function, User
from reward.upgrade.models import UpgradeAllowance
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


def test_manager_grants_staff_sees_it_and_the_lists_show_it(browser, demo_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()
    member = User.objects.get(username="demo-staff").staff
    UpgradeAllowance.objects.filter(holder=member).delete()  # start from a person without an allowance
    heavier = (
        Function.objects.filter(family=member.function.family, function_class=member.function.function_class + 1)
        .order_by("id")
        .first()
        or Function.objects.filter(function_class=member.function.function_class + 1).order_by("id").first()
    )

    # The line manager grants it: 45 days, so that it ends within the 60 days of the expiry list.
    context, page = _as(browser, demo_site, "demo-manager")
    page.goto(f"{demo_site}/reward/")
    page.get_by_role("link", name="Toelage toekennen").first.click()
    page.get_by_label("Personeelsnummer van de medewerker").fill(member.personnel_number)
    page.get_by_label("Functie van de zwaardere taken").select_option(str(heavier.pk))
    page.get_by_label("Zwaardere taken", exact=True).fill("Meewerken aan het project digitale personeelsdossiers")
    page.get_by_label("Percentage", exact=True).fill("8")
    page.get_by_label("Van", exact=True).fill(today.isoformat())
    page.get_by_label("Tot", exact=True).fill((today + timedelta(days=44)).isoformat())
    page.get_by_role("button", name="Toelage toekennen").click()
    page.get_by_text("De toelage functieverzwaring is toegekend.").wait_for()
    page.screenshot(path=SCREENSHOTS / "reward-upgrade-granted.png", full_page=True)
    allowance = UpgradeAllowance.objects.get(holder=member)
    assert allowance.function == heavier and allowance.periods.get().end == today + timedelta(days=44)

    # It is on the manager's expiry list.
    page.goto(f"{demo_site}/reward/upgrade/expiring/")
    row = page.locator("main table tbody tr", has_text=member.full_name)
    assert row.count() == 1
    assert row.first.get_by_text(heavier.name).is_visible()
    context.close()

    # The staff member sees it, and cannot extend it.
    context, page = _as(browser, demo_site, "demo-staff")
    page.goto(f"{demo_site}/reward/upgrade/")
    page.locator("main table").get_by_role("link", name=member.full_name).click()
    assert page.get_by_text("Meewerken aan het project digitale personeelsdossiers").is_visible()
    assert page.get_by_role("button", name="Toelage verlengen").count() == 0
    page.screenshot(path=SCREENSHOTS / "reward-upgrade-staff.png", full_page=True)

    # Every signed-in user reads the published list: name, function and percentage.
    page.goto(f"{demo_site}/reward/upgrade/published/")
    row = page.locator("main table tbody tr", has_text=member.last_name)
    assert row.count() >= 1
    assert row.first.get_by_text(heavier.name).is_visible()
    assert row.first.get_by_text("8,00 %").is_visible() or row.first.get_by_text("8.00 %").is_visible()
    page.screenshot(path=SCREENSHOTS / "reward-upgrade-published.png", full_page=True)
    context.close()
