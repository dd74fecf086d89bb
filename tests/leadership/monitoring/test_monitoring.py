from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute
from hrportal.suppression import COMPLEMENTARY, SMALL
from leadership.models import SnapshotCount
from leadership.monitoring.reports import build_gender_monitoring
from leadership.monitoring.selectors import funnel_by_gender, share_by_entity, share_by_tier
from leadership.monitoring.services import gender_target_save, snapshot_take
from tests.factories import EntityFactory, StaffFactory
from tests.leadership.factories import TopCandidateFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def _staff(entity, tier, gender, n):
    for _ in range(n):
        StaffFactory(entity=entity, management_tier=tier, gender=gender)


def test_a_cell_of_four_is_hidden_and_a_cell_of_five_is_shown(central_hr):
    for year, women in ((2013, 5), (2014, 4)):
        vacancy = VacancyFactory(year=year)
        for gender, outcome, n in (
            ("F", "admitted", women),
            ("M", "admitted", 12),
            ("F", "unsuitable", 7),
            ("M", "unsuitable", 9),
        ):
            for _ in range(n):
                TopCandidateFactory(vacancy=vacancy, gender=gender, outcome=outcome)
    rows = {(r["year"], r["stage"]): r for r in funnel_by_gender(threshold=5)}
    assert rows[(2013, "admitted")]["women"] == 5 and rows[(2013, "admitted")]["_hidden"] == {}
    four = rows[(2014, "admitted")]
    assert four["_hidden"]["women"] == SMALL and four["_hidden"]["share"] == SMALL
    # the row shows its total, so a second cell is hidden (men = total - women otherwise) ...
    assert four["_hidden"]["men"] == COMPLEMENTARY
    # ... and the invited row is the column total, so the women's column hides a second cell too
    assert rows[(2014, "unsuitable")]["_hidden"]["women"] == COMPLEMENTARY
    assert rows[(2014, "invited")]["_hidden"] == {}


def test_share_by_tier_shows_five_women_and_hides_four(db):
    for year, women in ((2024, 5), (2025, 4)):
        SnapshotCount.objects.create(
            year=year, entity_code="a", entity_name="A", tier="N-1", gender="F", headcount=women, fte=women
        )
        SnapshotCount.objects.create(
            year=year, entity_code="a", entity_name="A", tier="N-1", gender="M", headcount=20, fte=20
        )
    rows = {r["year"]: r for r in share_by_tier(threshold=5) if r["tier"] == "N-1"}
    assert rows[2024]["_hidden"] == {} and rows[2024]["share"] == 20.0
    assert rows[2025]["_hidden"]["women"] == SMALL and rows[2025]["_hidden"]["share"] == SMALL
    assert rows[2025]["_hidden"]["men"] == COMPLEMENTARY


def test_the_snapshot_keeps_history_when_the_organisation_changes(central_hr):
    entity = EntityFactory(code="old", name="Oud agentschap")
    division = EntityFactory(kind="division", parent=entity, code="old-1", name="Afdeling")
    _staff(division, "N-1", "F", 6)
    _staff(entity, "N", "M", 1)
    year = timezone.localdate().year
    assert snapshot_take(actor=central_hr) == 2
    entity.name = "Nieuw agentschap"
    entity.save()
    SnapshotCount.objects.filter(year=year).update(year=year - 1)  # as if taken last year
    snapshot_take(actor=central_hr)
    names = dict(SnapshotCount.objects.filter(tier="N-1").values_list("year", "entity_name"))
    assert names == {year - 1: "Oud agentschap", year: "Nieuw agentschap"}
    # a division counts with its entity
    assert SnapshotCount.objects.get(year=year, tier="N-1").headcount == 6


def test_only_the_current_years_snapshot_can_be_taken(central_hr):
    with pytest.raises(ValidationError):
        snapshot_take(actor=central_hr, year=timezone.localdate().year - 1)


def test_a_target_is_a_share_between_0_and_100(central_hr):
    gender_target_save(actor=central_hr, year=2025, tier="N", share_percent=Decimal("100"))
    with pytest.raises(ValidationError):
        gender_target_save(actor=central_hr, year=2025, tier="N", share_percent=Decimal("100.1"))
    target = gender_target_save(actor=central_hr, year=2025, tier="N", share_percent=Decimal("30"))
    assert target.share_percent == Decimal("30")
    rows = {(r["year"], r["tier"]): r for r in share_by_tier(threshold=5)}
    assert rows == {}  # no snapshot yet: nothing to publish


def _organisation(entities: int, per_entity: int):
    for e in range(entities):
        entity = EntityFactory()
        for tier in ("N", "N-1", "none"):
            for gender in ("F", "M"):
                for year in range(2016, 2026):
                    SnapshotCount.objects.create(
                        year=year,
                        entity=entity,
                        entity_code=entity.code,
                        entity_name=entity.name,
                        headcount_target=100,
                        tier=tier,
                        gender=gender,
                        headcount=per_entity + e,
                        fte=per_entity,
                    )
        vacancy = VacancyFactory(year=2010 + e % 4)
        for i in range(per_entity):
            TopCandidateFactory(vacancy=vacancy, gender="FM"[i % 2], stage="shortlist", outcome="admitted")


@pytest.mark.parametrize("size", [(2, 3), (12, 9)])
def test_the_monitoring_report_costs_the_same_number_of_queries_at_two_sizes(
    central_hr, size, django_assert_max_num_queries
):
    _organisation(*size)
    run = ReportRun.objects.create(kind="leadership_gender_monitoring")
    with CaptureQueriesContext(connection) as queries:
        build_gender_monitoring(run=run, progress=lambda p: None)
    counts = len(queries)
    assert counts <= 10, [q["sql"][:80] for q in queries]
    # the same at both sizes: pinned
    assert counts == 7


def test_the_report_marks_hidden_cells_in_the_readers_language(central_hr):
    _organisation(2, 3)
    run = ReportRun.objects.create(kind="leadership_gender_monitoring", parameters={"language": "nl"})
    report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == "done", run.error
    entity_rows = [r for r in run.result["rows"] if r["_section"] == "entity"]
    assert entity_rows[0]["women"] == {"msgid": "hidden: fewer than %(n)s", "params": {"n": 5}}
    assert run.result["summary"]["legend"][0]["marker"] == "*"
    assert share_by_entity(threshold=5)[0]["_hidden"]["women"] == SMALL
