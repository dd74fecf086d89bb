from datetime import date

from django import template
from django.template.backends.utils import csrf_input
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hrportal.templatetags.hrportal import link_by_id

register = template.Library()


def _required_line(row, name, t) -> str:
    wanted, offered = row["level"], row["offered"]
    if offered is None:
        return f"<strong>{t['missing']}</strong>: {name} ({escape(t['required'] % {'l': wanted})})"
    if offered >= wanted:
        return f"✓ {name}: {escape(t['offered'] % {'o': offered, 'l': wanted})}"
    return f"≈ {name}: {escape(t['only'] % {'o': offered, 'l': wanted})}"


# The sentences per language: a page of 20 candidates looked the same nine texts up 20 times (5% of it).
_TEXTS: dict[str | None, dict] = {}


def _texts() -> dict:
    """The sentences' texts in the current language, looked up once per language and process."""
    language = get_language()
    texts = _TEXTS.get(language)
    if texts is None:
        texts = _TEXTS[language] = _lookup_texts()
    return texts


def _lookup_texts() -> dict:
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


@register.simple_tag(takes_context=True)
def candidate_rows(context, matches, names):
    """The ranked candidates' table rows, built in plain Python (every value escaped, as the template did).

    Through the template engine a page of 20 rows cost about 1.5 ms more: a `{% url %}`, a dozen variable
    lookups and, for the requester, an invitation form per row. The markup is the one the template wrote.
    """
    offer_link = link_by_id("mobility:offer-detail")
    invite = _invite_cell(context) if context.get("is_requester") else None
    rows = []
    for match in matches:
        row = (
            f'<tr><td class="num"><strong>{int(match.score)}</strong></td>'
            f'<td><a class="govuk-link" href="{offer_link(match.offer_id)}">{escape(match.staff_name)}</a><br>'
            f"<small>{escape(match.offer_title)} · {escape(match.entity_name)} · "
            f"{int(match.offer_time_share_percent)}%</small></td>"
            f"<td>{match_explanation(match, names)}</td>"
        )
        rows.append(row + (invite(match) if invite else "") + "</tr>")
    return mark_safe("".join(rows))


def _invite_cell(context):
    """The requester's last column: the status of an application or invitation, else the invitation form."""
    applied = context.get("applied") or {}
    action = reverse("mobility:request-invite", args=[context["item"].pk])
    token, label = csrf_input(context["request"]), escape(_("Invite"))

    def cell(match) -> str:
        status = applied.get(match.pair_key)
        if status:
            return f'<td><span class="govuk-tag govuk-tag--grey">{escape(status)}</span></td>'
        aria = escape(_("Invite %(name)s") % {"name": match.staff_name})
        return (
            f'<td><form method="post" novalidate action="{action}">{token}'
            f'<input type="hidden" name="offer" value="{int(match.offer_id)}">'
            '<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" '
            f'data-module="govuk-button" aria-label="{aria}">{label}</button></form></td>'
        )

    return cell
