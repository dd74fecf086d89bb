from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from reward.upgrade.selectors import allowance_expiring, expiry_notice_days

# A run is visible to its whole audience, whoever asked: this organisation-wide list is for central HR;
# managers and HR officers have their own scoped expiry page (reward:upgrade-expiring) and home item.
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})


def build_upgrade_expiring(*, run, progress) -> ReportResult:
    today = timezone.localdate()
    days = expiry_notice_days(today=today)
    progress(10)
    expiring = allowance_expiring(today=today, days=days)
    columns = [
        ("entity", _("Entity")),
        ("name", _("Name")),
        ("manager", _("Line manager")),
        ("function", _("Function of the tasks")),
        ("function_class", _("Class")),
        ("percentage", _("Percentage")),
        ("end", _("Ends on")),
        ("days_left", _("Days left")),
    ]
    rows = [
        {
            "entity": a.holder.entity.name,
            "name": a.holder.full_name,
            "manager": a.holder.line_manager.full_name if a.holder.line_manager else "",
            "function": a.function.name,
            "function_class": a.function_class,
            "percentage": float(a.percentage),
            "end": a.last_end.isoformat(),
            "days_left": (a.last_end - today).days,
        }
        for a in expiring
    ]
    progress(80)
    per_entity = (
        expiring.order_by()
        .values("holder__entity__name")
        .annotate(n=Count("id", distinct=True))
        .order_by("holder__entity__name")
    )
    chart = {
        "kind": "bar",
        "title": _("Function-upgrade allowances ending soon per entity"),
        "categories": [r["holder__entity__name"] for r in per_entity],
        "series": [{"name": _("Allowances"), "values": [r["n"] for r in per_entity]}],
    }
    return ReportResult(columns=columns, rows=rows, charts=[chart], summary={"days": days, "allowances": len(rows)})


register(
    ReportDefinition(
        kind="reward_upgrade_expiring",
        title=_("Function-upgrade allowances ending soon"),
        description=_("Active function-upgrade allowances whose last period ends within the notice days."),
        build=build_upgrade_expiring,
        audience=CENTRAL,
    )
)
