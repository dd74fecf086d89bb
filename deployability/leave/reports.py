"""Leave taken per kind: approved working days, requests and people per year and kind of leave, counted in
the database (one query whatever the number of requests)."""

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from deployability.leave.models import LeaveRequest
from hrportal.i18n_text import text
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role

# Organisation-wide figures (no person named): for central HR, whose runs others in the audience read too.
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})
KIND = "deployability_leave_taken"


def build_leave_taken(*, run, progress) -> ReportResult:
    progress(10)
    rows = list(
        LeaveRequest.objects.filter(status=LeaveRequest.Status.APPROVED)
        .values("start__year", "right__name", "right__is_favour_leave")
        .annotate(days=Sum("days"), requests=Count("id"), people=Count("staff", distinct=True))
        .order_by("-start__year", "right__name")
    )
    progress(70)
    table = [
        {
            "year": r["start__year"],
            "kind": r["right__name"],
            "favour_leave": r["right__is_favour_leave"],
            "days": float(r["days"] or 0),
            "requests": r["requests"],
            "people": r["people"],
        }
        for r in rows
    ]
    latest = table[0]["year"] if table else None
    this_year = [r for r in table if r["year"] == latest]
    charts = []
    if this_year:
        charts.append(
            {
                "kind": "bar",
                "title": text(gettext_noop("Working days of leave taken per kind in %(year)s"), year=latest),
                "categories": [r["kind"] for r in this_year],
                "series": [{"name": _("Working days"), "values": [r["days"] for r in this_year]}],
                "decimals": 1,
            }
        )
    columns = [
        ("year", _("Year")),
        ("kind", _("Kind of leave")),
        ("favour_leave", _("Favour leave")),
        ("days", _("Working days")),
        ("requests", _("Approved requests")),
        ("people", _("Staff members")),
    ]
    summary = {"year": latest, "days": sum(r["days"] for r in this_year), "kinds": len(this_year)}
    return ReportResult(
        columns=columns,
        rows=table,
        charts=charts,
        summary=summary,
        filters={"year": latest} if latest else {},
    )


register(
    ReportDefinition(
        kind=KIND,
        title=_("Leave taken per kind"),
        description=_("Approved working days of leave per year and kind of leave, with requests and staff members."),
        build=build_leave_taken,
        audience=CENTRAL,
    )
)
