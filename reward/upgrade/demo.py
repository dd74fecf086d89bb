"""Demo records of the function-upgrade allowance (called from reward/demo.py).

- the later statute (1 June 2024) as dated parameter values, as central HR would record them;
- demo-staff holds an allowance granted by demo-manager that ends within the notice days (demo-manager and
  demo-hr find it on the expiry list and decide: extend or let it end);
- another member of demo-manager's team holds one that runs for months, extended once;
- about 3 in 1,000 staff across the organisation hold one (the published list).
"""

from datetime import date, timedelta
from decimal import Decimal

from hrportal.models import Function, PolicyParameter, Staff, User
from hrportal.parameters.selectors import snapshot
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from reward.upgrade.services import EXTENSION_KEYS, GRANT_KEYS

STATUTE_2024 = date(2024, 6, 1)
LEGAL_BASIS = "Besluit van de Vlaamse Regering tot wijziging van het VPS (toelage tijdelijke functieverzwaring)"
SHARE = 0.003
TASKS = [
    "Meewerken aan het project digitale dossiers",
    "Tijdelijk de opvolging van de subsidiedossiers van een collega opnemen",
    "Meewerken aan de voorbereiding van de nieuwe regelgeving",
    "Coördinatie van de verhuis naar het nieuwe kantoor",
    "Inhoudelijke ondersteuning van de hervorming van het beleidsdomein",
]


def _heavier(functions_by_class: dict, function: Function) -> Function | None:
    """A function one class up, in the same family if there is one, else any family."""
    candidates = functions_by_class.get(function.function_class + 1, [])
    same = [f for f in candidates if f.family_id == function.family_id]
    return (same or candidates or [None])[0]


def seed_demo(*, rng, today: date, out) -> None:
    for key, value in (("reward.upgrade.known_max_days", 1825), ("reward.upgrade.max_extensions", 1)):
        PolicyParameter.objects.get_or_create(
            key=key, valid_from=STATUTE_2024, defaults={"value": value, "legal_basis": LEGAL_BASIS}
        )
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-manager"])}
    functions_by_class: dict[int, list[Function]] = {}
    for function in Function.objects.exclude(family=None).order_by("family__position", "name"):
        functions_by_class.setdefault(function.function_class, []).append(function)
    grant_values = snapshot(GRANT_KEYS, on=today)
    extension_values = snapshot(EXTENSION_KEYS, on=today)
    allowances, plans = [], []

    def plan(holder, granted_by, start, end, extension_end=None):
        target = _heavier(functions_by_class, holder.function)
        if target is None:
            return
        allowances.append(
            UpgradeAllowance(
                holder=holder,
                function=target,
                function_class=target.function_class,
                own_class=holder.function.function_class,
                tasks=rng.choice(TASKS),
                percentage=Decimal(rng.choice([5, 7, 8, 10, 12, 15])),
                regime=UpgradeAllowance.Regime.UNKNOWN,
                granted_by=granted_by,
                decision_date=start - timedelta(days=14),
                parameters=grant_values,
            )
        )
        plans.append((start, end, extension_end))

    eligible = Staff.objects.filter(is_active=True, function__isnull=False).exclude(management_tier=Staff.Tier.TOP)
    reserved = set()
    staff_user, manager_user = users.get("demo-staff"), users.get("demo-manager")
    if staff_user is not None and manager_user is not None:
        member = eligible.select_related("function").filter(user=staff_user).first()
        if member is not None:
            plan(member, manager_user, today - timedelta(days=150), today + timedelta(days=40))
            reserved.add(member.pk)
        manager = Staff.objects.filter(user=manager_user).first()
        teammate = (
            eligible.select_related("function")
            .filter(line_manager__line_manager=manager)
            .exclude(pk__in=reserved)
            .order_by("id")
            .first()
        )
        if teammate is not None:
            plan(
                teammate,
                manager_user,
                today - timedelta(days=300),
                today - timedelta(days=1),
                today + timedelta(days=200),
            )
            reserved.add(teammate.pk)
    ids = list(eligible.exclude(pk__in=reserved).order_by("id").values_list("id", flat=True))
    picked = sorted(rng.sample(ids, int(len(ids) * SHARE))) if ids else []
    for holder in Staff.objects.filter(pk__in=picked).select_related("function").order_by("id"):
        start = today - timedelta(days=rng.randint(0, 330))
        length = rng.randint(60, 364)
        plan(holder, None, start, start + timedelta(days=length - 1))
    UpgradeAllowance.objects.bulk_create(allowances, batch_size=2000)
    periods = []
    for allowance, (start, end, extension_end) in zip(allowances, plans, strict=True):
        periods.append(
            UpgradePeriod(
                allowance=allowance,
                holder_id=allowance.holder_id,
                kind=UpgradePeriod.Kind.INITIAL,
                start=start,
                end=end,
                planned_end=end,
                decision_date=allowance.decision_date,
                decided_by=allowance.granted_by,
                parameters=grant_values,
            )
        )
        if extension_end is not None:
            periods.append(
                UpgradePeriod(
                    allowance=allowance,
                    holder_id=allowance.holder_id,
                    kind=UpgradePeriod.Kind.EXTENSION,
                    start=end + timedelta(days=1),
                    end=extension_end,
                    planned_end=extension_end,
                    decision_date=end - timedelta(days=20),
                    decided_by=allowance.granted_by,
                    parameters=extension_values,
                )
            )
    UpgradePeriod.objects.bulk_create(periods, batch_size=2000)
    out.write(f"reward upgrade: {len(allowances)} function-upgrade allowances.")
