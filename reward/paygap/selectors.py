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

How it is computed (docs/reward.md, "Aggregation"): each person's pay goes once into a temporary table, in one
transaction with JIT off. The complementary components' correlated subqueries run only for the people who
receive one in the year (a few percent of staff), joined to everyone's basic pay; run for every person they
made PostgreSQL's estimate so high that JIT compilation alone took 0.65 s. On PostgreSQL the six groupings
(organisation / entity x all / class / family x class) are one GROUPING SETS query with the medians
(percentile_cont, the complementary ones over the receivers only) in it, and the quartile bands two NTILE
queries; SQLite has no GROUPING SETS nor percentile_cont, so there each grouping is its own query and the
medians are computed in Python from one query of per-person pay.
Query count does not depend on the number of staff.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db import connection, transaction
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
from reward.labourmarket.models import LabourMarketAllowance
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
    receivers: object  # a queryset of one column: the ids of staff with a record of it in the reference year


def complementary_components(*, year: int) -> list[Component]:
    """The complementary pay components counted by the report: the one place to add one."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return [
        Component(
            "labour_market",
            _("labour-market allowance"),
            labour_market_paid_in_year(year=year),
            LabourMarketAllowance.objects.filter(start__lte=last, end__gte=first).values("staff_id"),
        ),
        Component(
            "function_upgrade",
            _("function-upgrade allowance"),
            function_upgrade_paid_in_year(year=year),
            UpgradePeriod.objects.filter(cancelled=False, start__lte=last, end__gte=first).values("holder_id"),
        ),
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


def pay_rows(*, year: int, hours_per_year: float, complementary: bool = True):
    """Active women and men with their unit (the entity, a division counted with its entity), function family
    and class, and annual and hourly basic and complementary pay in `year`. This is the definition;
    `pay_gap_figures` computes the same rows faster (`complementary=False` leaves out the complementary pay,
    which it adds only for the people who receive some)."""
    hours = ExpressionWrapper(Cast("working_time_fraction", FloatField()) * Value(float(hours_per_year)), FloatField())
    rows = Staff.objects.filter(
        is_active=True, gender__in=GENDERS, working_time_fraction__gt=0, gross_monthly_salary__isnull=False
    ).annotate(
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
    )
    if complementary:
        rows = rows.annotate(comp_annual=complementary_pay(year=year))
    return rows.annotate(
        paid_hours=hours,
        basic_hourly=ExpressionWrapper(F("basic_annual") / F("paid_hours"), FloatField()),
    ).order_by()


def complementary_pay(*, year: int) -> ExpressionWrapper:
    """Per Staff row: the gross annual complementary pay in `year`, the sum of every component (0 for none)."""
    components = complementary_components(year=year)
    total = sum((Coalesce(c.paid_in_year, Value(0.0), output_field=FloatField()) for c in components), Value(0.0))
    return ExpressionWrapper(total, FloatField())


PERSON_COLUMNS = ("unit", "family", "fclass", "gender", "basic_annual", "basic_hourly", "comp_annual", "paid_hours")
# Hourly complementary pay from the stored columns: the components' subqueries run once per person.
COMP_HOURLY = "(comp_annual / paid_hours)"


def pay_table_sql(*, year: int, hours_per_year: float) -> tuple[str, list]:
    """The SELECT of `pay_rows` (PERSON_COLUMNS), cheaper: everyone's basic pay, left-joined to each
    complementary component computed only for the people who have a record of it in the year (a semi-join the
    planner estimates well). Same rows, and the same sum in the same order, so the same values."""
    people = pay_rows(year=year, hours_per_year=hours_per_year, complementary=False).values(
        "pk", *(c for c in PERSON_COLUMNS if c != "comp_annual")
    )
    parts = [people.query.sql_with_params()]
    for component in complementary_components(year=year):
        paid = (
            Staff.objects.filter(pk__in=component.receivers)
            .annotate(amount=ExpressionWrapper(component.paid_in_year, FloatField()))
            .order_by()
            .values("pk", "amount")
        )
        parts.append(paid.query.sql_with_params())
    joins = " ".join(f"LEFT JOIN ({sql}) c{i} ON c{i}.pk = p.pk" for i, (sql, _params) in enumerate(parts[1:]))
    # as complementary_pay(): 0.0 + each component or 0, in the components' order
    comp = " + ".join(["0.0", *(f"COALESCE(c{i}.amount, 0.0)" for i in range(len(parts) - 1))])
    columns = ", ".join(f"({comp}) AS comp_annual" if c == "comp_annual" else f"p.{c}" for c in PERSON_COLUMNS)
    sql = f"SELECT {columns} FROM ({parts[0][0]}) p {joins}"
    return sql, [param for _sql, params in parts for param in params]


def pay_gap_figures(*, year: int, on: date) -> PayGapFigures:
    """Every grouping's figures and the quartile bands. Each person's pay is computed once, into a temporary
    table of this connection; the groupings and quartiles then aggregate that table. Query count, whatever the
    number of staff: on PostgreSQL 1 (JIT off) + 1 + 1 (the groupings) + 2 (quartiles) + 1 drop; on SQLite
    1 + 6 + 1 (the medians) + 2 + 1. In one transaction (a savepoint inside the job's)."""
    params = snapshot(PARAMETER_KEYS, on=on)
    hours = float(parameter("reward.paygap.full_time_hours_per_year", on=on))
    sql, sql_params = pay_table_sql(year=year, hours_per_year=hours)
    figures = PayGapFigures(year=year, parameters=params, components=complementary_components(year=year))
    table = f"reward_paygap_pay_{uuid.uuid4().hex[:12]}"
    in_db = connection.vendor == "postgresql"
    with transaction.atomic(), connection.cursor() as cursor:
        if in_db:
            # JIT compilation costs more than it saves on 100,000 rows, and PostgreSQL starts it on the cost
            # estimate alone (it took 0.65 s of this table's 0.9 s before the receivers' join): off, here only
            cursor.execute("SET LOCAL jit = off")
        # on an error the transaction's rollback removes the table (an aborted transaction could not drop it)
        cursor.execute(f"CREATE TEMPORARY TABLE {table} AS {sql}", sql_params)
        if in_db:
            figures.groups = _grouping_sets(cursor, table)
        else:
            for scope, scope_keys in SCOPES.items():
                for level, level_keys in LEVELS.items():
                    figures.groups[(scope, level)] = _grouped(cursor, table, scope_keys + level_keys)
            cursor.execute(f"SELECT {', '.join(PERSON_COLUMNS[:-1])}, {COMP_HOURLY} FROM {table}")
            _medians_in_python(cursor.fetchall(), figures)
        figures.quartiles = _quartiles(cursor, table)
        cursor.execute(f"DROP TABLE {table}")
    return figures


_RECEIVES = "comp_annual > 0"
_AGGREGATES = [
    "COUNT(*)",
    "SUM(basic_annual)",
    "SUM(basic_hourly)",
    f"SUM(CASE WHEN {_RECEIVES} THEN 1 ELSE 0 END)",
    f"SUM(CASE WHEN {_RECEIVES} THEN comp_annual END)",
    f"SUM(CASE WHEN {_RECEIVES} THEN {COMP_HOURLY} END)",
]
# PostgreSQL: the medians in the same grouped query; the complementary ones over the receivers only (FILTER:
# the others never reach the median's sort, and percentile_cont would skip their NULLs anyway)
_MEDIANS = [
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY basic_annual)",
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY basic_hourly)",
    f"percentile_cont(0.5) WITHIN GROUP (ORDER BY comp_annual) FILTER (WHERE {_RECEIVES})",
    f"percentile_cont(0.5) WITHIN GROUP (ORDER BY {COMP_HOURLY}) FILTER (WHERE {_RECEIVES})",
]
_CATEGORY_COLUMNS = ("unit", "family", "fclass")


