"""Demo: make the generated pay match what the seed claims — no pay gap for the same function.

The core demo (hrportal/management/commands/seed_demo.py) draws each salary from level, tier and a random
seniority, independently of gender; in a finite sample women and men of one function still differ by chance
(a few % in a cell of twenty people). This step removes that chance difference and nothing else: within each
function, women's and men's salaries are shifted by the same amount for everyone of that gender, so that both
have the function's mean. Spread within a gender, the level of each function and who sits where are left as
drawn, so the overall gap that remains comes from where women and men sit: fewer women in the management
classes (the seed's figures).

Done twice, cheaply: `prepare_staff` aligns the drawn people before they are written (in Python, no
UPDATE); `seed_demo` then only updates the functions whose women and men differ again by a cent or more
because an earlier demo step moved people (the labour-market demo's doctors): updating all 100,000 written
rows took ten seconds.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg, Count, F

from hrportal.models import Staff
from reward.paygap.selectors import GENDERS

CENT = Decimal("0.01")


def prepare_staff(staff: list) -> int:
    """Align the unsaved Staff instances of the core demo as `seed_demo` aligns the written rows."""
    groups: dict = defaultdict(list)
    for member in staff:
        if member.gender in GENDERS and member.function_id is not None and member.gross_monthly_salary is not None:
            groups[(member.function_id, member.gender)].append(member)
    by_function: dict = {}
    for (function_id, gender), members in sorted(groups.items()):
        mean = sum(m.gross_monthly_salary for m in members) / len(members)
        by_function.setdefault(function_id, {})[gender] = (mean, members)
    shifted = 0
    for genders in by_function.values():
        for gender, delta in _deltas({g: (mean, len(members)) for g, (mean, members) in genders.items()}).items():
            for member in genders[gender][1]:
                member.gross_monthly_salary += delta
                shifted += 1
    return shifted


def _deltas(genders: dict) -> dict:
    """{gender: (mean, n)} of one function -> {gender: the shift to the function's mean, to the cent}; nothing
    when only one gender holds it or the means already differ by less than a cent."""
    if len(genders) < 2:
        return {}
    means = [mean for mean, _n in genders.values()]
    if max(means) - min(means) < CENT:
        return {}
    total = sum(mean * n for mean, n in genders.values())
    common = total / sum(n for _mean, n in genders.values())
    deltas = {gender: (common - mean).quantize(CENT) for gender, (mean, _n) in genders.items()}
    return {gender: delta for gender, delta in deltas.items() if delta}


def seed_demo(*, rng, today, out) -> None:
    groups = (
        Staff.objects.filter(gender__in=GENDERS, function__isnull=False, gross_monthly_salary__isnull=False)
        .values("function_id", "gender")
        .annotate(mean=Avg("gross_monthly_salary"), n=Count("pk"))
        .order_by("function_id", "gender")
    )
    by_function: dict = {}
    for row in groups:
        by_function.setdefault(row["function_id"], {})[row["gender"]] = (Decimal(row["mean"]), row["n"])
    shifted = 0
    for function_id, genders in by_function.items():
        for gender, delta in _deltas(genders).items():
            shifted += Staff.objects.filter(function_id=function_id, gender=gender).update(
                gross_monthly_salary=F("gross_monthly_salary") + delta
            )
    out.write(f"reward: salaries of {shifted} staff aligned so that women and men of one function earn the same mean")
