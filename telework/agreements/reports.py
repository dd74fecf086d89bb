from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop  # marks a msgid for makemessages; translated when shown

from hrportal.i18n_text import text
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from telework.agreements.models import Weekday
from telework.agreements.selectors import inventory_table

INVENTORY_KIND = "telework_inventory"


def build_telework_inventory(*, run, progress) -> ReportResult:
    """Data and msgids only: the page and the files put it into the reader's language."""
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
    ] + [(f"d{day.value}", text(gettext_noop("%% on %(day)s"), day=day.label)) for day in Weekday]
    org = table["organisation"]
    rows = table["rows"]  # the organisation row's name is a message, the entities' names are data
    this_year = org[-1] if org else {}
    year = this_year.get("year", "")
    charts = [
        {
            # A share over time is a line on a 0-100% scale, not stacked counts.
            "kind": "line",
            "title": _("Share of staff teleworking per year (organisation)"),
            "categories": [str(r["year"]) for r in org],
            "series": [{"name": _("% teleworking"), "values": [r["share_percent"] for r in org]}],
            "max": 100,
            "unit": "%",
            "decimals": 1,
        },
        {
            "kind": "bar",
            "title": text(gettext_noop("Share of staff teleworking per weekday in %(year)s (organisation)"), year=year),
            "categories": [day.label for day in Weekday],
            "series": [{"name": _("% teleworking"), "values": [this_year.get(f"d{i}", 0) for i in range(5)]}],
            "max": 100,
            "unit": "%",
            "decimals": 1,
        },
    ]
    year_rows = sorted(
        (r for r in table["rows"] if r["year"] == this_year.get("year") and r["entity"] != this_year.get("entity")),
        key=lambda r: (-r["share_percent"], str(r["entity"])),
    )[:25]
    charts.append(
        {
            "kind": "bar",
            "title": text(gettext_noop("Share of staff teleworking per entity in %(year)s (highest 25)"), year=year),
            "categories": [str(r["entity"]) for r in year_rows],
            "series": [{"name": _("% teleworking"), "values": [r["share_percent"] for r in year_rows]}],
            "max": 100,
            "unit": "%",
            "decimals": 1,
        }
    )
    summary = {
        "year": this_year.get("year"),
        "share_percent": this_year.get("share_percent"),
        "trend_points": this_year.get("trend_points"),
        "teleworkers": this_year.get("teleworkers"),
        "headcount": this_year.get("headcount"),
    }
    return ReportResult(
        columns=columns, rows=rows, charts=charts, summary=summary, filters={"year": this_year.get("year")}
    )


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
