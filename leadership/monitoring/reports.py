from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from hrportal.i18n_text import text
from hrportal.models import Staff
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from hrportal.suppression import COMPLEMENTARY, SMALL, min_cell_size
from leadership.models import TopCandidate
from leadership.monitoring.selectors import (
    SECTION_LABELS,
    headcount_by_entity,
    headcount_organisation,
    monitoring_figures,
)

# Organisation-wide figures by gender: central HR (and admins) only.
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})
VALUE_KEYS = ("women", "men", "other", "total", "share")

MONITORING_COLUMNS = [
    ("section", _("Figure")),
    ("year", _("Year")),
    ("group", _("Group")),
    ("entity", _("Entity")),
    ("women", _("Women")),
    ("men", _("Men")),
    ("other", _("Other / not stated")),
    ("total", _("Total")),
    ("share", _("Share of women (%)")),
    ("target", _("Target (%)")),
]


def hidden_label(reason: str, threshold: int):
    """What a suppressed cell shows, in the reader's language, in the page, the CSV and the XLSX."""
    if reason == SMALL:
        return text(gettext_noop("hidden: fewer than %(n)s"), n=threshold)
    return _("hidden: could be recomputed")


def legend(threshold: int) -> list:
    return [
        {
            "marker": "*",
            "reason": SMALL,
            "text": text(
                gettext_noop("Fewer than %(n)s people: hidden so that nobody can be singled out."), n=threshold
            ),
        },
        {
            "marker": "**",
            "reason": COMPLEMENTARY,
            "text": _("Hidden as well, so that a hidden cell cannot be recomputed from the totals."),
        },
    ]


def _publish(row: dict, threshold: int) -> dict:
    """Replace each hidden value by its label; keep the reasons for the monitoring page's markers."""
    hidden = row.pop("_hidden", {}) or {}
    out = dict(row)
    for key, reason in hidden.items():
        if reason:
            out[key] = hidden_label(reason, threshold)
    out["_hidden"] = {k: v for k, v in hidden.items() if v}
    return out


APPOINTMENT_COLUMNS = {"cases": "total", "women_appointed": "women", "men_appointed": "men", "rate": "share"}


def _all_years(row: dict):
    """A year, or the period that a whole-period row covers (2009-2013)."""
    if row["year"] is not None:
        return row["year"]
    first, last = row.get("period") or (None, None)
    return f"{first}–{last}" if first is not None and first != last else (first or _("all years"))


def monitoring_rows(figures: dict, threshold: int) -> list[dict]:
    rows = []
    for row in figures["tier"]:
        published = _publish(dict(row), threshold)
        published.update(section=SECTION_LABELS["tier"], group=Staff.Tier(row["tier"]).label, entity=_("Organisation"))
        rows.append({**published, "_section": "tier"})
    for row in figures["entity"]:
        published = _publish(dict(row), threshold)
        published.update(section=SECTION_LABELS["entity"], group=Staff.Tier(row["tier"]).label)
        rows.append({**published, "_section": "entity"})
    for row in figures["funnel"]:
        published = _publish(dict(row), threshold)
        stage = _("invited") if row["stage"] == "invited" else TopCandidate.Outcome(row["stage"]).label
        published.update(section=SECTION_LABELS["funnel"], group=stage, entity="")
        rows.append({**published, "_section": "funnel"})
    for row in figures["presented"]:
        published = _publish(dict(row), threshold)
        published.update(section=SECTION_LABELS["presented"], year=_all_years(row), group=_("presented"), entity="")
        rows.append({**published, "_section": "presented"})
    for row in figures["appointment"]:
        published = _publish(
            {
                "year": row["year"],
                "women": row["women_appointed"],
                "men": row["men_appointed"],
                "total": row["cases"],
                "share": row["rate"],
                "_hidden": {APPOINTMENT_COLUMNS[k]: v for k, v in row["_hidden"].items()},
            },
            threshold,
        )
        published.update(
            section=SECTION_LABELS["appointment"],
            year=_all_years(row),
            group=_("cases / a woman or a man appointed"),
            entity="",
        )
        rows.append({**published, "_section": "appointment"})
    for row in rows:
        row.pop("tier", None)
        row.pop("stage", None)
        row.pop("period", None)
    return rows


def _value(row: dict, key: str):
    return None if key in row.get("_hidden", {}) else row.get(key)


