"""The fast computation of the pay-gap figures (complementary pay only for its receivers, GROUPING SETS on
PostgreSQL) gives what the plain definition gives: `pay_rows()`, every person's pay with the components'
correlated subqueries, aggregated here in Python. On SQLite and on PostgreSQL."""

import math
import random
from collections import defaultdict
from datetime import date
from decimal import Decimal
from statistics import median

import pytest

from hrportal.models import Entity
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.paygap.selectors import LEVELS, SCOPES, pay_gap_figures, pay_rows
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from tests.factories import EntityFactory, FunctionFactory, StaffFactory

pytestmark = pytest.mark.django_db
YEAR = 2026
H = 1976  # reward.paygap.full_time_hours_per_year (default)


@pytest.fixture
def organisation(db):
    """Two entities (one with a division), three functions in two families and one without a function; 60
    people with mixed working time; labour-market allowances (amount and percentage, inside, across and outside
    the year) and upgrade periods (one cancelled, one outside the year)."""
    rng = random.Random(9)
    first, second = EntityFactory(), EntityFactory()
    division = EntityFactory(kind=Entity.Kind.DIVISION, parent=second)
    functions = [
        FunctionFactory(function_class=10),
        FunctionFactory(function_class=13),
        FunctionFactory(function_class=13),
        None,
    ]
    people = [
        StaffFactory(
            first_name=f"P{i}",  # no Faker names: the tests after this one draw the same names as without it
            last_name=f"Person {i}",
            entity=rng.choice([first, second, division]),
            gender=rng.choice("FM"),
            function=rng.choice(functions),
            gross_monthly_salary=Decimal(rng.randrange(2500, 6000)),
            working_time_fraction=rng.choice([Decimal("1.00"), Decimal("0.80"), Decimal("0.50")]),
        )
        for i in range(60)
    ]
    listing = ShortageFunction.objects.create(
        function=functions[1], valid_from=date(2025, 1, 1), yearly_amount=Decimal("9000")
    )
    for i, person in enumerate(people[:20]):
        start = date(2025 + i % 3, 1 + i % 12, 1)
        LabourMarketAllowance.objects.create(
            staff=person,
            listing=listing,
            start=start,
            end=date(start.year + 1, start.month, 1),
            **({"yearly_amount": Decimal("9000")} if i % 2 else {"percentage": Decimal("7.5")}),
        )
    for i, person in enumerate(people[15:30]):
        allowance = UpgradeAllowance.objects.create(
            holder=person,
            function=functions[2],
            function_class=13,
            own_class=10,
            tasks="Project",
            percentage=Decimal(5 + i),
            decision_date=date(2025, 12, 1),
        )
        start = date(2027 if i == 0 else 2026, 1 + i % 10, 1)
        UpgradePeriod.objects.create(
            allowance=allowance,
            holder=person,
            kind=UpgradePeriod.Kind.INITIAL,
            start=start,
            end=date(start.year, start.month + 2, 28),
            planned_end=date(start.year, start.month + 2, 28),
            decision_date=date(2025, 12, 1),
            cancelled=i == 1,
        )
    return people


def _by_definition():
    """{(scope, level): {key: {gender: (n, sums and medians)}}} from pay_rows(), in Python."""
    people = list(
        pay_rows(year=YEAR, hours_per_year=H).values(
            "unit", "family", "fclass", "gender", "basic_annual", "basic_hourly", "comp_annual", "paid_hours"
        )
    )
    expected = {}
    for scope, scope_keys in SCOPES.items():
        for level, level_keys in LEVELS.items():
            keys = scope_keys + level_keys
            groups = defaultdict(list)
            for person in people:
                groups[(tuple(person[k] for k in keys), person["gender"])].append(person)
            table = defaultdict(dict)
            for (key, gender), members in groups.items():
                receivers = [p for p in members if p["comp_annual"] > 0]
                comp_hourly = [p["comp_annual"] / p["paid_hours"] for p in receivers]
                table[key][gender] = {
                    "n": len(members),
                    "basic_sum": sum(p["basic_annual"] for p in members),
                    "basic_hourly_sum": sum(p["basic_hourly"] for p in members),
                    "comp_n": len(receivers),
                    "comp_sum": sum(p["comp_annual"] for p in receivers),
                    "comp_hourly_sum": sum(comp_hourly),
                    "basic_median": median(p["basic_annual"] for p in members),
                    "basic_hourly_median": median(p["basic_hourly"] for p in members),
                    "comp_median": median(p["comp_annual"] for p in receivers) if receivers else None,
                    "comp_hourly_median": median(comp_hourly) if receivers else None,
                }
            expected[(scope, level)] = table
    return expected


def test_the_figures_equal_the_definition_aggregated_in_python(organisation):
    figures = pay_gap_figures(year=YEAR, on=date(YEAR, 12, 31))
    expected = _by_definition()
    assert set(figures.groups) == set(expected)
    receivers = 0
    for grouping, table in expected.items():
        assert set(figures.groups[grouping]) == set(table), grouping
        for key, genders in table.items():
            assert set(figures.groups[grouping][key]) == set(genders)
            for gender, values in genders.items():
                stats = figures.groups[grouping][key][gender]
                for name, value in values.items():
                    got = getattr(stats, name)
                    assert (got is None) == (value is None), (grouping, key, gender, name)
                    assert value is None or math.isclose(got, value, rel_tol=1e-9), (grouping, key, gender, name)
        receivers = max(receivers, sum(s["comp_n"] for g in table.values() for s in g.values()))
    # the example is not trivial: people with and without complementary pay, in several units and classes
    assert 20 <= receivers < 60
    assert len(expected[("unit", "cell")]) > 4
