"""Redeployment in Chromium, as people do it: the line manager runs and closes a guidance trajectory and
registers the staff member; HR finds them redeployable, offers a post, records two refusals, and the third
offer places them ex officio."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from deployability.models import Offer, RedeploymentCandidate, Vacancy
from hrportal.models import Function, Staff, User
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
    assert button.is_visible()
    name = button.inner_text().strip()
    readings = [b for b in page.evaluate(BUTTON_CONTRAST_JS) if b["text"] == name]
    assert readings and all(b["ratio"] and b["ratio"] >= b["needed"] for b in readings), readings


def _iso(day) -> str:
    return day.isoformat()


def test_trajectory_registration_two_refusals_then_ex_officio(page, demo_site):
    today = timezone.localdate()
    manager = User.objects.get(username="demo-manager").staff
    registered = set(RedeploymentCandidate.objects.values_list("staff_id", flat=True))
    person = (
        Staff.objects.filter(line_manager=manager, is_active=True)
        .exclude(user__isnull=False)
        .exclude(pk__in=registered)
        .order_by("id")
        .first()
    )
    # 1. The line manager opens the trajectory with a step, closes it, and registers the person.
    login(page, demo_site, "demo-manager")
    page.goto(demo_site + "/deployability/")
    page.get_by_role("link", name="Begeleidingstrajecten van mijn team").click()
    page.get_by_role("link", name="Traject openen").click()
    page.fill("[name=staff]", person.personnel_number)
    page.select_option("[name=kind]", "training")
    page.fill("[name=goal]", "Opleiding digitale dossierbehandeling")
    page.fill("[name=started_on]", _iso(today - timedelta(days=120)))
    page.fill("[name=step_1_title]", "Opleiding")
    page.fill("[name=step_1_on]", _iso(today - timedelta(days=90)))
    open_button = page.get_by_role("button", name="Het traject openen")
    assert_readable(page, open_button)
    open_button.click()
    page.wait_for_load_state()
    assert person.full_name in page.locator("h1").inner_text()
    page.fill("[name=completed_on]", _iso(today - timedelta(days=10)))
    page.fill("[name=outcome]", "Opleiding met succes gevolgd")
    page.get_by_role("button", name="Afsluiten met dit resultaat").click()
    page.wait_for_load_state()
    page.fill("[name=registered_on]", _iso(today - timedelta(days=5)))
    page.fill("[name=place]", "Brussel")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_load_state()
    candidate = RedeploymentCandidate.objects.get(staff=person)
    assert candidate.status == RedeploymentCandidate.Status.REGISTERED
    page.screenshot(path=SCREENSHOTS / "flow-redeployment-registered.png", full_page=True)

    # Three open posts of the person's own grade, so each offer has a post to go to.
    hr_user = User.objects.get(username="demo-hr")
    posts = [
        Vacancy.objects.create(
            title=f"Dossierbehandelaar {n}",
            function=Function.objects.order_by("id").first(),
            grade=person.grade,
            entity=person.entity,
            place="Brussel",
            published_on=today - timedelta(days=3),
            priority_until=today + timedelta(days=27),
            published_by=hr_user,
        )
        for n in (1, 2, 3)
    ]

    # 2. HR of the entity runs the admissibility test.
    page.context.clear_cookies()
    login(page, demo_site, "demo-hr")
    page.goto(demo_site + f"/deployability/redeployment/candidates/{candidate.pk}/")
    page.check("[name=redeployable][value='1']")
    page.fill("[name=reasons]", "Breed inzetbaar profiel")
    page.fill("[name=decided_on]", _iso(today))
    page.get_by_role("button", name="Beslissing registreren").click()
    page.wait_for_load_state()

    # 3. Two offers, each refused with a reason (recorded by HR from the candidate's letter).
    for number, post in enumerate(posts[:2], start=1):
        page.goto(demo_site + f"/deployability/redeployment/candidates/{candidate.pk}/")
        page.select_option("[name=vacancy]", str(post.pk))
        page.locator("form[action$='/offer/'] button").click()
        page.wait_for_load_state()
        offer = Offer.objects.get(candidate=candidate, number=number)
        assert offer.status == Offer.Status.PENDING
        page.goto(demo_site + f"/deployability/redeployment/offers/{offer.pk}/")
        page.fill("[name=reason]", "Te ver van huis" if number == 1 else "Andere functie gewenst")
        refuse = page.get_by_role("button", name="Betrekking weigeren")
        assert_readable(page, refuse)
        refuse.click()
        page.wait_for_load_state()
        assert Offer.objects.get(pk=offer.pk).status == Offer.Status.REFUSED

    # 4. The counter shows the limit reached; the third offer places ex officio.
    page.goto(demo_site + f"/deployability/redeployment/candidates/{candidate.pk}/")
    assert "2 van maximaal 2" in page.locator("main").inner_text()
    page.select_option("[name=vacancy]", str(posts[2].pk))
    place = page.get_by_role("button", name="Ambtshalve herplaatsen")
    assert_readable(page, place)
    place.click()
    page.wait_for_load_state()
    candidate.refresh_from_db()
    assert candidate.status == RedeploymentCandidate.Status.PLACED and candidate.placed_ex_officio
    assert Offer.objects.get(candidate=candidate, number=3).status == Offer.Status.EX_OFFICIO
    person.refresh_from_db()
    assert (person.entity_id, person.function_id, person.grade) == (
        posts[2].entity_id,
        posts[2].function_id,
        posts[2].grade,
    )
    assert "ambtshalve" in page.locator("main").inner_text()
    page.screenshot(path=SCREENSHOTS / "flow-redeployment-ex-officio.png", full_page=True)
