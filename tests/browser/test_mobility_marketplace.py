"""The marketplace flow in Chromium: offer, request, match shown after the job, apply, consent, accept."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone

from hrportal.data.reference import load_reference_data
from hrportal.models import Competency
from mobility.models import Assignment, TalentApplication
from tests.browser.conftest import login
from tests.factories import StaffFactory
from tests.mobility.marketplace.factories import competency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(os.environ.get("HRPORTAL_SCREENSHOTS", "/tmp/hrportal-screenshots"))
M = "/mobility/marketplace"


@pytest.fixture
def requester(other_entity):
    return StaffFactory(entity=other_entity, with_user=True, user__username="requester")


def _shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"mobility-{name}.png", full_page=True)


def _as(browser, base, username):
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    login(page, base, username, "pw")
    return context, page


def test_offer_request_match_apply_consent_accept(
    browser, live_server, staff_member, line_manager, requester, other_entity
):
    base = live_server.url
    if not Competency.objects.exists():  # an earlier transactional test flushed the reference data
        load_reference_data(apps)
    analysis = competency("analyseren")
    today = timezone.localdate()

    # the provider offers 40% of their time
    provider_ctx, provider = _as(browser, base, "member")
    provider.goto(f"{base}/mobility/")
    provider.get_by_role("link", name="Talenten aanbieden").click()
    provider.locator("input[name=title]").fill("Data-analyse")
    provider.locator("input[name=time_share_percent]").fill("40")
    provider.locator("input[name=start]").fill(today.isoformat())
    provider.locator("input[name=end]").fill((today + timedelta(days=180)).isoformat())
    provider.locator("select[name=comp-0-competency]").select_option(str(analysis.pk))
    provider.locator("select[name=comp-0-level]").select_option("3")
    provider.get_by_role("button", name="Opslaan").click()
    _shot(provider, "offer-saved")
    provider.get_by_role("heading", name="Data-analyse", level=1).wait_for()

    # the requester publishes a request; the matching job runs after the commit
    owner_ctx, owner = _as(browser, base, "requester")
    owner.goto(f"{base}{M}/requests/new/")
    owner.locator("input[name=title]").fill("Analist jaarverslag")
    owner.locator("textarea[name=description]").fill("Analyses voor het jaarverslag")
    owner.locator("select[name=entity]").select_option(str(other_entity.pk))
    owner.locator("input[name=time_share_percent]").fill("20")
    owner.locator("input[name=start]").fill((today + timedelta(days=10)).isoformat())
    owner.locator("input[name=end]").fill((today + timedelta(days=100)).isoformat())
    owner.locator("input[name=closing_date]").fill((today + timedelta(days=5)).isoformat())
    owner.locator("select[name=comp-0-competency]").select_option(str(analysis.pk))
    owner.locator("select[name=comp-0-level]").select_option("2")
    owner.get_by_role("button", name="Opslaan").click()
    owner.get_by_role("button", name="Gerangschikte kandidaten").click()  # a link styled as a button
    row = owner.locator("main table tbody tr").first
    assert staff_member.full_name in row.inner_text()
    assert "Analyseren" in row.inner_text()
    _shot(owner, "candidates")

    # the provider sees the request "for you" and applies
    provider.goto(f"{base}{M}/for-you/")
    provider.get_by_role("link", name="Analist jaarverslag").click()
    provider.get_by_role("button", name="Solliciteren").click()
    _shot(provider, "applied")
    provider.get_by_text("wacht op toestemming van de leidinggevende").first.wait_for()
    application = TalentApplication.objects.get()

    # the line manager consents
    manager_ctx, manager = _as(browser, base, "manager")
    manager.get_by_role("link", name="Mobiliteitskandidaturen die op je toestemming wachten").click()
    manager.get_by_role("link", name="Analist jaarverslag").click()
    manager.get_by_role("button", name="Toestemming geven").click()
    manager.get_by_text("Je beslissing is geregistreerd.").wait_for()

    # the requester accepts: the match becomes an assignment
    owner.goto(f"{base}{M}/applications/{application.pk}/")
    owner.get_by_role("button", name="Aanvaarden").click()
    owner.get_by_text("Je beslissing is geregistreerd.").wait_for()
    assert owner.get_by_text("aanvaard").first.is_visible()
    _shot(owner, "accepted")
    assignment = Assignment.objects.get()
    assert (assignment.staff_id, assignment.time_share_percent) == (staff_member.pk, 20)
    for context in (provider_ctx, owner_ctx, manager_ctx):
        context.close()
