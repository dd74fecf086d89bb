"""Re-integration figures across entities for central HR: cases per entity, status and outcome, without any
medical detail or name, counted in the database (one query)."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from deployability.reintegration.models import ReintegrationCase
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role

CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})
KIND = "deployability_reintegration_cases"
Status = ReintegrationCase.Status
Outcome = ReintegrationCase.Outcome


def build_reintegration_cases(*, run, progress) -> ReportResult:
    progress(10)
    outcome_counts = {
        f"outcome_{value}": Count("id", filter=Q(status=Status.CLOSED, outcome=value)) for value in Outcome.values
    }
    rows = list(
        ReintegrationCase.objects.values("staff__entity__name")
        .annotate(
            open=Count("id", filter=~Q(status=Status.CLOSED)),
            closed=Count("id", filter=Q(status=Status.CLOSED)),
            **outcome_counts,
        )
        .order_by("staff__entity__name")
    )
    progress(70)
    table = [
        {"entity": r["staff__entity__name"], "open": r["open"], "closed": r["closed"]}
        | {key: r[key] for key in outcome_counts}
        for r in rows
    ]
    columns = [("entity", _("Entity")), ("open", _("Open cases")), ("closed", _("Closed cases"))] + [
        (f"outcome_{value}", label) for value, label in Outcome.choices
    ]
    chart = {
        "kind": "bar",
        "title": _("Closed re-integration cases per outcome"),
        "categories": [label for _value, label in Outcome.choices],
        "series": [
            {
                "name": _("Closed cases"),
                "values": [sum(r[f"outcome_{value}"] for r in table) for value in Outcome.values],
            }
        ],
    }
    summary = {"open": sum(r["open"] for r in table), "closed": sum(r["closed"] for r in table)}
    return ReportResult(columns=columns, rows=table, charts=[chart], summary=summary)


register(
    ReportDefinition(
        kind=KIND,
        title=_("Re-integration cases per entity"),
        description=_("Open and closed re-integration cases per entity, and the outcomes; no medical details."),
        build=build_reintegration_cases,
        audience=CENTRAL,
    )
)
