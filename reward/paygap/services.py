from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hrportal.audit.services import audit_record
from hrportal.i18n_text import localize
from hrportal.reports.models import ReportRun
from reward.paygap.models import PayGapJustification
from reward.paygap.permissions import can_see_pay_gap
from reward.paygap.reports import KIND


def flagged_entry(*, run: ReportRun, scope: str, category: str) -> dict | None:
    for entry in ((run.result or {}).get("summary") or {}).get("flagged", []):
        if entry["scope"] == scope and entry["category"] == category:
            return entry
    return None


@transaction.atomic
def justification_record(*, actor, run_id: int, scope: str, category: str, outcome: str, text: str):
    """HR records why a flagged category's gap is justified, or the remedy planned (art. 10). One record per
    year and category; recording again replaces it (audited with the previous text)."""
    if not can_see_pay_gap(actor):
        raise PermissionDenied
    run = ReportRun.objects.filter(pk=run_id, kind=KIND, status=ReportRun.Status.DONE).first()
    if run is None:
        raise ValidationError(_("Choose a finished run of the pay-gap report."))
    entry = flagged_entry(run=run, scope=scope, category=category)
    if entry is None:
        raise ValidationError(_("This category is not flagged in that run of the report."))
    errors = {}
    if outcome not in PayGapJustification.Outcome.values:
        errors["outcome"] = _("Choose whether the gap is justified or a remedy is planned.")
    if not text or not text.strip():
        errors["text"] = _("Write the justification or the remedy.")
    if errors:
        raise ValidationError(errors)
    summary = run.result["summary"]
    year = int(summary["year"])
    flagged_on = run.finished_at.date()
    months = int(summary["parameters"]["values"]["reward.paygap.remedy_months"])
    gaps = [g for g in (entry.get("basic_hourly_mean_gap"), entry.get("comp_hourly_mean_gap")) if g is not None]
    mean_gap = max(gaps, key=abs) if gaps else 0
    existing = PayGapJustification.objects.select_for_update().filter(year=year, scope=scope, category=category).first()
    before = {"outcome": existing.outcome, "text": existing.text} if existing else None
    record, _created = PayGapJustification.objects.update_or_create(
        year=year,
        scope=scope,
        category=category,
        defaults={
            "scope_label": str(localize(entry["scope_label"]))[:200],
            "category_label": str(localize(entry["category_label"]))[:200],
            "mean_gap": round(mean_gap, 2),
            "flagged_on": flagged_on,
            "due_on": flagged_on + relativedelta(months=months),
            "outcome": outcome,
            "text": text.strip(),
            "recorded_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action="reward.pay_gap.justified",
        target=record,
        before=before,
        after={"outcome": outcome, "text": text.strip(), "run": run.pk, "mean_gap": record.mean_gap},
        parameters=summary["parameters"],
    )
    return record
