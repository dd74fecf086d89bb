from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _required_line(row, name, t) -> str:
    wanted, offered = row["level"], row["offered"]
    if offered is None:
        return f"<strong>{t['missing']}</strong>: {name} ({escape(t['required'] % {'l': wanted})})"
    if offered >= wanted:
        return f"✓ {name}: {escape(t['offered'] % {'o': offered, 'l': wanted})}"
    return f"≈ {name}: {escape(t['only'] % {'o': offered, 'l': wanted})}"


def _texts() -> dict:
    """The sentences' texts in the current language, looked up once per explanation."""
    return {
        "missing": escape(_("missing")),
        "required": _("level %(l)s required"),
        "offered": _("level %(o)s offered, %(l)s required"),
        "only": _("only level %(o)s offered, %(l)s required"),
        "nice": escape(_("nice to have")),
        "not_offered": escape(_("not offered")),
        "offered_at": _("offered at level %(o)s"),
        "overlap": _("Period overlap %(s)s – %(e2)s: %(d)s days, %(p)s%% of the requested period"),
        "share": _("Time share: %(r)s%% asked, %(o)s%% offered"),
    }


@register.simple_tag
def match_explanation(match, names):
    """A match's stored explanation as sentences; built in Python because it is rendered for every row
    (every text escaped here: plain string building, which is several times faster than format_html)."""
    e, t = match.explanation, _texts()

    def name_of(row) -> str:
        return escape(getattr(names.get(row["competency"]), "name", "?"))

    lines = [_required_line(row, name_of(row), t) for row in e.get("required", [])]
    for row in e.get("nice", []):
        offered = t["not_offered"] if row["offered"] is None else escape(t["offered_at"] % {"o": row["offered"]})
        lines.append(f"{t['nice']}: {name_of(row)} — {offered}")
    overlap, share = e["overlap"], e["time_share"]
    start, end = (date_format(date.fromisoformat(overlap[k]), "SHORT_DATE_FORMAT") for k in ("start", "end"))
    values = {"s": start, "e2": end, "d": overlap["days"], "p": overlap["percent"]}
    lines.append(escape(t["overlap"] % values))
    lines.append(escape(t["share"] % {"r": share["requested"], "o": share["offered"]}))
    return mark_safe('<ul class="explanation">' + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
