from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


def _required_line(row, name) -> str:
    wanted, offered = row["level"], row["offered"]
    if offered is None:
        return format_html(
            "<strong>{}</strong>: {} ({})", _("missing"), name, _("level %(l)s required") % {"l": wanted}
        )
    if offered >= wanted:
        return format_html("✓ {}: {}", name, _("level %(o)s offered, %(l)s required") % {"o": offered, "l": wanted})
    return format_html("≈ {}: {}", name, _("only level %(o)s offered, %(l)s required") % {"o": offered, "l": wanted})


@register.simple_tag
def match_explanation(match, names):
    """A match's stored explanation as sentences; built in Python because it is rendered for every row."""
    e = match.explanation
    lines = [_required_line(row, getattr(names.get(row["competency"]), "name", "?")) for row in e.get("required", [])]
    for row in e.get("nice", []):
        name = getattr(names.get(row["competency"]), "name", "?")
        offered = _("not offered") if row["offered"] is None else _("offered at level %(o)s") % {"o": row["offered"]}
        lines.append(format_html("{}: {} — {}", _("nice to have"), name, offered))
    overlap, share = e["overlap"], e["time_share"]
    start, end = (date_format(date.fromisoformat(overlap[k]), "SHORT_DATE_FORMAT") for k in ("start", "end"))
    lines.append(
        _("Period overlap %(s)s – %(e2)s: %(d)s days, %(p)s%% of the requested period")
        % {"s": start, "e2": end, "d": overlap["days"], "p": overlap["percent"]}
    )
    lines.append(_("Time share: %(r)s%% asked, %(o)s%% offered") % {"r": share["requested"], "o": share["offered"]})
    return format_html('<ul class="explanation">{}</ul>', format_html_join("", "<li>{}</li>", ((x,) for x in lines)))
