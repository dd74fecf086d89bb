import math
from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy

from hrportal.models import Entity, Staff
from hrportal.parameters.selectors import parameter
from hrportal.roles import staff_of
from hrportal.scoping import team_ids_sql
from telework.agreements.models import WEEKDAY_FIELDS, Weekday
from telework.agreements.permissions import (
    agreements_visible_to,
    governing_entity_id,
    occupancy_entity_ids_for,
    register_entities_for,
)
from telework.models import TeleworkAgreement, TeleworkExplanation

Status = TeleworkAgreement.Status
FLEX = TeleworkAgreement.Pattern.FLEXIBLE
FIXED = TeleworkAgreement.Pattern.FIXED


def weekday_q(day: int, prefix: str = "") -> Q:
    """An agreement counts on a weekday when it is one of its fixed days, or its preferred day when flexible."""
    return Q(**{f"{prefix}pattern": FIXED, f"{prefix}{WEEKDAY_FIELDS[day]}": True}) | Q(
        **{f"{prefix}pattern": FLEX, f"{prefix}preferred_day": day}
    )


def running_on_q(on: date) -> Q:
    return Q(status=Status.APPROVED, start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


def agreement_list(*, viewer, status: str | None = None) -> QuerySet[TeleworkAgreement]:
    qs = agreements_visible_to(viewer).select_related("staff__entity")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-requested_at", "-id")


def agreement_pending_for(*, viewer) -> QuerySet[TeleworkAgreement]:
    """Requests of the viewer's team (direct and indirect reports) that wait for a decision."""
    me = staff_of(viewer)
    if me is None:
        return TeleworkAgreement.objects.none()
    return (
        TeleworkAgreement.objects.filter(status=Status.REQUESTED, staff_id__in=team_ids_sql(me.pk))
        .select_related("staff__entity", "staff__line_manager")
        .order_by("requested_at", "id")
    )


def agreement_history(*, agreement: TeleworkAgreement) -> list[TeleworkAgreement]:
    """Every agreement of the same person, oldest first: the changes form a chain through `supersedes`."""
    return list(TeleworkAgreement.objects.filter(staff_id=agreement.staff_id).order_by("requested_at", "id"))


def _entity_tree() -> dict[int, tuple[int | None, str]]:
    return {pk: (parent, kind) for pk, parent, kind in Entity.objects.values_list("pk", "parent_id", "kind")}


def _roll_up(rows, tree, key: str, fields: list[str]) -> dict[int, dict]:
    totals: dict[int, dict] = {}
    for row in rows:
        target = governing_entity_id(row[key], tree)
        bucket = totals.setdefault(target, dict.fromkeys(fields, 0))
        for name in fields:
            bucket[name] += row[name] or 0
    return totals


def occupancy_for(*, viewer, on: date) -> dict:
    """Expected presence per entity and weekday on `on`, against the desks (entity.desks, else the norm).

    Aggregated in the database per staff entity (three queries), then divisions are added to their entity.
    Expected presence = (active headcount - teleworkers that weekday) x (1 - the expected absence for other
    reasons): fixed days count on their day, flexible agreements on their preferred day.
    """
    visible = occupancy_entity_ids_for(viewer)
    tree = _entity_tree()
    norm = parameter("telework.office_norm_percent", on=on)
    absence = parameter("telework.expected_absence_percent", on=on)
    headcounts = _roll_up(
        Staff.objects.filter(is_active=True).values("entity_id").annotate(n=Count("id")).order_by(),
        tree,
        "entity_id",
        ["n"],
    )
    day_fields = [f"d{i}" for i in range(5)]
    teleworkers = _roll_up(
        TeleworkAgreement.objects.filter(running_on_q(on), staff__is_active=True)
        .values("staff__entity_id")
        .annotate(**{f"d{i}": Count("id", filter=weekday_q(i)) for i in range(5)})
        .order_by(),
        tree,
        "staff__entity_id",
        day_fields,
    )
    ids = [pk for pk in headcounts if visible is None or pk in visible]
    entities = Entity.objects.filter(pk__in=ids).only("pk", "name", "desks", "kind").order_by("name")
    rows = []
    for entity in entities:
        headcount = headcounts[entity.pk]["n"]
        desks = entity.desks if entity.desks is not None else math.ceil(norm * headcount / 100)
        days = []
        for i in range(5):
            away = teleworkers.get(entity.pk, {}).get(f"d{i}", 0)
            present = round((headcount - away) * (100 - absence) / 100)
            days.append(
                {
                    "day": Weekday(i).label,
                    "teleworkers": away,
                    "present": present,
                    "over": present > desks,
                    "excess": max(0, present - desks),
                    "margin": desks - present,  # desks left free (negative: people without a desk)
                    "use_percent": round(100 * present / desks) if desks else None,
                }
            )
        rows.append(
            {
                "entity": entity,
                "headcount": headcount,
                "desks": desks,
                "desks_from_norm": entity.desks is None,
                "days": days,
                "over_days": sum(1 for d in days if d["over"]),
            }
        )
    return {
        "on": on,
        "norm_percent": norm,
        "absence_percent": absence,
        "rows": rows,
        "weekdays": [w.label for w in Weekday],
    }


def register_for(*, viewer, on: date) -> list[dict]:
    """Comply or explain: the current state of each entity the viewer sees (no record = complies)."""
    current = TeleworkExplanation.objects.filter(entity=OuterRef("pk"), effective_from__lte=on).order_by(
        "-effective_from", "-id"
    )
    entities = (
        register_entities_for(viewer)
        .annotate(
            applies=Subquery(current.values("applies_telework")[:1]),
            explanation=Subquery(current.values("explanation")[:1]),
            since=Subquery(current.values("effective_from")[:1]),
            records=Count("telework_explanations"),
        )
        .order_by("name")
    )
    return [
        {
            "entity": e,
            "deviates": e.applies is False,
            "explanation": e.explanation or "",
            "since": e.since,
            "records": e.records,
        }
        for e in entities
    ]


def explanation_history(*, entity: Entity) -> QuerySet[TeleworkExplanation]:
    return TeleworkExplanation.objects.filter(entity=entity).select_related("recorded_by").order_by("-effective_from")


# --- inventory ------------------------------------------------------------------------------------------


def inventory_figures(*, today: date, years: int = 10) -> dict:
    """Share of staff teleworking per entity and year, and per weekday, aggregated in the database.

    A person teleworks in a year when an approved agreement of theirs runs on some day of it. The headcount of
    a year is the active staff who had started in public service by its end. One query per year (at most
    `years`), plus one for the headcounts and one for the entity tree.
    """
    tree = _entity_tree()
    first = TeleworkAgreement.objects.filter(status=Status.APPROVED).order_by("start").values_list("start", flat=True)
    first_year = max((first.first() or today).year, today.year - years + 1)
    year_list = list(range(first_year, today.year + 1))
    headcount_rows = (
        Staff.objects.filter(is_active=True)
        .values("entity_id")
        .annotate(**{f"y{y}": Count("id", filter=Q(service_start__lte=date(y, 12, 31))) for y in year_list})
        .order_by()
    )
    headcounts = _roll_up(headcount_rows, tree, "entity_id", [f"y{y}" for y in year_list])
    per_year = {}
    for year in year_list:
        start, end = date(year, 1, 1), date(year, 12, 31)
        active = Q(status=Status.APPROVED, start__lte=end) & (Q(end__isnull=True) | Q(end__gte=start))
        rows = (
            TeleworkAgreement.objects.filter(active, staff__is_active=True)
            .values("staff__entity_id")
            .annotate(
                teleworkers=Count("staff", distinct=True),
                **{f"d{i}": Count("staff", distinct=True, filter=weekday_q(i)) for i in range(5)},
            )
            .order_by()
        )
        per_year[year] = _roll_up(rows, tree, "staff__entity_id", ["teleworkers"] + [f"d{i}" for i in range(5)])
    names = dict(Entity.objects.filter(pk__in=list(headcounts)).values_list("pk", "name"))
    return {"years": year_list, "headcounts": headcounts, "per_year": per_year, "names": names}


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def inventory_table(*, today: date) -> dict:
    figures = inventory_figures(today=today)
    years, headcounts, per_year, names = figures["years"], figures["headcounts"], figures["per_year"], figures["names"]
    organisation = gettext_lazy("Organisation")  # a message in a stored report: translated when shown
    rows, totals = [], {}
    for year in years:
        total = {"headcount": 0, "teleworkers": 0, **{f"d{i}": 0 for i in range(5)}}
        for entity_id in sorted(headcounts, key=lambda pk: names.get(pk, "")):
            headcount = headcounts[entity_id][f"y{year}"]
            if not headcount:
                continue
            counts = per_year[year].get(entity_id, {})
            row = {"year": year, "entity": names.get(entity_id, str(entity_id)), "headcount": headcount}
            row["teleworkers"] = counts.get("teleworkers", 0)
            row["share_percent"] = _pct(row["teleworkers"], headcount)
            for i in range(5):
                row[f"d{i}"] = _pct(counts.get(f"d{i}", 0), headcount)
                total[f"d{i}"] += counts.get(f"d{i}", 0)
            total["headcount"] += headcount
            total["teleworkers"] += row["teleworkers"]
            rows.append(row)
        totals[year] = total
    previous = None
    org_rows = []
    for year in years:
        total = totals[year]
        share = _pct(total["teleworkers"], total["headcount"])
        org_row = {
            "year": year,
            "entity": organisation,
            "headcount": total["headcount"],
            "teleworkers": total["teleworkers"],
            "share_percent": share,
            "trend_points": None if previous is None else round(share - previous, 1),
            **{f"d{i}": _pct(total[f"d{i}"], total["headcount"]) for i in range(5)},
        }
        org_rows.append(org_row)
        previous = share
    trend = {r["year"]: r["trend_points"] for r in org_rows}
    by_entity_year = {(r["entity"], r["year"]): r["share_percent"] for r in rows}
    for row in rows:
        before = by_entity_year.get((row["entity"], row["year"] - 1))
        row["trend_points"] = None if before is None else round(row["share_percent"] - before, 1)
    return {"years": years, "organisation": org_rows, "rows": org_rows + rows, "org_trend": trend, "totals": totals}
