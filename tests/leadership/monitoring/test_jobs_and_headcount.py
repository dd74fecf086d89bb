from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from hrportal.jobs.tasks import job_schedule
from hrportal.reports.registry import REGISTRY
from leadership.models import SnapshotCount
from leadership.monitoring.selectors import headcount_by_entity, headcount_organisation
from tests.factories import EntityFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_the_yearly_snapshot_job_runs_through_the_outbox_and_again_harmlessly(
    entity, django_capture_on_commit_callbacks
):
    StaffFactory(entity=entity, working_time_fraction=Decimal("0.80"))
    StaffFactory(entity=entity, gender="M")
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            job_schedule.apply(args=["leadership.monitoring.tasks.snapshot_take_yearly"])
    year = timezone.localdate().year
    cells = {c.gender: (c.headcount, c.fte) for c in SnapshotCount.objects.filter(year=year)}
    assert cells == {"F": (1, Decimal("0.80")), "M": (1, Decimal("1.00"))}


def test_the_beat_schedule_takes_the_snapshot_and_runs_both_reports_yearly():
    entries = {e["args"][0]: e for e in django_settings.CELERY_BEAT_SCHEDULE.values() if e.get("args")}
    assert "leadership.monitoring.tasks.snapshot_take_yearly" in entries
    for kind in ("leadership_gender_monitoring", "leadership_headcount"):
        assert kind in entries and kind in REGISTRY


def test_headcount_against_target_per_entity_and_organisation_wide(db):
    a, b = EntityFactory(code="a", name="A"), EntityFactory(code="b", name="B")
    for year, (na, nb) in ((2024, (100, 50)), (2025, (94, 48))):
        for entity, n in ((a, na), (b, nb)):
            SnapshotCount.objects.create(
                year=year,
                entity=entity,
                entity_code=entity.code,
                entity_name=entity.name,
                headcount_target=95 if entity is a else 45,
                tier="none",
                gender="F",
                headcount=n,
                fte=Decimal(n) * Decimal("0.9"),
            )
    rows = headcount_by_entity()
    latest_a = next(r for r in rows if r["year"] == 2025 and r["entity"] == "A")
    assert (latest_a["headcount"], latest_a["target"], latest_a["difference"]) == (94, 95, -1)
    assert latest_a["fte"] == pytest.approx(84.6)
    organisation = headcount_organisation(rows)
    assert [(r["year"], r["headcount"], r["target"], r["change"]) for r in organisation] == [
        (2024, 150, 140, 0.0),
        (2025, 142, 140, -5.3),
    ]
