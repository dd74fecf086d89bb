"""The salary seniority (service since `service_start` + recognised experience, a day once): the one selector,
what a decision records, and the staff profile's section and the API that show it (pay-like: the person and
HR, not the line manager)."""

from datetime import date

import pytest
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
