from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hrportal.models import PortfolioAction
from hrportal.models.portfolio import Objective

Status = PortfolioAction.Status


def portfolio_action_list(
    *, objective: str | None = None, status: str | None = None, overdue_on: date | None = None
) -> QuerySet:
    """Actions by code; `overdue_on`: only those still in preparation or running past their planned end."""
    actions = PortfolioAction.objects.all()
    if overdue_on is not None:
        actions = actions.filter(status__in=[Status.PREPARING, Status.RUNNING], planned_end__lt=overdue_on)
    if objective:
        actions = actions.filter(objective=objective)
    if status:
        actions = actions.filter(status=status)
    return actions.order_by("code")


def portfolio_status_by_objective() -> dict:
    """Counts per objective and status, aggregated in one query, with a chart description."""
    counts = {
        row["objective"]: row
        for row in PortfolioAction.objects.values("objective").annotate(
            total=Count("id"),
            preparing=Count("id", filter=Q(status=Status.PREPARING)),
            running=Count("id", filter=Q(status=Status.RUNNING)),
            done=Count("id", filter=Q(status=Status.DONE)),
            dropped=Count("id", filter=Q(status=Status.DROPPED)),
            continues=Count("id", filter=Q(continues=True)),
            next_term=Count("id", filter=Q(term=PortfolioAction.Term.NEXT)),
        )
    }
    rows = []
    for objective in Objective:
        row = counts.get(objective.value) or dict.fromkeys(
            ["total", "preparing", "running", "done", "dropped", "continues", "next_term"], 0
        )
        row = {key: row[key] for key in ["total", "preparing", "running", "done", "dropped", "continues", "next_term"]}
        row["percent_done"] = round(100 * row["done"] / row["total"]) if row["total"] else 0
        rows.append({"objective": objective.value, "objective_label": objective.label, **row})
    # Messages stay lazy: the page and a stored report put them into the reader's language.
    chart = {
        "kind": "stacked",
        "title": _("Status of the actions per objective"),
        "categories": [r["objective_label"] for r in rows],
        "series": [
            {"key": status.value, "name": status.label, "values": [r[status.value] for r in rows]} for status in Status
        ],
    }
    return {
        "rows": rows,
        "chart": chart,
        "total": sum(r["total"] for r in rows),
        "done": sum(r["done"] for r in rows),
    }
