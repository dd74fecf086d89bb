import pytest
from django.test import Client

from leadership.models import Mentee, Mentor, MentoringMatch
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_register_propose_and_accept_on_the_pages(staff_member, hr_officer, other_entity, line_manager):
    member = _client(staff_member.user)
    assert member.post("/leadership/mentoring/mentee/", {"ambition": ""}).status_code == 200
    assert (
        member.post("/leadership/mentoring/mentee/", {"ambition": "Doorgroeien", "is_active": "on"}).status_code == 302
    )
    assert _client(line_manager.user).post("/leadership/mentoring/mentor/", {"is_active": "on"}).status_code == 302
    outside = StaffFactory(entity=other_entity, middle_manager=True, with_user=True)
    mentor = Mentor.objects.create(staff=outside)
    mentee = Mentee.objects.get()
    hr = _client(hr_officer)
    own_line = Mentor.objects.get(staff=line_manager)
    page = hr.get(f"/leadership/mentoring/mentees/{mentee.pk}/")
    assert outside.full_name.encode() in page.content and line_manager.full_name.encode() not in page.content
    assert hr.post(f"/leadership/mentoring/mentees/{mentee.pk}/", {"mentor": own_line.pk}).status_code == 200
    assert hr.post(f"/leadership/mentoring/mentees/{mentee.pk}/", {"mentor": mentor.pk}).status_code == 302
    match = MentoringMatch.objects.get()
    action = f"/leadership/mentoring/matches/{match.pk}/action/"
    assert _client(outside.user).post(action, {"action": "accept"}).status_code == 302
    assert member.post(action, {"action": "accept"}).status_code == 302
    match.refresh_from_db()
    assert match.status == MentoringMatch.Status.ACTIVE
    bad = member.post(action, {"action": "meeting", "met_on": "", "topic": ""})
    assert bad.status_code == 200 and b"govuk-error-summary" in bad.content
