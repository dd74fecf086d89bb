"""Pay-transparency figures (EU Directive 2023/970, art. 9), aggregated in the database.

Pay of one member of staff in the reference year (docs/reward.md, "Pay transparency"). The staff record's
gross monthly salary is the full-time amount of the person's scale; what is paid follows the working time:
- basic pay, annual gross = gross monthly salary x 12 x working-time fraction;
- complementary components, annual gross = what each component in `complementary_components()` paid in the
  year, pro rata the working time (the labour-market allowance: yearly amount x months paid / 12, or
  percentage x monthly salary x months paid; the function-upgrade allowance: percentage x monthly salary x
  months paid; a month is paid when the allowance runs on its 15th);
- hourly = annual / (full-time hours a year x working-time fraction); the hours are the parameter
  `reward.paygap.full_time_hours_per_year`.

Gap = (mean (or median) of men - that of women) / that of men x 100 (art. 3(1)(c)). Complementary means and
medians are over the people who receive a complementary component; (e) is the share of each gender receiving
one. Quartile bands (f) split staff ordered by total hourly pay into four equal groups (SQL NTILE(4)).

Query count does not depend on the number of staff: one grouped query per grouping (organisation / entity x
all / class / family x class), one for quartiles per scope; medians are PostgreSQL percentile_cont in the same
grouped queries, or on SQLite computed in Python from one query of per-person pay.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db import connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Cast, Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hrportal.models import Entity, Staff
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.reports.models import ReportRun
from reward.labourmarket.selectors import labour_market_paid_in_year, months_active_in
from reward.paygap.models import PayGapJustification
from reward.upgrade.models import UpgradePeriod

PARAMETER_KEYS = [
    "reward.paygap.full_time_hours_per_year",
    "reward.paygap.flag_threshold_percent",
    "reward.paygap.remedy_months",
    "monitoring.min_cell_size",
]
GENDERS = (Staff.Gender.FEMALE, Staff.Gender.MALE)
NO_FAMILY = 0  # top management sits outside the families; staff without a function have class 0
SCOPES = {"org": (), "unit": ("unit",)}
LEVELS = {"all": (), "class": ("fclass",), "cell": ("family", "fclass")}


@dataclass(frozen=True)
class Component:
    key: str
    label: Promise
    paid_in_year: object  # an expression over Staff rows: gross amount paid in the reference year


def complementary_components(*, year: int) -> list[Component]:
    """The complementary pay components counted by the report: the one place to add one."""
    return [
        Component("labour_market", _("labour-market allowance"), labour_market_paid_in_year(year=year)),
        Component("function_upgrade", _("function-upgrade allowance"), function_upgrade_paid_in_year(year=year)),
    ]


def function_upgrade_paid_in_year(*, year: int) -> Subquery:
    """Per Staff row (OuterRef "pk"): the temporary function-upgrade allowance paid in `year` — the monthly
    percentage x the (full-time) basic monthly salary x the months its periods run, pro rata the working time.
    Periods cancelled by an early end do not count; an ended period carries its actual end."""
    months = months_active_in(year=year)
    amount = ExpressionWrapper(
        Cast("allowance__percentage", FloatField())
        / Value(100.0)
        * Cast("holder__gross_monthly_salary", FloatField())
        * Cast("holder__working_time_fraction", FloatField())
        * months,
        FloatField(),
    )
    paid = (
        UpgradePeriod.objects.filter(
            holder_id=OuterRef("pk"), cancelled=False, start__lte=date(year, 12, 31), end__gte=date(year, 1, 1)
        )
        .order_by()
        .values("holder_id")
        .annotate(total=Sum(amount))
        .values("total")
    )
    return Subquery(paid, output_field=FloatField())


@dataclass
class GenderStats:
    n: int = 0
    basic_sum: float = 0.0
    basic_hourly_sum: float = 0.0
    comp_n: int = 0
    comp_sum: float = 0.0
    comp_hourly_sum: float = 0.0
    basic_median: float | None = None
    basic_hourly_median: float | None = None
    comp_median: float | None = None
    comp_hourly_median: float | None = None

    def mean(self, what: str) -> float | None:
        count = self.comp_n if what.startswith("comp") else self.n
        return getattr(self, f"{what}_sum") / count if count else None


@dataclass
class PayGapFigures:
    year: int
    parameters: dict
    # groups[(scope, level)][category key tuple][gender] -> GenderStats
    groups: dict = field(default_factory=dict)
    # quartiles[scope key: None for the organisation, else unit id][band 1-4][gender] -> headcount
    quartiles: dict = field(default_factory=dict)
    components: list = field(default_factory=list)


def gap(men: float | None, women: float | None) -> float | None:
    """(men - women) / men x 100; None when either is missing or men's figure is 0."""
    if men is None or women is None or not men:
        return None
    return (men - women) / men * 100


