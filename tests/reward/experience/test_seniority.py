"""The salary seniority (service since `service_start` + recognised experience, a day once): the one selector,
what a decision records, and the staff profile's section and the API that show it (pay-like: the person and
HR, not the line manager)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrportal.audit.models import AuditEvent
from reward.experience.selectors import salary_seniority
from tests.reward.experience.test_services import _flow, period

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_without_a_decision_the_salary_seniority_is_the_service(staff_member):
    assert staff_member.service_start == date(2010, 1, 1)
    on_the_first_day = salary_seniority(staff=staff_member, on=date(2010, 1, 1))
    assert (on_the_first_day.total_days, on_the_first_day.start) == (1, date(2010, 1, 1))
    a_year = salary_seniority(staff=staff_member, on=date(2010, 12, 31))
    assert (a_year.years, a_year.months, a_year.days, a_year.service_days) == (1, 0, 0, 365)
    before = salary_seniority(staff=staff_member, on=date(2009, 12, 31))
    assert (before.total_days, before.start) == (0, None)


def test_a_decision_adds_the_recognised_experience_and_records_the_new_start(staff_member, team_leader, hr_officer):
    assert salary_seniority(staff=staff_member).start == date(2010, 1, 1)
    request = _flow(
        staff_member, team_leader, hr_officer, [period(start=date(2005, 1, 1), end=date(2005, 12, 31))], [True]
    )
    seniority = salary_seniority(staff=staff_member)
    assert (seniority.experience_days, seniority.overlap_days) == (365, 0)
    assert seniority.start == date(2009, 1, 1)  # 365 days before the start in public service
    request.refresh_from_db()
    assert (request.salary_seniority_start_before, request.salary_seniority_start) == (
        date(2010, 1, 1),
        date(2009, 1, 1),
    )
    event = AuditEvent.objects.get(action="reward.experience.decided")
    assert event.before["salary_seniority_start"] == "2010-01-01"
    assert event.after["salary_seniority_start"] == "2009-01-01"


def test_experience_during_the_service_counts_once(staff_member, team_leader, hr_officer):
    # the last day before the service counts, the first day of the service is already there
    _flow(staff_member, team_leader, hr_officer, [period(start=date(2009, 12, 31), end=date(2010, 1, 1))], [True])
    seniority = salary_seniority(staff=staff_member)
    assert (seniority.experience_days, seniority.overlap_days) == (1, 1)
    assert seniority.total_days == seniority.service_days + 1
    assert seniority.start == date(2009, 12, 31)


def test_experience_entirely_within_the_service_adds_nothing(staff_member, team_leader, hr_officer):
    _flow(staff_member, team_leader, hr_officer, [period(start=date(2010, 1, 1), end=date(2010, 6, 30))], [True])
    seniority = salary_seniority(staff=staff_member)
    assert seniority.experience_days == 0 and seniority.overlap_days == 181
    assert seniority.start == date(2010, 1, 1)


def test_a_period_not_recognised_adds_nothing(staff_member, team_leader, hr_officer):
    _flow(staff_member, team_leader, hr_officer, [period(start=date(2005, 1, 1), end=date(2005, 12, 31))], [False])
    assert salary_seniority(staff=staff_member).start == date(2010, 1, 1)


def test_the_profile_and_the_api_show_the_seniority_after_a_decision(staff_member, team_leader, hr_officer):
    profile = f"/staff/{staff_member.pk}/"
    api = f"/api/reward/experience/staff/{staff_member.pk}/"
    page = _client(staff_member.user).get(profile).content.decode()
    assert "Salary seniority" in page or "Geldelijke anciënniteit" in page
    before = _client(staff_member.user).get(api).json()["salary_seniority"]
    assert before["start"] == "2010-01-01" and before["experience_days"] == 0
    _flow(staff_member, team_leader, hr_officer, [period(start=date(2005, 1, 1), end=date(2005, 12, 31))], [True])
    after = _client(hr_officer).get(api).json()
    assert after["total_days"] == 365
    assert after["salary_seniority"]["start"] == "2009-01-01" and after["salary_seniority"]["experience_days"] == 365
    page = _client(hr_officer).get(profile)
    assert page.status_code == 200
    assert f"/reward/experience/staff/{staff_member.pk}/" in page.content.decode()
    assert page.context["app_sections"][0].context["seniority"].start == date(2009, 1, 1)


def test_the_line_manager_does_not_see_the_seniority_on_the_profile(staff_member, team_leader):
    page = _client(team_leader.user).get(f"/staff/{staff_member.pk}/")
    assert page.status_code == 200
    assert page.context["app_sections"] == []
    assert f"/reward/experience/staff/{staff_member.pk}/" not in page.content.decode()


def test_hr_revises_a_decision_the_new_one_supersedes_from_today(staff_member, team_leader, hr_officer):
    from django.utils import timezone

    from reward.experience.models import ExperienceRequest
    from reward.experience.selectors import experience_recognised
    from reward.experience.services import experience_request_revise

    old = _flow(staff_member, team_leader, hr_officer, [period(start=date(2005, 1, 1), end=date(2005, 12, 31))], [True])
    old_period = old.periods.get()
    with pytest.raises(ValidationError) as error:
        experience_request_revise(
            actor=hr_officer, request_id=old.pk, recognised={old_period.pk: False}, pro_rata=False
        )
    assert "note" in error.value.message_dict  # a reason is needed
    with pytest.raises(PermissionDenied):  # the person cannot revise their own
        experience_request_revise(
            actor=staff_member.user, request_id=old.pk, recognised={old_period.pk: False}, pro_rata=False, note="x"
        )
    new = experience_request_revise(
        actor=hr_officer, request_id=old.pk, recognised={old_period.pk: False}, pro_rata=False, note="Vergissing"
    )
    old.refresh_from_db()
    assert (old.superseded_by_id, old.superseded_on) == (new.pk, timezone.localdate())
    assert new.status == ExperienceRequest.Status.DECIDED and new.periods.get().recognised is False
    assert experience_recognised(staff=staff_member).total_days == 0
    assert salary_seniority(staff=staff_member).start == date(2010, 1, 1)
    assert new.salary_seniority_start_before == date(2009, 1, 1)
    assert experience_recognised(staff=staff_member, on=timezone.localdate() - timedelta(days=1)).total_days == 0
    assert AuditEvent.objects.filter(action="reward.experience.revised", target_id=str(old.pk)).exists()
    with pytest.raises(ValidationError):  # a superseded decision cannot be revised again
        experience_request_revise(
            actor=hr_officer, request_id=old.pk, recognised={old_period.pk: True}, pro_rata=False, note="nog eens"
        )


def test_revising_through_the_page_and_the_api(staff_member, team_leader, hr_officer):
    old = _flow(staff_member, team_leader, hr_officer, [period(start=date(2005, 1, 1), end=date(2005, 12, 31))], [True])
    pk = old.periods.get().pk
    url = f"/reward/experience/requests/{old.pk}/"
    assert "revise_form" in _client(hr_officer).get(url).context
    assert "revise_form" not in _client(staff_member.user).get(url).context
    response = _client(hr_officer).post(url, {"action": "revise", f"revise-recognised_{pk}": "no", "revise-note": ""})
    assert response.status_code == 200 and response.context["revise_form"].errors
    response = _client(hr_officer).post(
        url, {"action": "revise", f"revise-recognised_{pk}": "no", "revise-note": "Vergissing"}
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert response["Location"].endswith(f"/reward/experience/requests/{old.superseded_by_id}/")
    new_pk = old.superseded_by.periods.get().pk
    api = f"/api/reward/experience/requests/{old.superseded_by_id}/revise/"
    assert _client(team_leader.user).post(api, {}, content_type="application/json").status_code in (400, 404)
    body = {"periods": [{"period": new_pk, "recognised": True}], "pro_rata": False, "note": "Toch wel"}
    response = _client(team_leader.user).post(api, body, content_type="application/json")
    assert response.status_code == 404
    response = _client(hr_officer).post(api, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["salary_seniority_start"] == "2009-01-01"
