from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from telework.agreements.models import Weekday
from telework.agreements.selectors import inventory_table

INVENTORY_KIND = "telework_inventory"


def build_telework_inventory(*, run, progress) -> ReportResult:
    progress(5)
    today = timezone.localdate()
    table = inventory_table(today=today)
    progress(80)
    columns = [
        ("year", _("Year")),
        ("entity", _("Entity")),
        ("headcount", _("Headcount")),
        ("teleworkers", _("Teleworkers")),
        ("share_percent", _("% teleworking")),
        ("trend_points", _("Change on previous year (points)")),
    ] + [(f"d{day.value}", _("%% on %(day)s") % {"day": day.label}) for day in Weekday]
    org = table["organisation"]
    rows = [{**row, "entity": str(row["entity"])} for row in table["rows"]]
    this_year = org[-1] if org else {}
    charts = [
        {
            "title": str(_("Staff teleworking per year (organisation)")),
            "categories": [str(r["year"]) for r in org],
            "series": [
                {"name": str(_("teleworking")), "values": [r["teleworkers"] for r in org]},
                {"name": str(_("not teleworking")), "values": [r["headcount"] - r["teleworkers"] for r in org]},
            ],
        },
        {
            "title": str(_("Teleworkers per weekday in %(year)s (organisation)") % {"year": this_year.get("year", "")}),
            "categories": [str(day.label) for day in Weekday],
            "series": [
                {
                    "name": str(_("teleworking")),
                    "values": [table["totals"].get(this_year.get("year"), {}).get(f"d{i}", 0) for i in range(5)],
                }
            ],
        },
    ]
    year_rows = sorted(
        (r for r in table["rows"] if r["year"] == this_year.get("year") and r["entity"] != org[-1]["entity"]),
        key=lambda r: (-r["share_percent"], str(r["entity"])),
    )[:25]
    charts.append(
        {
            "title": str(
                _("Share of staff teleworking per entity in %(year)s (%%, highest 25)")
                % {"year": this_year.get("year", "")}
            ),
            "categories": [str(r["entity"]) for r in year_rows],
            "series": [{"name": str(_("% teleworking")), "values": [round(r["share_percent"]) for r in year_rows]}],
        }
    )
    summary = {
        "year": this_year.get("year"),
        "share_percent": this_year.get("share_percent"),
        "trend_points": this_year.get("trend_points"),
        "teleworkers": this_year.get("teleworkers"),
        "headcount": this_year.get("headcount"),
    }
    return ReportResult(columns=columns, rows=rows, charts=charts, summary=summary)


register(
    ReportDefinition(
        kind=INVENTORY_KIND,
        title=_("Telework inventory"),
        description=_(
            "Share of staff who telework, per entity, per weekday and per year, with the trend and the "
            "organisation-wide figure."
        ),
        build=build_telework_inventory,
        audience=frozenset({Role.HR, Role.CENTRAL, Role.ADMIN}),
    )
)
