"""The demo shows what the seed claims: no pay gap for the same function, while the overall gap is not zero
because women and men sit in different classes — and the report says why."""

import pytest
from django.core.management import call_command
from django.db.models import Avg

from hrportal.models import Staff
from hrportal.reports.models import ReportRun
from reward.paygap.reports import KIND

pytestmark = pytest.mark.django_db


def test_the_demo_has_no_gap_within_a_function_and_an_overall_gap():
    call_command("seed_demo", staff=600)
    means = Staff.objects.filter(gender__in=["F", "M"], function__isnull=False).values("function_id", "gender")
    by_function: dict = {}
    for row in means.annotate(mean=Avg("gross_monthly_salary")):
        by_function.setdefault(row["function_id"], {})[row["gender"]] = float(row["mean"])
    both = [m for m in by_function.values() if len(m) == 2]
    assert len(both) > 10
    assert all(abs(m["F"] - m["M"]) < 0.01 for m in both)  # same function, same mean salary

    run = ReportRun.objects.get(kind=KIND)
    assert run.status == ReportRun.Status.DONE, run.error
    summary = run.result["summary"]
    assert abs(summary["within_class_gap"]) < 1.0
    assert summary["basic_hourly_mean_gap"] >= 1.0
    assert summary["women_share_top"] < summary["women_share_all"]
    assert "explanation" in summary
