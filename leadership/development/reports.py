from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from leadership.development.models import Enrolment, Trajectory

# Organisation-wide figures: central HR only (runs are visible to the whole audience).
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})


def build_development_participation(*, run, progress) -> ReportResult:
    """Per trajectory: sessions, seats, enrolments by status and attendance, aggregated in the database."""
    progress(10)
    rows = list(
        Trajectory.objects.annotate(
            session_count=Count("modules__sessions", distinct=True),
            requested=Count(
                "modules__sessions__enrolments",
                filter=Q(modules__sessions__enrolments__status=Enrolment.Status.REQUESTED),
            ),
            agreed=Count(
                "modules__sessions__enrolments", filter=Q(modules__sessions__enrolments__status=Enrolment.Status.AGREED)
            ),
            attended=Count(
                "modules__sessions__enrolments",
                filter=Q(modules__sessions__enrolments__attendance=Enrolment.Attendance.ATTENDED),
            ),
        )
        .order_by("tier", "name")
        .values("name", "tier", "is_residential", "session_count", "requested", "agreed", "attended")
    )
    progress(80)
    columns = [
        ("name", _("Trajectory")),
        ("tier", _("Management tier")),
        ("is_residential", _("residential")),
        ("session_count", _("Sessions")),
        ("requested", _("Waiting for the line manager")),
        ("agreed", _("Agreed")),
        ("attended", _("Attended")),
    ]
    chart = {
        "kind": "stacked",
        "title": _("Enrolments per trajectory"),
        "categories": [r["name"] for r in rows],
        "series": [
            {"name": _("Attended"), "values": [r["attended"] for r in rows]},
            {"name": _("Waiting for the line manager"), "values": [r["requested"] for r in rows]},
        ],
    }
    return ReportResult(columns=columns, rows=rows, charts=[chart], summary={"trajectories": len(rows)})


register(
    ReportDefinition(
        kind="leadership_development_participation",
        title=_("Participation in leadership development"),
        description=_("Per trajectory: sessions, enrolments waiting, agreed and attended."),
        build=build_development_participation,
        audience=CENTRAL,
    )
)