def _stats(values) -> GenderStats:
    n, basic, basic_hourly, comp_n, comp, comp_hourly = values[:6]
    stats = GenderStats(
        n=int(n),
        basic_sum=float(basic or 0),
        basic_hourly_sum=float(basic_hourly or 0),
        comp_n=int(comp_n or 0),
        comp_sum=float(comp or 0),
        comp_hourly_sum=float(comp_hourly or 0),
    )
    if len(values) > 6:
        stats.basic_median, stats.basic_hourly_median, stats.comp_median, stats.comp_hourly_median = (
            None if v is None else float(v) for v in values[6:]
        )
    return stats


def _grouped(cursor, table: str, keys: tuple) -> dict:
    """{category key: {gender: GenderStats}} for one grouping, from the temporary pay table (SQLite)."""
    group = ", ".join((*keys, "gender"))
    cursor.execute(f"SELECT {group}, {', '.join(_AGGREGATES)} FROM {table} GROUP BY {group}")
    result: dict = defaultdict(dict)
    for row in cursor.fetchall():
        result[tuple(row[: len(keys)])][row[len(keys)]] = _stats(row[len(keys) + 1 :])
    return result


def _grouping_sets(cursor, table: str) -> dict:
    """Every grouping of SCOPES x LEVELS in one PostgreSQL query (GROUPING SETS), medians included:
    {(scope, level): {category key: {gender: GenderStats}}}. GROUPING() tells the sets apart (bit set = column
    not grouped), so a NULL key cannot be mistaken for another set's row."""
    by_mask, sets = {}, []
    for scope, scope_keys in SCOPES.items():
        for level, level_keys in LEVELS.items():
            keys = scope_keys + level_keys
            mask = sum(1 << (2 - i) for i, column in enumerate(_CATEGORY_COLUMNS) if column not in keys)
            by_mask[mask] = (scope, level, keys)
            sets.append(f"({', '.join((*keys, 'gender'))})")
    cursor.execute(
        f"SELECT GROUPING({', '.join(_CATEGORY_COLUMNS)}), {', '.join(_CATEGORY_COLUMNS)}, gender, "
        f"{', '.join(_AGGREGATES + _MEDIANS)} FROM {table} GROUP BY GROUPING SETS ({', '.join(sets)})"
    )
    groups: dict = {(scope, level): defaultdict(dict) for scope, level, _keys in by_mask.values()}
    for row in cursor.fetchall():
        scope, level, keys = by_mask[row[0]]
        category = dict(zip(_CATEGORY_COLUMNS, row[1:4], strict=True))
        groups[(scope, level)][tuple(category[k] for k in keys)][row[4]] = _stats(row[5:])
    return groups


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