def pay_rows(*, year: int, hours_per_year: float):
    """Active women and men with their unit (the entity, a division counted with its entity), function family
    and class, and annual and hourly basic and complementary pay in `year`."""
    components = complementary_components(year=year)
    complementary = sum(
        (Coalesce(c.paid_in_year, Value(0.0), output_field=FloatField()) for c in components), Value(0.0)
    )
    hours = ExpressionWrapper(Cast("working_time_fraction", FloatField()) * Value(float(hours_per_year)), FloatField())
    return (
        Staff.objects.filter(
            is_active=True, gender__in=GENDERS, working_time_fraction__gt=0, gross_monthly_salary__isnull=False
        )
        .annotate(
            unit=Case(
                When(entity__kind=Entity.Kind.DIVISION, then=F("entity__parent_id")),
                default=F("entity_id"),
            ),
            family=Coalesce(F("function__family_id"), Value(NO_FAMILY)),
            fclass=Coalesce(F("function__function_class"), Value(0)),
            basic_annual=ExpressionWrapper(
                Cast("gross_monthly_salary", FloatField()) * Value(12.0) * Cast("working_time_fraction", FloatField()),
                FloatField(),
            ),
            comp_annual=ExpressionWrapper(complementary, FloatField()),
        )
        .annotate(
            paid_hours=hours,
            basic_hourly=ExpressionWrapper(F("basic_annual") / F("paid_hours"), FloatField()),
        )
        .order_by()
    )


PERSON_COLUMNS = ("unit", "family", "fclass", "gender", "basic_annual", "basic_hourly", "comp_annual", "paid_hours")
# Hourly complementary pay from the stored columns: the components' subqueries run once per person.
COMP_HOURLY = "(comp_annual / paid_hours)"


def pay_gap_figures(*, year: int, on: date) -> PayGapFigures:
    """Every grouping's figures and the quartile bands. Each person's pay (with the complementary components'
    correlated subqueries) is computed once, into a temporary table of this connection; the groupings and
    quartiles then aggregate that table. Query count: 1 + 6 groupings + 2 quartile queries + 1 drop (+ 1 on
    SQLite for the medians), whatever the number of staff."""
    params = snapshot(PARAMETER_KEYS, on=on)
    hours = float(parameter("reward.paygap.full_time_hours_per_year", on=on))
    base = pay_rows(year=year, hours_per_year=hours).values(*PERSON_COLUMNS)
    sql, sql_params = base.query.sql_with_params()
    figures = PayGapFigures(year=year, parameters=params, components=complementary_components(year=year))
    table = f"reward_paygap_pay_{uuid.uuid4().hex[:12]}"
    in_db = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {table} AS {sql}", sql_params)
        try:
            for scope, scope_keys in SCOPES.items():
                for level, level_keys in LEVELS.items():
                    keys = scope_keys + level_keys
                    figures.groups[(scope, level)] = _grouped(cursor, table, keys, medians=in_db)
            if not in_db:
                cursor.execute(f"SELECT {', '.join(PERSON_COLUMNS[:-1])}, {COMP_HOURLY} FROM {table}")
                _medians_in_python(cursor.fetchall(), figures)
            figures.quartiles = _quartiles(cursor, table)
        finally:
            cursor.execute(f"DROP TABLE {table}")
    return figures


_RECEIVES = "comp_annual > 0"


