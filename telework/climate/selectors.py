from django.db.models import Avg, Count, F, FloatField, Q, QuerySet
from django.db.models.functions import Cast

from hrportal.parameters.selectors import parameter
from telework.climate.models import SCORE_FIELDS, Dimension
from telework.climate.permissions import climate_entity_scope_q
from telework.models import ClimateParticipation, ClimateResponse, ClimateRound


def _overall_expression():
    total = None
    for field in SCORE_FIELDS.values():
        total = F(field) if total is None else total + F(field)
    return Cast(total, FloatField()) / len(SCORE_FIELDS)


def climate_round_list() -> QuerySet[ClimateRound]:
    return ClimateRound.objects.annotate(response_count=Count("responses")).order_by("-year")


def climate_results(*, round: ClimateRound, viewer, entity_id: int | None = None) -> dict:
    """Maturity per entity the viewer may see: average score (1 to 5) per dimension and overall, aggregated in
    the database. Entities with fewer than `monitoring.min_cell_size` answers are suppressed; the total
    covers the shown entities only, so a suppressed entity cannot be recomputed from it."""
    return climate_results_in_scope(
        round=round, scope=climate_entity_scope_q(viewer, prefix="entity__"), entity_id=entity_id
    )


def climate_results_in_scope(*, round: ClimateRound, scope: Q, entity_id: int | None = None) -> dict:
    """climate_results for an explicit filter on the responses; Q() is every entity (central HR's report)."""
    min_cell = int(parameter("monitoring.min_cell_size", on=round.opens_on))
    responses = ClimateResponse.objects.filter(round=round).filter(scope)
    if entity_id is not None:
        responses = responses.filter(entity_id=entity_id)
    averages = {dimension.value: Avg(field) for dimension, field in SCORE_FIELDS.items()}
    rows = (
        responses.values("entity_id", "entity__name")
        .annotate(n=Count("id"), overall=Avg(_overall_expression()), **averages)
        .order_by("entity__name")
    )
    shown, suppressed = [], []
    for row in rows:
        entry = {"entity_id": row["entity_id"], "entity": row["entity__name"], "responses": row["n"]}
        if row["n"] < min_cell:
            suppressed.append(entry)
            continue
        entry["overall"] = round_score(row["overall"])
        entry["scores"] = {d.value: round_score(row[d.value]) for d in Dimension}
        shown.append((entry, row))
    total = None
    count = sum(entry["responses"] for entry, _row in shown)
    if count:
        total = {
            "responses": count,
            "overall": round_score(sum(row["overall"] * row["n"] for _entry, row in shown) / count),
            "scores": {
                d.value: round_score(sum(float(row[d.value]) * row["n"] for _entry, row in shown) / count)
                for d in Dimension
            },
        }
    return {
        "round": round,
        "min_cell_size": min_cell,
        "dimensions": [(d.value, d.label) for d in Dimension],
        "entities": [entry for entry, _row in shown],
        "suppressed": suppressed,
        "total": total,
    }


def round_score(value) -> float:
    return round(float(value), 2)


def climate_comparison_chart(results: dict, title: str) -> dict:
    """The overall maturity per shown entity, for components/stacked_bar_chart.html."""
    return {
        "kind": "bar",
        "title": title,
        "categories": [row["entity"] for row in results["entities"]],
        "series": [{"name": title, "values": [row["overall"] for row in results["entities"]]}],
        "max": 5,  # the top of the 1-5 scale: 3.77 fills three quarters of the bar, not all of it
        "decimals": 2,
    }


def climate_dimension_chart(row: dict, title: str) -> dict:
    return {
        "kind": "bar",
        "title": title,
        "categories": [d.label for d in Dimension],
        "series": [{"name": title, "values": [row["scores"][d.value] for d in Dimension]}],
        "max": 5,
        "decimals": 2,
    }


def has_answered(*, round: ClimateRound, staff) -> bool:
    return staff is not None and ClimateParticipation.objects.filter(round=round, staff=staff).exists()
