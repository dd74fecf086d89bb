from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from hrportal.selectors.portfolio import portfolio_status_by_objective


def build_portfolio_progress(*, run, progress) -> ReportResult:
    progress(10)
    figures = portfolio_status_by_objective()
    progress(80)
    columns = [
        ("objective", _("Objective")),
        ("total", _("Actions")),
        ("preparing", _("In preparation")),
        ("running", _("Running")),
        ("done", _("Done")),
        ("dropped", _("Dropped")),
        ("continues", _("Continuing")),
        ("next_term", _("Next term")),
        ("percent_done", _("Done (%)")),
    ]
    rows = [{**row, "objective": row["objective_label"]} for row in figures["rows"]]  # a message: translated when shown
    for row in rows:
        row.pop("objective_label", None)
    return ReportResult(
        columns=columns,
        rows=rows,
        charts=[figures["chart"]],
        summary={"total": figures["total"], "done": figures["done"]},
    )


register(
    ReportDefinition(
        kind="portfolio_progress",
        title=_("Portfolio progress per objective"),
        description=_("Status of every HR action of the Modern HR policy, per strategic objective."),
        build=build_portfolio_progress,
        audience=frozenset({Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN}),
    )
)
