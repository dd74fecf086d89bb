from django.utils.translation import gettext_lazy as _

from deployability.evaluations.selectors import case_figures_per_entity
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role

CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})


def build_evaluation_cases(*, run, progress) -> ReportResult:
    progress(10)
    rows = case_figures_per_entity()
    progress(80)
    columns = [
        ("entity", _("Entity")),
        ("total", _("Cases")),
        ("decision", _("Decision pending")),
        ("guidance", _("Guidance")),
        ("dismissal_required", _("Dismissal mandatory")),
        ("dismissed_special", _("Dismissed in special circumstances")),
        ("dismissed_mandatory", _("Dismissed after a second insufficient")),
        ("recovered", _("Recovered")),
        ("statutory", _("Statutory")),
        ("contractual", _("Contractual")),
    ]
    chart = {
        "kind": "stacked",
        "title": _("Insufficient-evaluation cases per entity"),
        "categories": [row["entity"] for row in rows],
        "series": [
            {"name": _("Decision pending"), "values": [row["decision"] for row in rows]},
            {"name": _("Guidance"), "values": [row["guidance"] for row in rows]},
            {"name": _("Dismissal mandatory"), "values": [row["dismissal_required"] for row in rows]},
            {
                "name": _("Closed"),
                "values": [row["dismissed_special"] + row["dismissed_mandatory"] + row["recovered"] for row in rows],
            },
        ],
    }
    summary = {"cases": sum(row["total"] for row in rows)}
    return ReportResult(columns=columns, rows=rows, charts=[chart], summary=summary)


register(
    ReportDefinition(
        kind="deployability_evaluation_cases",
        title=_("Insufficient-evaluation cases"),
        description=_("Cases per entity: decisions pending, guidance, mandatory dismissals and outcomes."),
        build=build_evaluation_cases,
        audience=CENTRAL,
    )
)
