from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from leadership.selection.selectors import selection_figures_by_year

# Organisation-wide figures on selections and probations: central HR only (it can read each of them anyway).
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})

COLUMNS = [
    ("year", _("Year")),
    ("selections", _("Selections opened")),
    ("candidates", _("Candidates")),
    ("internal", _("Internal")),
    ("external", _("External")),
    ("admissible", _("Six years of experience")),
    ("not_admissible", _("Less than six years")),
    ("appointed", _("Appointed")),
    ("probations", _("Probations started")),
    ("running", _("Probation running")),
    ("positive", _("Probation positive")),
    ("negative", _("Probation negative")),
]


def build_selection_probation(*, run, progress) -> ReportResult:
    """Middle-management selections and probations per year, aggregated in the database."""
    progress(10)
    rows = selection_figures_by_year()
    progress(80)
    chart = {
        "kind": "stacked",
        "title": _("Candidates per year: admissible under the six-year rule or not"),
        "categories": [str(r["year"]) for r in rows],
        "series": [
            {"name": _("Six years of experience"), "values": [r["admissible"] for r in rows]},
            {"name": _("Less than six years"), "values": [r["not_admissible"] for r in rows]},
        ],
    }
    summary = {
        "candidates": sum(r["candidates"] for r in rows),
        "appointed": sum(r["appointed"] for r in rows),
        "probations_running": sum(r["running"] for r in rows),
        "probations_negative": sum(r["negative"] for r in rows),
    }
    return ReportResult(columns=COLUMNS, rows=rows, charts=[chart], summary=summary)


SELECTION_PROBATION = register(
    ReportDefinition(
        kind="leadership_selection_probation",
        title=_("Middle-management selections and probations"),
        description=_(
            "Per year: selections, internal and external candidates, admissible under the six-year rule or not, "
            "appointments, and probations with their outcome."
        ),
        build=build_selection_probation,
        audience=CENTRAL,
    )
)
