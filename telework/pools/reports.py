from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from telework.models import Pool
from telework.pools.selectors import pool_members_with_budget

# Runs are visible to everyone in the audience whoever asked, so these organisation-wide reports are for
# central HR only; HR officers see their own entities on the results pages.
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})


def build_pool_budgets(*, run, progress) -> ReportResult:
    year = timezone.localdate().year
    progress(10)
    members = pool_members_with_budget(pool_ids=Pool.objects.values("pk"), year=year)
    progress(80)
    columns = [
        ("pool", _("Pool")),
        ("name", _("Name")),
        ("entity", _("Entity")),
        ("assignable", _("Assignable")),
        ("budget", _("Budget (h)")),
        ("used", _("Assigned (h)")),
        ("remaining", _("Remaining (h)")),
    ]
    rows = [
        {
            "pool": m.pool.name,
            "name": m.staff.full_name,
            "entity": m.staff.entity.name,
            "assignable": m.assignable,  # shown as yes/no in the reader's language
            "budget": m.budget,
            "used": m.used,
            "remaining": m.remaining,
        }
        for m in members
    ]
    pools = sorted({m.pool.name for m in members})
    chart = {
        "kind": "stacked",
        "title": _("Hours assigned and remaining per pool"),
        "categories": pools,
        "series": [
            {"name": _("Assigned (h)"), "values": [sum(m.used for m in members if m.pool.name == p) for p in pools]},
            {
                "name": _("Remaining (h)"),
                "values": [
                    sum(max(m.remaining, 0) for m in members if m.pool.name == p and m.assignable) for p in pools
                ],
            },
        ],
    }
    return ReportResult(columns=columns, rows=rows, charts=[chart], summary={"year": year, "members": len(rows)})


register(
    ReportDefinition(
        kind="telework_pool_budgets",
        title=_("Mobile pool time budgets"),
        description=_("Every pool member's yearly budget, hours assigned and hours remaining."),
        build=build_pool_budgets,
        audience=CENTRAL,
    )
)
