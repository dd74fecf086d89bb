"""The lists cost the same number of queries whatever their size (5 rows or 30)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import StaffFactory
from tests.reward.upgrade.factories import UpgradeAllowanceFactory, UpgradePeriodFactory

pytestmark = pytest.mark.django_db
PAGES = ["/reward/upgrade/", "/reward/upgrade/expiring/", "/reward/upgrade/published/", "/reward/matrix/"]


def _add(entity, manager, n):
    today = timezone.localdate()
    for _ in range(n):
        holder = StaffFactory(entity=entity, line_manager=manager)
        allowance = UpgradeAllowanceFactory(holder=holder)
        UpgradePeriodFactory(allowance=allowance, start=today - timedelta(days=30), end=today + timedelta(days=20))


def _counts(client):
    counts = []
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts.append(len(queries))
    return counts


def test_list_pages_query_counts_do_not_grow_with_the_rows(entity, team_leader, line_manager, staff_member):
    client = Client()
    client.force_login(line_manager.user)
    _add(entity, team_leader, 5)
    _counts(client)  # warm caches (counts, options)
    small = _counts(client)
    _add(entity, team_leader, 25)
    assert _counts(client) == small
