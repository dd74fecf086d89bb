"""The expiry list (page, home item, report, daily e-mail once per period) and the yearly published list."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from hrportal.home import action_items_for
from hrportal.models import FunctionFamily
from hrportal.reports.registry import REGISTRY
from reward.upgrade.models import UpgradeAllowance
from reward.upgrade.selectors import allowance_expiring, publication_current, published_list
from reward.upgrade.services import upgrade_allowance_end_early, upgrade_expiry_notices_queue
from tests.factories import FunctionFactory, StaffFactory
from tests.reward.upgrade.factories import UpgradeAllowanceFactory, UpgradePeriodFactory

pytestmark = pytest.mark.django_db


def _allowance(holder, start, end, **kwargs):
    allowance = UpgradeAllowanceFactory(holder=holder, **kwargs)
    UpgradePeriodFactory(allowance=allowance, start=start, end=end)
    return allowance


def test_the_expiry_list_holds_allowances_ending_within_60_days_and_not_61(holder, line_manager, colleague):
    today = date(2026, 3, 1)
    within = _allowance(holder, date(2026, 1, 1), today + timedelta(days=60))
    _allowance(colleague, date(2026, 1, 1), today + timedelta(days=61))
    assert list(allowance_expiring(viewer=line_manager.user, today=today)) == [within]
    assert list(allowance_expiring(viewer=holder.user, today=today)) == []


def test_an_extended_allowance_leaves_the_list(holder, line_manager):
    today = date(2026, 3, 1)
    allowance = _allowance(holder, date(2026, 1, 1), date(2026, 3, 31))
    UpgradePeriodFactory(allowance=allowance, kind="extension", start=date(2026, 4, 1), end=date(2027, 3, 31))
    assert not allowance_expiring(viewer=line_manager.user, today=today).exists()


def test_the_daily_job_mails_the_manager_once_per_period(holder, team_leader, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    allowance = _allowance(holder, today - timedelta(days=200), today + timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert upgrade_expiry_notices_queue(today=today) == 1
    assert upgrade_expiry_notices_queue(today=today) == 0
    assert upgrade_expiry_notices_queue(today=today + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [team_leader.email]
    assert f"/reward/upgrade/{allowance.pk}/" in mail.outbox[0].body
    # an extension is a new period: it gets its own notice when its end comes near
    UpgradePeriodFactory(
        allowance=allowance, kind="extension", start=today + timedelta(days=31), end=today + timedelta(days=90)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert upgrade_expiry_notices_queue(today=today + timedelta(days=31)) == 1
    assert len(mail.outbox) == 2


def test_an_ended_allowance_gets_no_notice(holder, line_manager):
    today = timezone.localdate()
    allowance = _allowance(holder, today - timedelta(days=200), today + timedelta(days=30))
    upgrade_allowance_end_early(actor=line_manager.user, allowance_id=allowance.pk, ended_on=today, reason="Gestopt")
    assert upgrade_expiry_notices_queue(today=today) == 0


def test_the_home_page_counts_the_allowances_ending_soon(holder, line_manager):
    today = timezone.localdate()
    _allowance(holder, today - timedelta(days=100), today + timedelta(days=10))
    items = [i for i in action_items_for(line_manager.user) if "/reward/upgrade/expiring/" in i.url]
    assert items and items[0].count == 1


def test_the_expiry_report_lists_them(holder, central_hr):
    today = timezone.localdate()
    _allowance(holder, today - timedelta(days=100), today + timedelta(days=10))
    result = REGISTRY["reward_upgrade_expiring"].build(run=None, progress=lambda p: None)
    assert [row["name"] for row in result.rows] == [holder.full_name]
    assert result.summary == {"days": 60, "allowances": 1}


def test_the_publication_year_starts_in_september():
    assert publication_current(today=date(2026, 8, 31)).year == 2025
    publication = publication_current(today=date(2026, 9, 1))
    assert (publication.year, publication.period_start, publication.period_end) == (
        2026,
        date(2026, 9, 1),
        date(2027, 8, 31),
    )


def test_the_published_list_shows_name_function_and_percentage_only(holder, entity, client):
    family = FunctionFamily.objects.get(code="beleidsfuncties")
    function = FunctionFactory(name="Projectmedewerker digitalisering", family=family, function_class=14)
    _allowance(holder, date(2026, 8, 1), date(2026, 12, 31), function=function)
    left = StaffFactory(entity=entity)
    _allowance(left, date(2025, 1, 1), date(2026, 8, 31))  # ended before the publication year
    publication = publication_current(today=date(2026, 9, 15))
    rows = list(published_list(publication=publication))
    assert len(rows) == 1
    assert set(rows[0]) == {"holder__first_name", "holder__last_name", "function__name", "function_class", "percentage"}
    someone = StaffFactory(entity=entity, with_user=True)
    client = Client()
    client.force_login(someone.user)
    data = client.get("/api/reward/upgrade/published/").json()
    for row in data["results"]:
        assert set(row) == {"first_name", "last_name", "function", "function_class", "percentage"}


def test_the_published_page_shows_no_pay(holder, entity):
    today = timezone.localdate()
    _allowance(holder, today - timedelta(days=30), today + timedelta(days=60))
    someone = StaffFactory(entity=entity, with_user=True)
    client = Client()
    client.force_login(someone.user)
    html = client.get("/reward/upgrade/published/").content.decode()
    assert holder.last_name in html
    assert "4000" not in html and "A111" not in html


def test_allowance_status_is_a_choice():
    assert UpgradeAllowance.Status.ENDED_EARLY.label
