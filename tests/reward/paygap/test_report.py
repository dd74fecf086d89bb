"""The pay-gap formulas on a small example computed by hand, the 5 % flag at its limit, small-cell
suppression at 4 and 5 people, query counts at two sizes, and the page."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from hrportal.i18n_text import localize, storable
from hrportal.parameters.models import PolicyParameter
from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_execute, report_run_request
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.paygap.models import PayGapJustification
from reward.paygap.reports import KIND, build_pay_gap, is_flagged
from reward.paygap.selectors import gap, pay_gap_figures
from reward.paygap.services import justification_record
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from tests.factories import EntityFactory, FunctionFactory, StaffFactory

pytestmark = pytest.mark.django_db
H = 1976  # reward.paygap.full_time_hours_per_year (default)
YEAR = 2026


def _run(year=YEAR):
    return SimpleNamespace(parameters={"year": year})


@pytest.fixture
def example(db):
    """Two women and three men; one woman part-time; complementary pay for W2, M1 and M3.

    name  function  salary  fraction  complementary paid in 2026
    W1    f13       3000    1.0       -
    W2    f13       4000    0.5       labour-market 12000/yr, Jan-Jun: 12000 x 6/12 x 0.5 = 3000
    M1    f13       3000    1.0       upgrade 10 % in March: 0.10 x 3000 x 1 = 300
    M2    f15       5000    1.0       -
    M3    f15       6000    1.0       labour-market 10 %, whole year: 0.10 x 6000 x 12 = 7200
    """
    entity = EntityFactory()
    f13 = FunctionFactory(name="F13", function_class=13)
    f15 = FunctionFactory(name="F15", function_class=15)
    people = {}
    for name, gender, function, salary, fraction in [
        ("W1", "F", f13, "3000", "1.00"),
        ("W2", "F", f13, "4000", "0.50"),
        ("M1", "M", f13, "3000", "1.00"),
        ("M2", "M", f15, "5000", "1.00"),
        ("M3", "M", f15, "6000", "1.00"),
    ]:
        people[name] = StaffFactory(
            entity=entity,
            last_name=name,
            gender=gender,
            function=function,
            gross_monthly_salary=Decimal(salary),
            working_time_fraction=Decimal(fraction),
        )
    amount = ShortageFunction.objects.create(function=f13, valid_from=date(2025, 1, 1), yearly_amount=Decimal("12000"))
    percent = ShortageFunction.objects.create(function=f15, valid_from=date(2025, 1, 1), percentage=Decimal("10"))
    LabourMarketAllowance.objects.create(
        staff=people["W2"],
        listing=amount,
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        yearly_amount=Decimal("12000"),
    )
    LabourMarketAllowance.objects.create(
        staff=people["M3"], listing=percent, start=date(2025, 7, 1), end=date(2027, 6, 30), percentage=Decimal("10")
    )
    upgrade = UpgradeAllowance.objects.create(
        holder=people["M1"],
        function=f15,
        function_class=15,
        own_class=13,
        tasks="Project",
        percentage=Decimal("10"),
        decision_date=date(2026, 2, 20),
    )
    UpgradePeriod.objects.create(
        allowance=upgrade,
        holder=people["M1"],
        kind=UpgradePeriod.Kind.INITIAL,
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
        planned_end=date(2026, 3, 31),
        decision_date=date(2026, 2, 20),
    )
    return {"entity": entity, "f13": f13, "f15": f15, **people}


def test_means_medians_hourly_and_complementary_by_hand(example):
    figures = pay_gap_figures(year=YEAR, on=date(2026, 12, 31))
    org = figures.groups[("org", "all")][()]
    women, men = org["F"], org["M"]
    # annual basic: women 36000 and 4000 x 12 x 0.5 = 24000; men 36000, 60000, 72000
    assert women.mean("basic") == pytest.approx(30000)
    assert men.mean("basic") == pytest.approx(56000)
    assert gap(men.mean("basic"), women.mean("basic")) == pytest.approx(100 * 26000 / 56000)
    assert gap(men.basic_median, women.basic_median) == pytest.approx(50.0)  # 60000 vs 30000
    # hourly: annual / (1976 x fraction) = monthly x 12 / 1976: women 3000, 4000; men 3000, 5000, 6000
    assert women.mean("basic_hourly") == pytest.approx(3500 * 12 / H)
    assert gap(men.mean("basic_hourly"), women.mean("basic_hourly")) == pytest.approx(25.0)
    assert gap(men.basic_hourly_median, women.basic_hourly_median) == pytest.approx(30.0)  # 5000 vs 3500
    # complementary among those receiving it: women 3000 (1 of 2), men 300 and 7200 (2 of 3)
    assert (women.comp_n, men.comp_n) == (1, 2)
    assert women.mean("comp") == pytest.approx(3000)
    assert men.mean("comp") == pytest.approx(3750)
    assert gap(men.mean("comp"), women.mean("comp")) == pytest.approx(20.0)
    assert gap(men.comp_median, women.comp_median) == pytest.approx(20.0)
    # the same function class: class 13 women hourly 3500 vs man 3000 -> -16.67 %
    c13 = figures.groups[("org", "class")][(13,)]
    assert gap(c13["M"].mean("basic_hourly"), c13["F"].mean("basic_hourly")) == pytest.approx(-100 / 6)
    # per entity the same (one entity here)
    unit = figures.groups[("unit", "all")][(example["entity"].pk,)]
    assert unit["F"].n == 2 and unit["M"].n == 3


def test_quartile_bands_by_total_hourly_pay(example):
    """Ordered by total hourly pay: W1 18.22, M1 18.37, W2 27.33, M2 30.36, M3 40.08; NTILE(4) of five
    people gives bands of 2, 1, 1, 1."""
    figures = pay_gap_figures(year=YEAR, on=date(2026, 12, 31))
    bands = figures.quartiles[None]
    assert bands == {1: {"F": 1, "M": 1}, 2: {"F": 1}, 3: {"M": 1}, 4: {"M": 1}}
    assert figures.quartiles[example["entity"].pk] == bands
    PolicyParameter.objects.create(key="monitoring.min_cell_size", value=1, valid_from=date(2000, 1, 1))
    rows = _org_rows(_build(), "Pay quartile (hourly pay)")
    assert rows["lowest quartile"]["women"] == 1 and rows["lowest quartile"]["quartile_women_share"] == 50.0
    assert rows["highest quartile"]["men"] == 1 and rows["highest quartile"]["quartile_women_share"] == 0.0


def test_the_flag_at_4_99_and_5_00_percent():
    assert not is_flagged(gap(10000.0, 9501.0), 5)  # 4.99 %
    assert is_flagged(gap(10000.0, 9500.0), 5)  # 5.00 %
    assert is_flagged(gap(10000.0, 10500.0), 5)  # -5.00 %: women earn more, flagged as well
    assert not is_flagged(None, 5)


def _people(n_women, n_men, function, entity, salary_women="4000", salary_men="4000"):
    for _i in range(n_women):
        StaffFactory(entity=entity, gender="F", function=function, gross_monthly_salary=Decimal(salary_women))
    for _i in range(n_men):
        StaffFactory(entity=entity, gender="M", function=function, gross_monthly_salary=Decimal(salary_men))


def _org_rows(result, level):
    with translation.override("en"):
        rows = [localize(storable(row)) for row in result.rows]
    return {row["category"]: row for row in rows if row["scope"] == "Whole organisation" and row["level"] == level}


def _build():
    return build_pay_gap(run=_run(), progress=lambda p: None)


def test_the_flag_in_the_report_at_4_99_and_5_00_percent(db):
    entity = EntityFactory()
    f13, f12 = FunctionFactory(function_class=13), FunctionFactory(function_class=12)
    _people(5, 5, f13, entity, salary_men="4210.53")  # (4210.53 - 4000) / 4210.53 = 5.00 %
    _people(6, 6, f12, entity, salary_women="3800.40")  # (4000 - 3800.40) / 4000 = 4.99 %
    rows = _org_rows(_build(), "Function class")
    assert rows["class 13"]["basic_hourly_mean_gap"] == 5.0 and rows["class 13"]["flagged"] is True
    assert rows["class 12"]["basic_hourly_mean_gap"] == 4.99 and rows["class 12"]["flagged"] is False


def test_a_cell_of_five_is_shown_and_a_cell_of_four_is_hidden_with_the_default_threshold(db):
    entity = EntityFactory()
    f13, f12, f11 = (FunctionFactory(function_class=c) for c in (13, 12, 11))
    _people(5, 5, f13, entity)
    _people(7, 7, f12, entity)
    rows = _org_rows(_build(), "Function class")
    assert rows["class 13"]["women"] == 5 and rows["class 13"].get("note") is None
    _people(4, 8, f11, entity)
    result = _build()
    rows = _org_rows(result, "Function class")
    assert rows["class 11"]["women"] is None and rows["class 11"]["note"] == "hidden: fewer than 5 women or men"
    # totals are published, so another cell of the women's column is hidden too: the smallest shown (class 13)
    assert rows["class 13"]["women"] is None
    assert "cannot be recomputed" in rows["class 13"]["note"]
    assert rows["class 12"]["women"] == 7


def test_the_report_counts_the_same_queries_at_two_sizes(db):
    entity = EntityFactory()
    functions = [FunctionFactory(function_class=c) for c in (10, 13)]

    def queries():
        with CaptureQueriesContext(connection) as captured:
            build_pay_gap(run=_run(), progress=lambda p: None)
        return len(captured)

    for function in functions:
        _people(5, 5, function, entity)
    small = queries()
    for function in functions:
        _people(20, 20, function, entity)
    assert queries() == small


def test_a_run_through_the_framework_and_a_justification(example, central_hr, hr_officer):
    PolicyParameter.objects.create(key="monitoring.min_cell_size", value=1, valid_from=date(2000, 1, 1))
    run = report_run_request(kind=KIND, requested_by=central_hr, parameters={"year": YEAR})
    report_run_execute(run_id=run.pk)
    run = ReportRun.objects.get(pk=run.pk)
    assert run.status == ReportRun.Status.DONE, run.error
    flagged = run.result["summary"]["flagged"]
    entry = next(f for f in flagged if f["scope"] == "org" and f["category"] == "class:13")
    with pytest.raises(Exception):  # noqa: B017 - only central HR records justifications
        justification_record(
            actor=hr_officer, run_id=run.pk, scope="org", category="class:13", outcome="justified", text="x"
        )
    record = justification_record(
        actor=central_hr,
        run_id=run.pk,
        scope=entry["scope"],
        category=entry["category"],
        outcome="justified",
        text="Anciënniteit",
    )
    assert record.due_on == record.flagged_on + relativedelta(months=6)
    assert PayGapJustification.objects.count() == 1
    client = Client()
    client.force_login(central_hr)
    page = client.get("/reward/pay-gap/")
    assert page.status_code == 200
    assert "Anciënniteit" not in page.content.decode()  # the text is on the justification page, the tag here
    justify = client.get("/reward/pay-gap/justify/?scope=org&category=class:13")
    assert justify.status_code == 200 and "Anciënniteit" in justify.content.decode()
    assert client.get("/reward/pay-gap/justify/?scope=org&category=class:99").status_code == 404
    response = client.post(
        "/reward/pay-gap/justify/", {"scope": "org", "category": "class:13", "outcome": "remedied", "text": ""}
    )
    assert response.status_code == 200  # the form shows the error, nothing changes
    assert PayGapJustification.objects.get().outcome == "justified"
    for user, expected in ((hr_officer, 404), (central_hr, 200)):
        client.force_login(user)
        assert client.get("/reward/pay-gap/").status_code == expected
        assert client.get("/api/reward/pay-gap/justifications/").status_code == expected


def test_the_yearly_job_runs_the_report_for_the_year_that_ended(db, settings, django_capture_on_commit_callbacks):
    from hrportal.jobs.tasks import job_schedule

    entry = settings.CELERY_BEAT_SCHEDULE["reward-pay-gap-yearly"]
    assert entry["args"] == ("reward.paygap.tasks.pay_gap_report_yearly",)
    with django_capture_on_commit_callbacks(execute=True):
        job_schedule(*entry["args"])
    run = ReportRun.objects.get(kind=KIND)
    assert run.parameters["year"] == date.today().year - 1
