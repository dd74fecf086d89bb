"""The candidates page's explanation, built by plain string joining, is the HTML format_html built."""

from datetime import date
from types import SimpleNamespace

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from mobility.marketplace.templatetags import match_explanation


def _former(match, names) -> str:
    """The tag as it was written with format_html (the reference)."""

    def required(row, name):
        wanted, offered = row["level"], row["offered"]
        if offered is None:
            return format_html(
                "<strong>{}</strong>: {} ({})", _("missing"), name, _("level %(l)s required") % {"l": wanted}
            )
        if offered >= wanted:
            return format_html("✓ {}: {}", name, _("level %(o)s offered, %(l)s required") % {"o": offered, "l": wanted})
        return format_html(
            "≈ {}: {}", name, _("only level %(o)s offered, %(l)s required") % {"o": offered, "l": wanted}
        )

    e = match.explanation
    lines = [required(row, getattr(names.get(row["competency"]), "name", "?")) for row in e.get("required", [])]
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


def test_the_explanation_is_the_former_html_in_both_languages():
    names = {1: SimpleNamespace(name='Analyseren <&> "data"'), 2: SimpleNamespace(name="Coachen")}
    match = SimpleNamespace(
        explanation={
            "required": [
                {"competency": 1, "level": 3, "offered": 4},
                {"competency": 2, "level": 3, "offered": 2},
                {"competency": 9, "level": 2, "offered": None},
            ],
            "nice": [{"competency": 2, "offered": None}, {"competency": 1, "offered": 2}],
            "overlap": {"start": "2027-01-04", "end": "2027-03-31", "days": 87, "percent": 64},
            "time_share": {"requested": 40, "offered": 50},
        }
    )
    for language in ("nl", "en"):
        with translation.override(language):
            html = match_explanation(match, names)
            assert html == _former(match, names)
    assert "Analyseren &lt;&amp;&gt; &quot;data&quot;" in html and "<strong>missing</strong>" in html
