"""Monitoring figures, aggregated in the database (a fixed number of queries whatever the size of the
organisation) and suppressed with the core's routine (hrportal.suppression) before anything is published."""

from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from hrportal.models import Staff
from hrportal.suppression import SMALL, is_small, suppress_series, suppress_table
from leadership.models import GenderTarget, SnapshotCount, TopCandidate, Vacancy

TIERS = [Staff.Tier.TOP, Staff.Tier.MIDDLE]
GENDERS = ["F", "M", "X"]
PRESENTED = [TopCandidate.Stage.SHORTLIST.value, TopCandidate.Stage.APPOINTMENT.value]
FUNNEL_OUTCOMES = [
    TopCandidate.Outcome.ADMITTED,
    TopCandidate.Outcome.APPOINTED,
    TopCandidate.Outcome.UNSUITABLE,
    TopCandidate.Outcome.WITHDRAWN,
    TopCandidate.Outcome.DEFERRED,
    TopCandidate.Outcome.NOT_INTERESTED,
    TopCandidate.Outcome.IN_PROGRESS,
]


def _share(women, total) -> float | None:
    return round(100 * women / total, 1) if total else None


def snapshot_years() -> list[int]:
    return list(SnapshotCount.objects.order_by().values_list("year", flat=True).distinct().order_by("year"))


def targets_by_year(years: list[int]) -> dict:
    """{(year, tier): target share} with the latest target set in or before each year."""
    targets = list(GenderTarget.objects.order_by("year").values("year", "tier", "share_percent"))
    result = {}
    for year in years:
        for tier in TIERS:
            applicable = [t["share_percent"] for t in targets if t["tier"] == tier and t["year"] <= year]
            result[(year, tier)] = float(applicable[-1]) if applicable else None
    return result


def _gender_rows(cells: dict, *, hidden: dict, key) -> dict:
    """women, men, other, total and share for one row, with the reasons of the hidden cells."""
    counts = {g: cells.get(g, 0) for g in GENDERS}
    total = sum(counts.values())
    row_hidden = {
        name: hidden[(key, g)] for g, name in zip(GENDERS, ("women", "men", "other"), strict=True) if (key, g) in hidden
    }
    row = {"women": counts["F"], "men": counts["M"], "other": counts["X"], "total": total}
    row["share"] = _share(counts["F"], total)
    if "women" in row_hidden:
        row_hidden["share"] = row_hidden["women"]
    row["_hidden"] = row_hidden
    return row


def share_by_tier(*, threshold: int) -> list[dict]:
    """Organisation-wide share of women per tier and snapshot year. Each row shows its total, so a year's
    table (tiers x gender) is suppressed with row totals."""
    data = (
        SnapshotCount.objects.filter(tier__in=TIERS)
        .values("year", "tier", "gender")
        .annotate(n=Sum("headcount"))
        .order_by()
    )
    by_year: dict = {}
    for d in data:
        by_year.setdefault(d["year"], {})[(d["tier"], d["gender"])] = d["n"]
    years = sorted(by_year)
    targets = targets_by_year(years)
    rows = []
    for year in years:
        table = {(tier, g): by_year[year].get((tier, g), 0) for tier in TIERS for g in GENDERS}
        hidden = suppress_table(table, threshold=threshold, row_totals=True, column_totals=False)
        for tier in TIERS:
            cells = {g: table[(tier, g)] for g in GENDERS}
            row = _gender_rows(cells, hidden=hidden, key=tier)
            rows.append({"year": year, "tier": tier, "target": targets[(year, tier)], **row})
    return rows


def share_by_entity(*, threshold: int) -> list[dict]:
    """Per snapshot year, tier and entity (as named that year). The organisation's totals per tier are
    published too, so each (year, tier) table of entities x gender is suppressed with row and column totals."""
    data = (
        SnapshotCount.objects.filter(tier__in=TIERS)
        .values("year", "tier", "entity_code", "gender")
        .annotate(n=Sum("headcount"), name=Max("entity_name"))
        .order_by()
    )
    tables: dict = {}
    names: dict = {}
    for d in data:
        tables.setdefault((d["year"], d["tier"]), {})[(d["entity_code"], d["gender"])] = d["n"]
        names[(d["year"], d["entity_code"])] = d["name"]
    rows = []
    for (year, tier), cells in sorted(tables.items(), key=lambda item: (item[0][0], TIERS.index(item[0][1]))):
        codes = sorted({code for code, _g in cells}, key=lambda c: names[(year, c)])
        table = {(code, g): cells.get((code, g), 0) for code in codes for g in GENDERS}
        hidden = suppress_table(table, threshold=threshold, row_totals=True, column_totals=True)
        for code in codes:
            row = _gender_rows({g: table[(code, g)] for g in GENDERS}, hidden=hidden, key=code)
            rows.append({"year": year, "tier": tier, "entity": names[(year, code)], **row})
    return rows


