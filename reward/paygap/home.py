from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from reward.paygap.permissions import can_see_pay_gap
from reward.paygap.selectors import justifications_for, latest_pay_gap_run


def action_items(user) -> list[ActionItem]:
    """Central HR: flagged pay-gap categories of the latest run without a justification or remedy yet."""
    if not can_see_pay_gap(user):
        return []
    run = latest_pay_gap_run()
    if run is None or not run.result:
        return []
    summary = run.result.get("summary") or {}
    done = justifications_for(year=int(summary.get("year", 0)))
    waiting = sum(1 for e in summary.get("flagged", []) if (e["scope"], e["category"]) not in done)
    return [
        ActionItem(
            label=str(_("Pay-gap categories to justify or remedy")),
            url=reverse("reward:paygap-index"),
            count=waiting,
            area=str(_("Reward")),
        )
    ]
