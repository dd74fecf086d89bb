"""HR proposes a wo-mentoring match; the mentor and the mentee each accept it in their browser; it starts."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from hrportal.models import User
from leadership.models import Mentee, Mentor, MentoringMatch
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


def test_a_mentoring_match_is_accepted_by_both(browser, demo_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    member = User.objects.get(username="demo-staff")
    mentee = Mentee.objects.get(staff=member.staff)
    # Start from a mentee waiting for a mentor, and give one mentor from another entity a login.
    MentoringMatch.objects.filter(mentee=mentee).delete()
    Mentee.objects.filter(pk=mentee.pk).update(is_active=True)
    mentor = Mentor.objects.filter(staff__user__isnull=True).exclude(staff__entity=member.staff.entity).first()
    mentor_user = User.objects.create_user(username="demo-mentor", password="demo", email=mentor.staff.email)
    mentor.staff.user = mentor_user
    mentor.staff.save(update_fields=["user"])

    # HR proposes the mentor (outside the mentee's line) to demo-staff.
    context, page = _as(browser, demo_site, "demo-hr")
    page.goto(f"{demo_site}/leadership/mentoring/mentees/")
    page.get_by_role("link", name=member.staff.full_name).click()
    page.get_by_role("combobox", name="Mentor").select_option(str(mentor.pk))
    page.get_by_role("button", name="Koppeling voorstellen").click()
    page.get_by_text("De koppeling is voorgesteld aan mentor en mentee.").wait_for()
    match_url = page.url
    assert "/leadership/mentoring/matches/" in match_url
    context.close()

    # The mentor accepts first: the match still waits for the mentee.
    context, page = _as(browser, demo_site, "demo-mentor")
    page.goto(match_url)
    page.get_by_role("button", name="De koppeling aanvaarden").click()
    page.get_by_text("Je antwoord is geregistreerd.").wait_for()
    assert page.locator("#match-status").inner_text().strip() == "voorgesteld"
    context.close()

    # The mentee accepts from the mentoring page: the match starts.
    context, page = _as(browser, demo_site, "demo-staff")
    page.goto(f"{demo_site}/leadership/mentoring/")
    page.get_by_role("link", name=mentor.staff.full_name).first.click()
    page.get_by_role("button", name="De koppeling aanvaarden").click()
    page.get_by_text("Je antwoord is geregistreerd.").wait_for()
    assert page.locator("#match-status").inner_text().strip() == "actief"
    assert page.get_by_role("heading", name="Een gesprek registreren").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "leadership-mentoring-match.png"), full_page=True)
    context.close()

    match = MentoringMatch.objects.get(mentee=mentee, mentor=mentor)
    assert match.status == MentoringMatch.Status.ACTIVE
    assert match.mentor_accepted_at and match.mentee_accepted_at