def funnel_by_gender(*, threshold: int) -> list[dict]:
    """Per selection year: candidates invited and each outcome, by gender. The invited row is the column
    total and each outcome row shows its total, so the outcome x gender table is suppressed with both."""
    data = TopCandidate.objects.values("vacancy__year", "outcome", "gender").annotate(n=Count("id")).order_by()
    by_year: dict = {}
    for d in data:
        by_year.setdefault(d["vacancy__year"], {})[(d["outcome"], d["gender"])] = d["n"]
    rows = []
    for year in sorted(by_year):
        table = {(o, g): by_year[year].get((o, g), 0) for o in FUNNEL_OUTCOMES for g in GENDERS}
        hidden = suppress_table(table, threshold=threshold, row_totals=True, column_totals=True)
        invited = {g: sum(table[(o, g)] for o in FUNNEL_OUTCOMES) for g in GENDERS}
        rows.append({"year": year, "stage": "invited", **_gender_rows(invited, hidden={}, key="invited")})
        for outcome in FUNNEL_OUTCOMES:
            cells = {g: table[(outcome, g)] for g in GENDERS}
            if outcome in (TopCandidate.Outcome.IN_PROGRESS, TopCandidate.Outcome.APPOINTED) and not any(
                cells.values()
            ):
                continue
            rows.append({"year": year, "stage": outcome, **_gender_rows(cells, hidden=hidden, key=outcome)})
    return rows


def presented_to_government(*, threshold: int) -> list[dict]:
    """Candidates presented to government (shortlist or appointment) per year, by gender, and for the whole
    period (the column totals; the seed: 12 women of 53 in 2009-2013), itself suppressed like any row."""
    data = (
        TopCandidate.objects.filter(stage__in=PRESENTED, vacancy__kind=Vacancy.Kind.TOP_FUNCTION)
        .values("vacancy__year", "gender")
        .annotate(n=Count("id"))
        .order_by()
    )
    table: dict = {}
    for d in data:
        table[(d["vacancy__year"], d["gender"])] = d["n"]
    years = sorted({year for year, _g in table})
    table = {(y, g): table.get((y, g), 0) for y in years for g in GENDERS}
    hidden = suppress_table(table, threshold=threshold, row_totals=True, column_totals=True)
    rows = [{"year": y, **_gender_rows({g: table[(y, g)] for g in GENDERS}, hidden=hidden, key=y)} for y in years]
    if years:
        overall = {(None, g): sum(table[(y, g)] for y in years) for g in GENDERS}
        overall_hidden = suppress_table(overall, threshold=threshold, row_totals=True, column_totals=False)
        cells = {g: n for (_none, g), n in overall.items()}
        row = _gender_rows(cells, hidden=overall_hidden, key=None)
        rows.append({"year": None, "period": (years[0], years[-1]), **row})
    return rows