def monitoring_charts(figures: dict, threshold: int) -> list[dict]:
    tier_rows = figures["tier"]
    years = sorted({r["year"] for r in tier_rows})
    charts = []
    if years:
        series = []
        for tier in (Staff.Tier.TOP, Staff.Tier.MIDDLE):
            by_year = {r["year"]: r for r in tier_rows if r["tier"] == tier}
            series.append(
                {
                    "name": Staff.Tier(tier).label,
                    "values": [_value(by_year[y], "share") if y in by_year else None for y in years],
                }
            )
        for tier, name in ((Staff.Tier.TOP, _("target N")), (Staff.Tier.MIDDLE, _("target N-1"))):
            by_year = {r["year"]: r for r in tier_rows if r["tier"] == tier}
            values = [by_year[y]["target"] if y in by_year else None for y in years]
            if any(v is not None for v in values):
                series.append({"name": name, "values": values})
        charts.append(
            {
                "kind": "line",
                "title": _("Share of women per management tier over time"),
                "categories": [str(y) for y in years],
                "series": series,
                "max": 100,
                "unit": "%",
                "decimals": 1,
            }
        )
    funnel = figures["funnel"]
    if funnel:
        # the latest selection that is over (nothing in progress): a funnel still running says little yet
        running = {r["year"] for r in funnel if r["stage"] == TopCandidate.Outcome.IN_PROGRESS}
        finished = [r["year"] for r in funnel if r["year"] not in running]
        latest = max(finished) if finished else max(r["year"] for r in funnel)
        rows = [r for r in funnel if r["year"] == latest]
        charts.append(
            {
                "kind": "bar",
                "title": text(gettext_noop("Selection funnel by gender, %(year)s"), year=latest),
                "categories": [
                    _("invited") if r["stage"] == "invited" else TopCandidate.Outcome(r["stage"]).label for r in rows
                ],
                "series": [
                    {"name": _("Women"), "values": [_value(r, "women") for r in rows]},
                    {"name": _("Men"), "values": [_value(r, "men") for r in rows]},
                ],
            }
        )
    return charts


def build_gender_monitoring(*, run, progress) -> ReportResult:
    threshold = min_cell_size(on=timezone.localdate())
    progress(10)
    figures = monitoring_figures(threshold=threshold)
    progress(70)
    rows = monitoring_rows({k: [dict(r) for r in v] for k, v in figures.items()}, threshold)
    charts = monitoring_charts(figures, threshold)
    tier_rows = figures["tier"]
    latest = max((r["year"] for r in tier_rows), default=None)
    summary = {"min_cell_size": threshold, "latest_year": latest, "legend": legend(threshold)}
    for r in tier_rows:
        if r["year"] == latest:
            summary[f"share_{r['tier']}"] = _value(r, "share")
    presented = [r for r in figures["presented"] if r["year"] is None]
    if presented:
        summary["presented_women"] = _value(presented[0], "women")
        summary["presented_total"] = presented[0]["total"]
        summary["presented_share"] = _value(presented[0], "share")
    overall = [r for r in figures["appointment"] if r["year"] is None]
    if overall:
        summary["appointment_cases"] = _value(overall[0], "cases")
        summary["appointment_women"] = _value(overall[0], "women_appointed")
        summary["appointment_men"] = _value(overall[0], "men_appointed")
        summary["appointment_rate"] = _value(overall[0], "rate")
        summary["appointment_period"] = _all_years(overall[0])
    return ReportResult(columns=MONITORING_COLUMNS, rows=rows, charts=charts, summary=summary)


HEADCOUNT_COLUMNS = [
    ("year", _("Year")),
    ("entity", _("Entity")),
    ("headcount", _("Headcount")),
    ("fte", _("FTE")),
    ("target", _("Headcount target")),
    ("difference", _("Above (+) or below (-) target")),
    ("change", _("Change since the first year (%)")),
]


def build_headcount(*, run, progress) -> ReportResult:
    progress(10)
    entity_rows = headcount_by_entity()
    progress(70)
    organisation = headcount_organisation(entity_rows)
    rows = [{**r, "entity": _("Organisation")} for r in organisation] + entity_rows
    years = [str(r["year"]) for r in organisation]
    chart = {
        "kind": "line",
        "title": _("Headcount and FTE against the target, organisation-wide"),
        "categories": years,
        "series": [
            {"name": _("Headcount"), "values": [r["headcount"] for r in organisation]},
            {"name": _("FTE"), "values": [r["fte"] for r in organisation]},
            {"name": _("Headcount target"), "values": [r["target"] for r in organisation]},
        ],
    }
    summary = {}
    if organisation:
        summary = {
            "first_year": organisation[0]["year"],
            "latest_year": organisation[-1]["year"],
            "change_percent": organisation[-1]["change"],
            "target_change_percent": (
                round(
                    100 * (organisation[-1]["target"] - organisation[0]["headcount"]) / organisation[0]["headcount"], 1
                )
                if organisation[-1]["target"] and organisation[0]["headcount"]
                else None
            ),
        }
    return ReportResult(
        columns=HEADCOUNT_COLUMNS,
        rows=rows,
        charts=[chart],
        summary=summary,
        filters={"year": organisation[-1]["year"] if organisation else ""},
    )


GENDER_MONITORING = register(
    ReportDefinition(
        kind="leadership_gender_monitoring",
        title=_("Gender monitoring of management"),
        description=_(
            "Share of women per management tier and entity over time (yearly snapshots) against the targets, the "
            "selection funnel by gender, candidates presented to government and appointments; small cells suppressed."
        ),
        build=build_gender_monitoring,
        audience=CENTRAL,
    )
)

HEADCOUNT = register(
    ReportDefinition(
        kind="leadership_headcount",
        title=_("Headcount against target"),
        description=_(
            "Headcount and FTE per entity and organisation-wide against the headcount target, per yearly snapshot."
        ),
        build=build_headcount,
        audience=CENTRAL,
    )
)
