from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from telework.climate.models import Dimension
from telework.climate.selectors import climate_comparison_chart, climate_results_in_scope
from telework.models import ClimateRound

# Runs are visible to everyone in the audience whoever asked, so this organisation-wide report is for
# central HR only; HR officers see their own entities on the results pages.
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})


def build_innovation_climate(*, run, progress) -> ReportResult:
    progress(10)
    survey = ClimateRound.objects.order_by("-year").first()
    columns = [("entity", _("Entity")), ("responses", _("Responses"))]
    columns += [(d.value, d.label) for d in Dimension] + [("overall", _("Overall"))]
    if survey is None:
        return ReportResult(columns=columns, rows=[], summary={"round": None})
    results = climate_results_in_scope(round=survey, scope=Q())
    progress(80)
    rows = [
        {"entity": row["entity"], "responses": row["responses"], **row["scores"], "overall": row["overall"]}
        for row in results["entities"]
    ]
    return ReportResult(
        columns=columns,
        rows=rows,
        charts=[climate_comparison_chart(results, _("Overall maturity (1–5)"))],
        summary={
            "year": survey.year,
            "entities_shown": len(rows),
            "entities_suppressed": len(results["suppressed"]),
            "min_cell_size": results["min_cell_size"],
        },
    )


register(
    ReportDefinition(
        kind="telework_innovation_climate",
        title=_("Innovation climate per entity"),
        description=_("Maturity per dimension and overall in the latest survey round; small groups suppressed."),
        build=build_innovation_climate,
        audience=CENTRAL,
    )
)