def _grouped(cursor, table: str, keys: tuple, *, medians: bool) -> dict:
    """{category key: {gender: GenderStats}} for one grouping, from the temporary pay table."""
    columns = [
        "COUNT(*)",
        "SUM(basic_annual)",
        "SUM(basic_hourly)",
        f"SUM(CASE WHEN {_RECEIVES} THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {_RECEIVES} THEN comp_annual END)",
        f"SUM(CASE WHEN {_RECEIVES} THEN {COMP_HOURLY} END)",
    ]
    if medians:  # PostgreSQL: the median in the same grouped query; percentile_cont skips the NULLs
        columns += [
            f"percentile_cont(0.5) WITHIN GROUP (ORDER BY {expression})"
            for expression in (
                "basic_annual",
                "basic_hourly",
                f"CASE WHEN {_RECEIVES} THEN comp_annual END",
                f"CASE WHEN {_RECEIVES} THEN {COMP_HOURLY} END",
            )
        ]
    group = ", ".join((*keys, "gender"))
    cursor.execute(f"SELECT {group}, {', '.join(columns)} FROM {table} GROUP BY {group}")
    result: dict = defaultdict(dict)
    for row in cursor.fetchall():
        key, gender, values = tuple(row[: len(keys)]), row[len(keys)], row[len(keys) + 1 :]
        n, basic, basic_hourly, comp_n, comp, comp_hourly = values[:6]
        stats = GenderStats(
            n=int(n),
            basic_sum=float(basic or 0),
            basic_hourly_sum=float(basic_hourly or 0),
            comp_n=int(comp_n or 0),
            comp_sum=float(comp or 0),
            comp_hourly_sum=float(comp_hourly or 0),
        )
        if medians:
            stats.basic_median, stats.basic_hourly_median, stats.comp_median, stats.comp_hourly_median = (
                None if v is None else float(v) for v in values[6:]
            )
        result[key][gender] = stats
    return result


def _medians_in_python(people: list, figures: PayGapFigures) -> None:
    """SQLite has no percentile_cont: one query of per-person pay, medians per group here."""
    position = {"unit": 0, "family": 1, "fclass": 2}
    for (scope, level), table in figures.groups.items():
        keys = SCOPES[scope] + LEVELS[level]
        values = defaultdict(lambda: ([], [], [], []))
        for person in people:
            lists = values[(tuple(person[position[k]] for k in keys), person[3])]
            lists[0].append(person[4])
            lists[1].append(person[5])
            if person[6] and person[6] > 0:
                lists[2].append(person[6])
                lists[3].append(person[7])
        for (key, gender), (basic, basic_hourly, comp, comp_hourly) in values.items():
            stats = table[key][gender]
            stats.basic_median = median(basic) if basic else None
            stats.basic_hourly_median = median(basic_hourly) if basic_hourly else None
            stats.comp_median = median(comp) if comp else None
            stats.comp_hourly_median = median(comp_hourly) if comp_hourly else None


def _quartiles(cursor, table: str) -> dict:
    """Headcount per gender in each quartile band of total hourly pay, for the organisation and per unit:
    NTILE(4) over the pay table, counted in the database (two queries)."""
    result: dict = {}
    total = f"basic_hourly + {COMP_HOURLY}"
    for query in (
        f"SELECT NULL, band, gender, COUNT(*) FROM (SELECT gender, NTILE(4) OVER (ORDER BY {total}) AS band "
        f"FROM {table}) banded GROUP BY band, gender",
        f"SELECT unit, band, gender, COUNT(*) FROM (SELECT unit, gender, NTILE(4) OVER (PARTITION BY unit "
        f"ORDER BY {total}) AS band FROM {table}) banded GROUP BY unit, band, gender",
    ):
        cursor.execute(query)
        for unit, band, gender, count in cursor.fetchall():
            result.setdefault(unit, {}).setdefault(int(band), {})[gender] = int(count)
    return result


def latest_pay_gap_run(*, charts: bool = True):
    """The newest finished run of the pay-gap report, or None, with only its summary and charts read
    (`run.result` holds those two): the table of every category can be large, and the home page asks often.
    With `charts=False` the charts are left unread too (pay_gap_charts reads them when they are shown)."""
    annotations = {"result_summary": KeyTransform("summary", "result")}
    if charts:
        annotations["result_charts"] = KeyTransform("charts", "result")
    run = (
        ReportRun.objects.filter(kind="reward_pay_gap", status=ReportRun.Status.DONE)
        .defer("csv_file", "xlsx_file", "result")
        .annotate(**annotations)
        .order_by("-finished_at", "-id")
        .first()
    )
    if run is not None:
        run.result = {"summary": run.result_summary or {}, "charts": getattr(run, "result_charts", None) or []}
    return run


def pay_gap_charts(*, run_id: int) -> list:
    """The charts of a run, as the report stored them (messages not yet translated)."""
    rows = ReportRun.objects.filter(pk=run_id).values_list(KeyTransform("charts", "result"), flat=True)
    return next(iter(rows), None) or []


def justifications_for(*, year: int) -> dict:
    return {(j.scope, j.category): j for j in PayGapJustification.objects.filter(year=year)}
