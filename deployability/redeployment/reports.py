from django.utils.translation import gettext_lazy as _

from deployability.redeployment.selectors import redeployment_figures_per_entity
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role

# Runs are visible to everyone in the audience whoever asked, so the organisation-wide report is for central
# HR; HR officers see their own entities on the figures page.
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})


def build_redeployment(*, run, progress) -> ReportResult:
    progress(10)
    rows = redeployment_figures_per_entity()
    progress(80)
    columns = [
        ("entity", _("Entity")),
        ("candidates", _("Candidates")),
        ("active", _("Active")),
        ("offers", _("Offers")),
        ("refusals", _("Refusals")),
        ("placed", _("Placed")),
        ("ex_officio", _("Of which ex officio")),
        ("mean_days_to_placement", _("Mean days to placement")),
    ]
    categories = [row["entity"] for row in rows]
    charts = [
        {
            "kind": "stacked",
            "title": _("Offers per entity: refused and other"),
            "categories": categories,
            "series": [
                {"name": _("Refusals"), "values": [row["refusals"] for row in rows]},
                {"name": _("Other offers"), "values": [row["offers"] - row["refusals"] for row in rows]},
            ],
        },
        {
            "kind": "bar",
            "title": _("Mean days from registration to placement"),
            "categories": categories,
            "series": [
                {"name": _("Mean days to placement"), "values": [row["mean_days_to_placement"] or 0 for row in rows]}
            ],
        },
    ]
    summary = {
        "candidates": sum(row["candidates"] for row in rows),
        "placed": sum(row["placed"] for row in rows),
        "ex_officio": sum(row["ex_officio"] for row in rows),
    }
    return ReportResult(columns=columns, rows=rows, charts=charts, summary=summary)


register(
    ReportDefinition(
        kind="deployability_redeployment",
        title=_("Redeployment"),
        description=_("Candidates, offers, refusals, placements and the time to placement per entity."),
        build=build_redeployment,
        audience=CENTRAL,
    )
)