def appointment_rate(*, threshold: int) -> list[dict]:
    """Top functions where at least one woman reached the final round (the shortlist presented to
    government) and someone was appointed, and in how many of them a woman or a man was appointed, per year
    and for the whole period (the seed: 2009-2013, a woman in two of three cases). The unit is a case (a
    vacancy): a year with fewer cases than the threshold is hidden, and a second one where it could be
    recomputed from the period's total. Within a row that is shown, the woman/man split is published: either
    part is the cases minus the other, so hiding one alone would protect nothing."""
    appointed = TopCandidate.objects.filter(vacancy=OuterRef("pk"), outcome=TopCandidate.Outcome.APPOINTED)
    data = (
        Vacancy.objects.filter(kind=Vacancy.Kind.TOP_FUNCTION)
        .annotate(
            with_woman=Exists(TopCandidate.objects.filter(vacancy=OuterRef("pk"), gender="F", stage__in=PRESENTED)),
            woman_won=Exists(appointed.filter(gender="F")),
            man_won=Exists(appointed.filter(gender="M")),
        )
        .filter(Q(woman_won=True) | Q(man_won=True), with_woman=True)
        .values("year")
        .annotate(
            cases=Count("id"),
            women_appointed=Count("id", filter=Q(woman_won=True)),
            men_appointed=Count("id", filter=Q(man_won=True)),
        )
        .order_by("year")
    )
    data = list(data)
    hidden = suppress_series({d["year"]: d["cases"] for d in data}, threshold=threshold, total_shown=True)
    rows = [_appointment_row(d, hidden.get(d["year"])) for d in data]
    if data:
        period = {key: sum(d[key] for d in data) for key in ("cases", "women_appointed", "men_appointed")}
        period["year"] = None
        row = _appointment_row(period, SMALL if is_small(period["cases"], threshold=threshold) else None)
        rows.append({**row, "period": (data[0]["year"], data[-1]["year"])})
    return rows


def _appointment_row(counts: dict, reason: str | None) -> dict:
    keys = ("cases", "women_appointed", "men_appointed", "rate")
    return {
        "year": counts["year"],
        "cases": counts["cases"],
        "women_appointed": counts["women_appointed"],
        "men_appointed": counts["men_appointed"],
        "rate": _share(counts["women_appointed"], counts["cases"]),
        "_hidden": dict.fromkeys(keys, reason) if reason else {},
    }


def headcount_by_entity() -> list[dict]:
    """Headcount and FTE per snapshot year and entity (as named that year) against its target that year."""
    data = (
        SnapshotCount.objects.values("year", "entity_code")
        .annotate(headcount=Sum("headcount"), fte=Sum("fte"), target=Max("headcount_target"), name=Max("entity_name"))
        .order_by("year", "name")
    )
    rows = []
    for d in data:
        rows.append(
            {
                "year": d["year"],
                "entity": d["name"],
                "headcount": d["headcount"],
                "fte": float(d["fte"] or Decimal(0)),
                "target": d["target"],
                "difference": d["headcount"] - d["target"] if d["target"] is not None else None,
            }
        )
    return rows


def headcount_organisation(entity_rows: list[dict]) -> list[dict]:
    """The organisation-wide line per year, from the entity rows, with the change against the first year."""
    by_year: dict = {}
    for row in entity_rows:
        total = by_year.setdefault(row["year"], {"headcount": 0, "fte": 0.0, "target": 0, "targets_missing": 0})
        total["headcount"] += row["headcount"]
        total["fte"] += row["fte"]
        if row["target"] is None:
            total["targets_missing"] += 1
        else:
            total["target"] += row["target"]
    years = sorted(by_year)
    base = by_year[years[0]]["headcount"] if years else 0
    rows = []
    for year in years:
        total = by_year[year]
        rows.append(
            {
                "year": year,
                "headcount": total["headcount"],
                "fte": round(total["fte"], 2),
                "target": total["target"] or None,
                "difference": total["headcount"] - total["target"] if total["target"] else None,
                "change": round(100 * (total["headcount"] - base) / base, 1) if base else None,
            }
        )
    return rows


SECTION_LABELS = {
    "tier": _("Share of women per management tier"),
    "entity": _("Share of women per entity"),
    "funnel": _("Selection funnel by gender"),
    "presented": _("Candidates presented to government"),
    "appointment": _("Appointment of a woman where one reached the final round"),
}


def monitoring_figures(*, threshold: int) -> dict:
    return {
        "tier": share_by_tier(threshold=threshold),
        "entity": share_by_entity(threshold=threshold),
        "funnel": funnel_by_gender(threshold=threshold),
        "presented": presented_to_government(threshold=threshold),
        "appointment": appointment_rate(threshold=threshold),
    }


def latest_snapshot_summary() -> dict:
    """Years present and the latest year's staff count (for the monitoring page)."""
    years = snapshot_years()
    if not years:
        return {"years": [], "latest": None, "staff": 0}
    staff = SnapshotCount.objects.filter(year=years[-1]).aggregate(n=Sum("headcount"))["n"] or 0
    return {"years": years, "latest": years[-1], "staff": staff}
